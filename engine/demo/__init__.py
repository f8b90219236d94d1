"""The demo marketplace loaded by ``ruta serve --demo`` (never without ``--demo``)."""
