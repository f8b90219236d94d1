"""README commands 1 (serve the demo) and 2 (run the tests) live in separate environments.

Command 2 installs the example plugin; if it shared command 1's environment, the next
``ruta serve --demo`` would apply the plugin's migration to ``ruta.db`` (issue 18). Each
environment's plugin set is built from what its command installs (``pip install -e PATH``:
the distribution named in ``PATH/pyproject.toml``), and Ruta is run with exactly those
plugins visible: command 1, then (part of) command 2 from the same directory, then command
1 again, on the same ``ruta.db``.
"""

from __future__ import annotations

import os
import re
import shlex
import sqlite3
import subprocess
import sys
import tomllib
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import pytest

from engine import cli
from engine.plugins import installed

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def quickstart_command(number: int) -> str:
    """The shell command of Quickstart step ``number`` (its indented code line)."""
    step = README.split(f"\n{number}. ", 1)[1]
    return next(line.strip() for line in step.splitlines()
                if line.startswith("       ") and "pip install" in line)


def environment(command: str) -> tuple[str, set[str]]:
    """(environment directory, distributions installed into it) of a Quickstart command."""
    [(env, args)] = re.findall(r"(\S+)/bin/pip install ([^&]+)", command)
    dists = set()
    for arg in shlex.split(args):
        if arg == "-e":
            continue
        path = ROOT / arg.split("[")[0]
        dists.add(tomllib.loads((path / "pyproject.toml").read_text())["project"]["name"])
    return env, dists


def snapshot(db: Path) -> dict[str, Any]:
    with sqlite3.connect(db) as conn:
        tables = sorted(r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"))
        return {"tables": tables,
                "versions": sorted(r[0] for r in conn.execute(
                    "SELECT version_num FROM alembic_version")),
                "rows": {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                         for t in tables}}


def installed_into(env: str) -> set[str]:
    """Every distribution that commands 1 and 2 together install into ``env``."""
    found: set[str] = set()
    for number in (1, 2):
        command_env, dists = environment(quickstart_command(number))
        if command_env == env:
            found |= dists
    return found


def only(monkeypatch: pytest.MonkeyPatch, dists: set[str]) -> None:
    """Make Ruta see the plugins of exactly these distributions."""
    real = installed.entry_points

    def visible(group: str) -> list[EntryPoint]:
        return [ep for ep in real(group=group) if ep.dist is not None and ep.dist.name in dists]

    monkeypatch.setattr(installed, "entry_points", visible)


def test_the_test_command_builds_its_own_environment() -> None:
    serve, test = quickstart_command(1), quickstart_command(2)
    serve_env, serve_dists = environment(serve)
    test_env, test_dists = environment(test)
    assert (serve_env, serve_dists) == (".venv", {"ruta"})
    assert test_env != serve_env and test_dists == {"ruta", "ruta-product-audit"}
    assert f"{serve_env}/" not in test  # command 2 never runs anything from command 1's env
    ci = (ROOT / ".ci" / "run").read_text()
    assert "<!-- test-command -->" in ci and '"$test_env/bin/ruff"' in ci
    assert "<!-- test-command -->\n\n       " + test in README


def test_serving_the_demo_is_unchanged_by_running_the_tests(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("RUTA_DATABASE_URL", "RUTA_MODE", "RUTA_DISABLED_PLUGINS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(cli.uvicorn, "run", lambda *a, **kw: None)
    db = tmp_path / "ruta.db"

    with monkeypatch.context() as command_1:
        only(command_1, environment(quickstart_command(1))[1])
        assert cli.main(["serve", "--demo"]) == 0
    before = snapshot(db)
    assert not any(t.startswith("product_audit") for t in before["tables"])

    # command 2's environment has the example plugin; its tests (the plugin's own, run from
    # this very directory) migrate the databases they create, never ./ruta.db
    env = {k: v for k, v in os.environ.items() if not k.startswith("RUTA_") or
           k == "RUTA_TEST_DATABASE_URL"}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          str(ROOT / "examples" / "third_party_plugin" / "tests")],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert snapshot(db) == before

    capsys.readouterr()
    with monkeypatch.context() as command_1_again:  # whatever command 2 put in its env too
        only(command_1_again, installed_into(environment(quickstart_command(1))[0]))
        assert cli.main(["serve", "--demo"]) == 0
    assert "already present" in capsys.readouterr().out
    assert snapshot(db) == before
