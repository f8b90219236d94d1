"""The ``ruta`` command as a new user runs it."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from engine import cli, hookimpl


def users_in(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT email FROM account_user ORDER BY email")]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("RUTA_DATABASE_URL", "RUTA_MODE", "RUTA_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(cli.uvicorn, "run", lambda *a, **kw: calls.append({"args": a, **kw}))
    return calls


def test_serve_without_demo_migrates_but_never_creates_demo_users(
        workdir: Path, served: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["serve", "--port", "8123", "--workers", "2"]) == 0
    assert users_in(workdir / "ruta.db") == []
    assert served[0]["port"] == 8123 and served[0]["workers"] == 2
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8123/graphql" in out and "ruta-demo" not in out


def test_serve_demo_seeds_once_and_prints_the_logins(
        workdir: Path, served: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["serve", "--demo"]) == 0
    out = capsys.readouterr().out
    for email in ("admin@ruta.example", "vendor.es@ruta.example", "vendor.pt@ruta.example",
                  "customer@ruta.example", "ruta-demo", "/graphql"):
        assert email in out
    # both demo vouchers: the vendor-funded one and the platform-funded one
    assert "RUTA10" in out and "Bodega y Dulces del Condado" in out
    assert "RUTA5" in out and "paid by the platform" in out
    assert cli.main(["serve", "--demo"]) == 0
    assert "already present" in capsys.readouterr().out
    assert users_in(workdir / "ruta.db").count("admin@ruta.example") == 1


def test_production_refuses_to_start_with_the_default_secret(
        workdir: Path, served: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("RUTA_MODE", "production")
    assert cli.main(["serve"]) == 2
    assert "RUTA_SECRET_KEY" in capsys.readouterr().err
    assert served == []


def test_migrate_and_export_schema(workdir: Path) -> None:
    assert cli.main(["migrate"]) == 0
    assert users_in(workdir / "ruta.db") == []
    assert cli.main(["export-schema", "--output", "out/schema.graphql"]) == 0
    sdl = (workdir / "out" / "schema.graphql").read_text()
    assert "type Query" in sdl and "productCreate(input: ProductCreateInput!)" in sdl


class Greeter:
    @hookimpl
    def ruta_cli_commands(self, subparsers: Any, build_runtime: Any) -> None:
        hello = subparsers.add_parser("hello", help="say hello")
        hello.add_argument("--name", default="Ruta")
        hello.set_defaults(func=lambda args: print(f"hello {args.name}") or 0)


def test_plugins_add_commands(workdir: Path, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    real = cli.build_plugin_manager
    monkeypatch.setattr(cli, "build_plugin_manager",
                        lambda **kw: real(entry_points_from=None, extra_plugins=[Greeter()]))
    assert cli.main(["hello", "--name", "Faro"]) == 0
    assert "hello Faro" in capsys.readouterr().out
