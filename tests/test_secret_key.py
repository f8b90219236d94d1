"""Without ``RUTA_SECRET_KEY`` a demo or development server signs with a random key kept
beside its database, never with the key published in the source (issue 10, item 12)."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import jwt
import pytest
from sqlalchemy import select

from engine.accounts.models import User
from engine.accounts.tokens import issue
from engine.app import build_runtime
from engine.orders import downloads
from engine.secret_key import WORKDIR_FILE, key_path
from engine.settings import DEFAULT_SECRET_KEY, Settings


def sqlite_url(directory: Path) -> str:
    return f"sqlite+aiosqlite:///{directory / 'ruta.db'}"


def demo(url: str) -> Settings:
    return Settings(mode="demo", database_url=url)  # no secret key configured


async def test_a_demo_key_is_random_private_and_kept_beside_the_database(
        tmp_path: Path) -> None:
    first = build_runtime(demo(sqlite_url(tmp_path)))
    again = build_runtime(demo(sqlite_url(tmp_path)))
    other = build_runtime(demo(sqlite_url(tmp_path / "..")))
    try:
        key = first.settings.secret_key
        assert key != DEFAULT_SECRET_KEY and len(key) >= 64
        path = tmp_path / "ruta.db.secret-key"
        assert path.read_text().strip() == key
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert again.settings.secret_key == key  # kept across restarts and workers
        assert other.settings.secret_key != key  # another database, another key
    finally:
        for rt in (first, again, other):
            await rt.db.dispose()
        (tmp_path.parent / "ruta.db.secret-key").unlink(missing_ok=True)


def test_a_configured_key_is_used_as_is_and_nothing_is_written(tmp_path: Path) -> None:
    rt = build_runtime(Settings(mode="demo", database_url=sqlite_url(tmp_path),
                                secret_key="c" * 40))  # (no connection was opened)
    assert rt.settings.secret_key == "c" * 40
    assert list(tmp_path.iterdir()) == []


async def test_a_loose_key_file_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "ruta.db.secret-key"
    path.write_text("k" * 80)
    path.chmod(0o644)
    rt = build_runtime(demo(sqlite_url(tmp_path)))
    await rt.db.dispose()
    assert rt.settings.secret_key == "k" * 80
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_where_the_key_lives(tmp_path: Path) -> None:
    assert key_path("sqlite+aiosqlite:///data/shop.db") == Path("data/shop.db.secret-key")
    assert key_path("sqlite+aiosqlite://") is None
    assert key_path("sqlite+aiosqlite:///:memory:") is None
    assert key_path("postgresql+asyncpg://u@h/db", tmp_path) == tmp_path / WORKDIR_FILE


async def test_tokens_and_links_signed_with_the_published_key_are_refused(
        database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plugged: Any
        ) -> None:
    monkeypatch.chdir(tmp_path)  # PostgreSQL keeps its key in the working directory
    async with plugged(mode="demo", secret_key=DEFAULT_SECRET_KEY) as client:
        assert client.runtime.settings.secret_key != DEFAULT_SECRET_KEY
        await client.operator("boss@example.com")
        async with client.runtime.db.read() as session:
            boss = await session.scalar(select(User).where(User.email == "boss@example.com"))
        assert boss is not None
        published = Settings(secret_key=DEFAULT_SECRET_KEY)
        forged, _ = issue(published, boss.id, boss.token_version, "access")
        me = {"query": "{ me { email } }"}
        refused = await client.http.post("/graphql", json=me,
                                         headers={"Authorization": f"Bearer {forged}"})
        assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        real, _ = issue(client.runtime.settings, boss.id, boss.token_version, "access")
        accepted = await client.http.post("/graphql", json=me,
                                          headers={"Authorization": f"Bearer {real}"})
        assert accepted.json() == {"data": {"me": {"email": "boss@example.com"}}}
        link = downloads.sign(published, 1)
        assert downloads.verify(client.runtime.settings, link) is None
        assert jwt.decode(link, DEFAULT_SECRET_KEY, algorithms=["HS256"],
                          audience=downloads.AUDIENCE)["line"] == 1
