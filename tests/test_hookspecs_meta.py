"""Every hookspec is documented and exercised by at least one test."""

from __future__ import annotations

import inspect
from pathlib import Path

from engine.plugins import specs as hookspecs

TESTS = Path(__file__).parent


def specs() -> dict[str, object]:
    return {name: fn for name, fn in vars(hookspecs).items()
            if name.startswith("ruta_") and callable(fn)}


def test_every_hookspec_is_prefixed_and_documented() -> None:
    assert len(specs()) >= 15
    for name, fn in specs().items():
        doc = inspect.getdoc(fn) or ""
        assert len(doc) >= 40, f"{name} needs a docstring saying arguments, result and timing"


def test_every_hook_has_exactly_one_kind() -> None:
    kinds = (hookspecs.LIFECYCLE_HOOKS, hookspecs.SYNC_HOOKS, hookspecs.QUERY_HOOKS,
             hookspecs.SCHEDULED_HOOKS, hookspecs.DEMO_HOOKS)
    assert set().union(*kinds) == set(specs())
    assert sum(len(kind) for kind in kinds) == len(specs())  # each hook in one kind only


def test_every_hookspec_is_exercised_by_a_test() -> None:
    sources = "\n".join(path.read_text(encoding="utf-8") for path in TESTS.glob("test_*.py")
                        if path.name != Path(__file__).name)
    plugin_sources = "\n".join(
        path.read_text(encoding="utf-8")
        for path in (TESTS.parent / "examples").rglob("*.py"))
    missing = [name for name in specs()
               if f"def {name}(" not in sources + plugin_sources]
    assert missing == [], f"hookspecs without a test implementing them: {missing}"
