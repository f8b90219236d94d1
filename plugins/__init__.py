"""First-party Ruta plugins (Spain-Portugal tax and locale, e-learning, mentoring).

Each is an ordinary plugin registered through the ``ruta.plugins`` entry-point group in
``pyproject.toml``, using only the public hooks in ``engine/plugins/specs.py``.
"""
