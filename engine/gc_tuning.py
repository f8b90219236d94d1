"""Garbage-collector tuning for worker processes, applied once at start-up (lifespan).

Profiles of the listing showed the cyclic collector taking ~30% of CPU: a full collection
walks the whole start-up heap (schema, models, plugins) every few requests. After start-up
``gc.freeze()`` moves everything alive into the permanent generation, which collections
skip, and a larger gen-0 threshold makes young collections rarer. Request garbage is still
collected (reference counting frees almost all of it; the collector still runs).

glibc gives every thread that allocates its own malloc arena (up to eight per core), and
aiosqlite runs each connection in a thread of its own: freed memory stays spread over
arenas that are rarely returned to the system. ``RUTA_MALLOC_ARENA_MAX`` (default 1) caps
them with ``mallopt(M_ARENA_MAX)`` before the worker starts any thread; see
``bench/README.md`` ("Worker memory: malloc arenas") for the figures.
"""

from __future__ import annotations

import ctypes
import gc

from engine.settings import Settings

M_ARENA_MAX = -8  # glibc's <malloc.h>


def limit_malloc_arenas(arenas: int) -> bool:
    """``mallopt(M_ARENA_MAX, arenas)``; False where there is no glibc ``mallopt`` or
    ``arenas`` is 0 (leave the default)."""
    if arenas <= 0:
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_ARENA_MAX, arenas))


def settle_heap(settings: Settings) -> None:
    """Cap malloc arenas, collect once, freeze what start-up built, and raise the gen-0
    threshold."""
    limit_malloc_arenas(settings.malloc_arena_max)
    gc.collect()
    gc.freeze()
    _, gen1, gen2 = gc.get_threshold()
    gc.set_threshold(settings.gc_gen0_threshold, gen1, gen2)
