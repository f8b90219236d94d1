"""Shared by the benchmark scripts: a uvicorn server of the Ruta app (optionally from another
code snapshot, for before/after runs) on a free loopback port, and its processes' memory."""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

REPO_ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def ruta_server(database_url: str, *, workers: int = 1, code: Path | None = None,
                env: dict[str, str] | None = None) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``uvicorn engine.app:app_from_env`` in production mode; ``code`` is a directory with
    another snapshot of the repository (``git archive REV | tar -x -C DIR``) to serve
    instead of this one. Yields (base URL, process); stops the process group at the end."""
    port = free_port()
    environment = {**os.environ, "RUTA_DATABASE_URL": database_url, "RUTA_MODE": "production",
                   "RUTA_SECRET_KEY": secrets.token_hex(24), **(env or {})}
    command = [sys.executable, "-m", "uvicorn", "--factory", "engine.app:app_from_env",
               "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
               "--no-access-log"]
    if workers > 1:
        command += ["--workers", str(workers), "--timeout-worker-healthcheck", "60"]
    log = tempfile.TemporaryFile()  # noqa: SIM115  (closed below)
    server = subprocess.Popen(command, cwd=str(code or REPO_ROOT), env=environment,
                              stdout=log, stderr=log, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            if server.poll() is not None:
                log.seek(0)
                raise SystemExit("server exited:\n" + log.read().decode(errors="replace"))
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise SystemExit("server did not start in 180 s")
            time.sleep(0.5)
        yield base, server
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


def rss_mb(pid: int) -> float:
    """Resident set size of one process, in MiB (Linux ``/proc``)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]
