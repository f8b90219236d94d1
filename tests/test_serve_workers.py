"""``ruta serve --workers 2`` killed with SIGKILL: its workers exit and free the port
(issue 10, item 23). A real server in a subprocess, on a free port and a temp SQLite file."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from engine import parent_watch

WAIT = 300.0  # an upper bound for loaded machines, never a speed assertion


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def state(pid: int) -> str | None:
    """The process's state letter, or None once it is gone (a zombie counts as gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    letter = stat.rsplit(")", 1)[1].split()[0]
    return None if letter in ("Z", "X") else letter


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (FileNotFoundError, ProcessLookupError):
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def until(check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"gave up waiting: {what}")


def bindable(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def healthy(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], int, list[int]]]:
    port = free_port()
    env = {**os.environ, "RUTA_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'ruta.db'}",
           "RUTA_SECRET_KEY": "s" * 40}
    env.pop(parent_watch.ENV, None)
    with (tmp_path / "serve.log").open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "engine.cli", "serve", "--workers", "2", "--port", str(port)],
            cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT)
    workers: list[int] = []  # filled by the test: whatever is left of them is killed
    try:
        yield proc, port, workers
    finally:
        if proc.poll() is None:
            workers.extend(children(proc.pid))
            proc.kill()
        proc.wait()
        for pid in workers:
            if state(pid) is not None:
                os.kill(pid, signal.SIGKILL)


def test_workers_exit_when_the_parent_is_killed(
        server: tuple[subprocess.Popen[bytes], int, list[int]], tmp_path: Path) -> None:
    proc, port, workers = server
    until(lambda: healthy(port) or proc.poll() is not None, "the server to start")
    assert proc.poll() is None, (tmp_path / "serve.log").read_text()
    until(lambda: len(children(proc.pid)) >= 2, "two workers")
    workers.extend(children(proc.pid))
    assert not bindable(port)  # the workers hold the port

    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    until(lambda: all(state(pid) is None for pid in workers),
          f"workers {workers} to exit; log:\n{(tmp_path / 'serve.log').read_text()}")
    until(lambda: bindable(port), "the port to be free again")
    assert not healthy(port)
