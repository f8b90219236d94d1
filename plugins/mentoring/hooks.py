"""The mentoring plugin's hook implementations (registered as the ``mentoring`` entry
point)."""
