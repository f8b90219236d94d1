"""Workers of ``ruta serve --workers N`` exit when the process that started them dies.

uvicorn's supervisor spawns N worker processes that share the listening socket. If the
supervisor is killed with SIGKILL nothing tells them, so they used to live on, holding the
port ("Address already in use" on restart). ``ruta serve`` puts its own pid in
``RUTA_SERVE_PARENT_PID`` before starting more than one worker; each worker, when it loads
the app (``engine.app.app_from_env``):

- on Linux asks the kernel for SIGTERM when its parent dies (``prctl(PR_SET_PDEATHSIG)``);
- everywhere, polls its parent pid from a daemon thread and sends itself SIGTERM when it
  changed (the worker was re-parented), then exits hard if it is still alive after a grace
  period.

SIGTERM is uvicorn's graceful shutdown: requests in flight finish, the socket is closed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Mapping

log = logging.getLogger(__name__)
ENV = "RUTA_SERVE_PARENT_PID"
PR_SET_PDEATHSIG = 1
POLL_SECONDS = 1.0
GRACE_SECONDS = 15.0


def _ask_kernel_for_sigterm() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(POLL_SECONDS)
    log.warning("parent process %d is gone: worker %d shuts down", parent, os.getpid())
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(GRACE_SECONDS)
    os._exit(1)


def start_if_worker(environ: Mapping[str, str] | None = None) -> bool:
    """Watch the parent if this process is a spawned worker of ``ruta serve``."""
    raw = (os.environ if environ is None else environ).get(ENV, "")
    if not raw.isdigit() or int(raw) == os.getpid():
        return False
    parent = int(raw)
    _ask_kernel_for_sigterm()
    # Started after prctl: a parent that died before it is caught by the first poll.
    threading.Thread(target=_watch, args=(parent,), daemon=True,
                     name="ruta-parent-watch").start()
    return True
