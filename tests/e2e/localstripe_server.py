"""localstripe (with the test suite's Connect additions, ``tests.stripe_fake``) in its own
process for the browser tests, which cannot share an event loop with Playwright's sync API.
``python -m tests.e2e.localstripe_server PORT`` serves it on 127.0.0.1:PORT; the
``localstripe_process`` context manager starts it and yields its base URL."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.e2e.server import free_port


@contextmanager
def localstripe_process(folder: Path) -> Iterator[str]:
    port = free_port()
    log = (folder / "localstripe.log").open("wb")
    process = subprocess.Popen([sys.executable, "-m", "tests.e2e.localstripe_server",
                                str(port)], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            if process.poll() is not None:
                raise RuntimeError((folder / "localstripe.log").read_text()[-3000:])
            try:
                if httpx.get(f"{base}/js.stripe.com/v3/", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.25)
        else:
            raise RuntimeError("localstripe did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


if __name__ == "__main__":
    from aiohttp import web

    from tests.stripe_fake import _install_connect

    web.run_app(_install_connect(), host="127.0.0.1", port=int(sys.argv[1]),
                print=None)
