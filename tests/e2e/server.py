"""A real ``ruta serve --demo`` on a free loopback port, with a temporary SQLite database."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def ruta_serve(folder: Path, settings: Mapping[str, str] | None = None) -> Iterator[str]:
    """Start the demo server in ``folder`` (``settings``: more ``RUTA_*`` variables); yield
    its base URL; stop it afterwards."""
    port = free_port()
    env = {**os.environ, "RUTA_DATABASE_URL": f"sqlite+aiosqlite:///{folder / 'ruta.db'}",
           "RUTA_MODE": "demo", "RUTA_PUBLIC_URL": f"http://127.0.0.1:{port}",
           **(settings or {})}
    env.pop("RUTA_TEST_DATABASE_URL", None)
    ruta = Path(sys.executable).parent / "ruta"
    log = (folder / "serve.log").open("wb")
    process = subprocess.Popen([str(ruta), "serve", "--demo", "--host", "127.0.0.1",
                                "--port", str(port)], cwd=folder, env=env, stdout=log,
                               stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            if process.poll() is not None:
                raise RuntimeError((folder / "serve.log").read_text()[-3000:])
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        else:
            raise RuntimeError("ruta serve did not start: " + (folder / "serve.log").read_text())
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
