"""Event-loop stalls from argon2, and what a 30-alias sign-in document costs now.

    .venv/bin/python bench/password_hashing.py

1. The longest event-loop gap (a 1 ms ticker) while 30 argon2 verifications run inline
   (as before) versus on the hashing pool (as now).
2. A document with 30 wrong ``tokenCreate`` aliases against a fresh SQLite app: wall time
   and how many argon2 verifications ran (the throttle stops them after 5).
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from engine.accounts import passwords
from engine.app import build_runtime, create_app
from engine.db.migrate import upgrade
from engine.plugins.manager import build_plugin_manager
from engine.settings import Settings

HASH = passwords.hash_password("a-password-to-verify")


async def longest_gap(work: Any) -> tuple[float, float]:
    """The longest gap between ticks, and the sum of gaps over 5 ms (time blocked)."""
    gaps: list[float] = []
    done = asyncio.Event()

    async def ticker() -> None:
        last = time.perf_counter()
        while not done.is_set():
            await asyncio.sleep(0.001)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    task = asyncio.create_task(ticker())
    await asyncio.sleep(0.01)
    await work()
    done.set()
    await task
    return max(gaps), sum(g for g in gaps if g > 0.005)


async def idle() -> None:
    await asyncio.sleep(1.5)


async def inline() -> None:
    for _ in range(30):
        passwords.verify_password(HASH, "wrong")
        await asyncio.sleep(0)


async def pooled() -> None:
    for _ in range(30):
        await passwords.verify_password_async(HASH, "wrong", threads=2)


async def aliases() -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(database_url=f"sqlite+aiosqlite:///{Path(tmp) / 'b.db'}",
                            secret_key="bench-secret-key-long-enough-0000000000")
        runtime = build_runtime(settings, build_plugin_manager(entry_points_from=None))
        await upgrade(runtime.db, runtime.plugins)
        app = create_app(runtime=runtime)
        calls = [0]
        original = passwords.verify_password

        def counting(password_hash: str | None, password: str) -> bool:
            calls[0] += 1
            return original(password_hash, password)

        passwords.verify_password = counting  # type: ignore[assignment]
        fields = " ".join(f'a{i}: tokenCreate(email: "v@example.com", password: "p{i}") '
                          "{ errors { code } }" for i in range(30))
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://bench") as client:
            start = time.perf_counter()
            await client.post("/graphql", json={"query": f"mutation {{ {fields} }}"})
            elapsed = time.perf_counter() - start
        passwords.verify_password = original  # type: ignore[assignment]
        await runtime.db.dispose()
        return elapsed, calls[0]


async def main() -> None:
    for name, work in (("(none: idle 1.5 s)", idle), ("inline", inline),
                       ("on the pool", pooled)):
        gap, blocked = await longest_gap(work)
        print(f"30 verifications {name}: longest event-loop gap {gap:.3f} s, "
              f"blocked {blocked:.2f} s in all")
    elapsed, calls = await aliases()
    print(f"30 wrong tokenCreate aliases: {elapsed:.2f} s, {calls} argon2 verifications")


if __name__ == "__main__":
    asyncio.run(main())
