"""A worker's start-up memory: the libraries only some requests need (PDF, QR codes,
calendars, Stripe, SMTP; images; outbound HTTP; signed tokens) are imported when first
used, not by building the app. Together they were ~41 MB of every worker's RSS
(bench/README.md, "Start-up memory" and "Worker memory: lazy imports, 2026-12-02"):
~27 MB the first five; PyJWT with ``cryptography`` (its Rust and OpenSSL libraries)
~8.6 MB; ``httpx`` (with ``click`` and ``pygments``, which its command line imports) and
Pillow ~5.5 MB."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

LAZY = ("fpdf", "segno", "icalendar", "stripe", "aiosmtplib", "jwt", "cryptography", "httpx",
        "PIL")

PROBE = """
import json, sys
from engine.app import create_app
create_app()
print(json.dumps(sorted(m for m in {lazy!r} if m in sys.modules)))
"""


def test_building_the_app_with_every_plugin_imports_none_of_the_heavy_libraries(
        tmp_path: Path) -> None:
    env = {"RUTA_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'start.db'}",
           "RUTA_SECRET_KEY": "x" * 40, "PATH": "/usr/bin:/bin"}
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", PROBE.format(lazy=LAZY)], env=env,
                          cwd=root, capture_output=True, text=True, timeout=120, check=True)
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded == [], f"imported at start-up: {loaded}"
