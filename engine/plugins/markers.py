"""The marker plugins use: ``from engine import hookimpl``."""

import pluggy

hookimpl = pluggy.HookimplMarker("ruta")
