"""The iberia plugin's hook implementations (registered as the ``iberia`` entry point)."""
