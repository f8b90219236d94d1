"""Installing, listing, downgrading and uninstalling a plugin that has migrations.

"Uninstalled" is simulated by hiding the example plugin's entry point from
``engine.plugins.installed`` (what Ruta sees of the environment): the database keeps what
the plugin's migration created, exactly as after ``pip uninstall ruta-product-audit``.
"""

from __future__ import annotations

import asyncio
import sqlite3
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text

from engine import cli
from engine.db.database import Database
from engine.plugins import installed
from engine.testing.database import fresh_database

PLUGIN = "product_audit"
TABLE = "product_audit_entry"
REVISION = "product_audit_0002"  # the head (0001 creates the table)
REVISIONS = "product_audit_0001, product_audit_0002"


def tables(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master "
                                               "WHERE type = 'table'")}


def versions(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT version_num FROM alembic_version")}


def uninstall(monkeypatch: pytest.MonkeyPatch, name: str = PLUGIN) -> None:
    real = installed.entry_points

    def without(group: str) -> list[EntryPoint]:
        return [ep for ep in real(group=group) if ep.name != name]

    monkeypatch.setattr(installed, "entry_points", without)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("RUTA_DATABASE_URL", "RUTA_MODE", "RUTA_SECRET_KEY", "RUTA_DISABLED_PLUGINS"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(cli.uvicorn, "run", lambda *a, **kw: calls.append(kw))
    return calls


def test_an_uninstalled_plugin_stops_start_up_with_one_line_until_forgotten(
        workdir: Path, served: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = workdir / "ruta.db"
    assert cli.main(["migrate"]) == 0
    assert TABLE in tables(db) and REVISION in versions(db)
    capsys.readouterr()

    uninstall(monkeypatch)
    assert cli.main(["serve"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.splitlines() == [
        "ruta: the database carries migrations of plugin 'product_audit', which is not "
        "installed: reinstall it, or run `ruta migrate --forget-plugin product_audit` to "
        "drop its tables"]
    assert served == []

    assert cli.main(["plugins"]) == 0
    listing = capsys.readouterr().out
    assert f"{PLUGIN}  NOT INSTALLED  migrations {REVISIONS} applied, tables {TABLE}" in listing

    assert cli.main(["migrate", "--forget-plugin", PLUGIN]) == 1  # no terminal: refuses
    assert "--yes" in capsys.readouterr().err
    assert TABLE in tables(db)

    assert cli.main(["migrate", "--forget-plugin", PLUGIN, "--yes"]) == 0
    assert f"dropped tables: {TABLE}" in capsys.readouterr().out
    assert TABLE not in tables(db) and REVISION not in versions(db)
    assert cli.main(["serve"]) == 0
    assert len(served) == 1
    assert PLUGIN not in capsys.readouterr().out


def test_forget_refuses_an_installed_plugin_and_an_unknown_one(
        workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli.main(["migrate"]) == 0
    assert cli.main(["migrate", "--forget-plugin", PLUGIN, "--yes"]) == 1
    assert "--downgrade-plugin product_audit" in capsys.readouterr().err
    assert cli.main(["migrate", "--forget-plugin", "nobody", "--yes"]) == 1
    assert capsys.readouterr().err.strip() == (
        "ruta: no migrations of plugin 'nobody' are recorded here")
    assert TABLE in tables(workdir / "ruta.db")


def test_downgrade_plugin_runs_its_own_downgrade(
        workdir: Path, served: list[dict[str, Any]], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    db = workdir / "ruta.db"
    assert cli.main(["migrate"]) == 0
    assert cli.main(["migrate", "--downgrade-plugin", PLUGIN, "--yes"]) == 0
    assert f"dropped tables: {TABLE}" in capsys.readouterr().out
    assert TABLE not in tables(db) and REVISION not in versions(db)
    assert {"elearning_course", "iberia_invoice", "catalog_product"} <= tables(db)
    # nothing is left to forget, and the uninstalled plugin no longer blocks start-up
    uninstall(monkeypatch)
    assert cli.main(["serve"]) == 0 and len(served) == 1
    assert cli.main(["migrate", "--downgrade-plugin", "nobody", "--yes"]) == 1
    assert "'nobody' is not installed" in capsys.readouterr().err


def test_plugins_lists_what_is_installed_and_where_its_migrations_stand(
        workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RUTA_DISABLED_PLUGINS", "mentoring")
    assert cli.main(["plugins"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "dashboard  ruta 0.1.0  enabled  migration -: none"
    assert "elearning  ruta 0.1.0  enabled  migration elearning_0003: not applied" in lines
    assert "mentoring  ruta 0.1.0  disabled  migration mentoring_0002: not applied" in lines
    assert "storefront  ruta 0.1.0  enabled  migration -: none" in lines
    audit = lines.index("product_audit  ruta-product-audit 0.2.0  enabled  "
                        "migration product_audit_0002: not applied")
    assert lines[audit + 1] == (
        "    hooks: ruta_graphql_schema, ruta_graphql_type_fields, ruta_migration_locations, "
        "ruta_models, ruta_product_created, ruta_product_deleted, ruta_product_updated, "
        "ruta_web_routes")

    assert cli.main(["migrate"]) == 0
    capsys.readouterr()
    assert cli.main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert "product_audit  ruta-product-audit 0.2.0  enabled  migration product_audit_0002: " \
           "applied" in out
    assert "mentoring  ruta 0.1.0  disabled  migration mentoring_0002: not applied" in out

    uninstall(monkeypatch)
    assert cli.main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert "product_audit  ruta-product-audit" not in out
    assert "product_audit  NOT INSTALLED" in out
    assert [line.split()[0] for line in out.splitlines() if not line.startswith(" ")] == [
        "dashboard", "elearning", "iberia", "jobs", "mentoring", "programme", "storefront",
        "product_audit"]


def test_a_disabled_plugin_with_applied_migrations_does_not_block_start_up(
        workdir: Path, served: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli.main(["migrate"]) == 0
    monkeypatch.setenv("RUTA_DISABLED_PLUGINS", PLUGIN)
    assert cli.main(["serve"]) == 0 and len(served) == 1
    assert TABLE in tables(workdir / "ruta.db")  # its data stays for when it is enabled again


async def _state(url: str) -> tuple[set[str], set[str]]:
    db = Database(url)
    try:
        async with db.engine.connect() as conn:
            return await conn.run_sync(lambda c: (
                set(inspect(c).get_table_names()),
                set(c.execute(text("SELECT version_num FROM alembic_version")).scalars())))
    finally:
        await db.dispose()


def test_downgrade_and_forget_on_the_test_database_backend(
        workdir: Path, served: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    """The same cycle on SQLite or PostgreSQL (``RUTA_TEST_DATABASE_URL``)."""
    for url in fresh_database():
        monkeypatch.setenv("RUTA_DATABASE_URL", url)
        assert cli.main(["migrate"]) == 0
        assert cli.main(["migrate", "--downgrade-plugin", PLUGIN, "--yes"]) == 0
        tables_now, heads = asyncio.run(_state(url))
        assert TABLE not in tables_now and REVISION not in heads
        assert "webhook_delivery" in tables_now and "ruta_plugin_migration" in tables_now

        assert cli.main(["migrate"]) == 0
        with monkeypatch.context() as gone:
            uninstall(gone)
            assert cli.main(["serve"]) == 1 and served == []
            assert cli.main(["migrate", "--forget-plugin", PLUGIN, "--yes"]) == 0
            tables_now, heads = asyncio.run(_state(url))
            assert TABLE not in tables_now and not any(h.startswith(PLUGIN) for h in heads)
            assert cli.main(["serve"]) == 0 and len(served) == 1
