"""The elearning plugin's hook implementations (registered as the ``elearning`` entry
point)."""
