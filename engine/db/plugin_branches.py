"""Which Alembic revisions belong to whom: the core, each loaded plugin, each dormant one.

A *dormant* plugin is installed (it has a ``ruta.plugins`` entry point) but not loaded by
this manager (disabled with ``RUTA_DISABLED_PLUGINS``, or left out): its revisions stay
known to Alembic, so a database that carries them still migrates, but its branch is not
upgraded. A revision that no installed plugin provides is *stray*: start-up refuses it
with one line naming the plugin (see :mod:`engine.db.migrate`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pluggy
from alembic.config import Config
from alembic.script import ScriptDirectory

from engine.plugins.installed import installed_entry_points

MIGRATIONS = Path(__file__).parent / "migrations"
CORE = "core"


@dataclass
class Branch:
    """The revisions one owner keeps in its migration directories."""

    owner: str
    locations: list[Path]
    loaded: bool
    model_tables: list[str] = field(default_factory=list)
    revisions: list[str] = field(default_factory=list)  # base first
    heads: list[str] = field(default_factory=list)


def _paths(result: Any) -> list[Path]:
    return [Path(path).resolve() for path in result or ()]


def _tables(models: Any) -> list[str]:
    return [model.__table__.name for model in models or ()]


def _loaded_branches(plugins: pluggy.PluginManager) -> dict[str, Branch]:
    branches: dict[str, Branch] = {}
    for impl in plugins.hook.ruta_migration_locations.get_hookimpls():
        branches[impl.plugin_name] = Branch(impl.plugin_name, _paths(impl.function()), True)
    for impl in plugins.hook.ruta_models.get_hookimpls():
        if impl.plugin_name in branches:
            branches[impl.plugin_name].model_tables = _tables(impl.function())
    return branches


def _dormant_branches(plugins: pluggy.PluginManager) -> dict[str, Branch]:
    branches: dict[str, Branch] = {}
    for ep in installed_entry_points():
        if plugins.has_plugin(ep.name):
            continue
        try:
            plugin = ep.load()
        except Exception:  # a broken dormant plugin must not stop the others
            continue
        locations = getattr(plugin, "ruta_migration_locations", None)
        if callable(locations):
            models = getattr(plugin, "ruta_models", None)
            branches[ep.name] = Branch(ep.name, _paths(locations()), False,
                                       _tables(models() if callable(models) else None))
    return branches


@dataclass
class Layout:
    """The Alembic configuration and every branch it knows about."""

    config: Config
    script: ScriptDirectory
    branches: dict[str, Branch]

    @property
    def known(self) -> set[str]:
        return {rev for branch in self.branches.values() for rev in branch.revisions}

    def plugins(self) -> list[Branch]:
        return [b for name, b in sorted(self.branches.items()) if name != CORE]


def layout(plugins: pluggy.PluginManager, url: str) -> Layout:
    branches = {CORE: Branch(CORE, [(MIGRATIONS / "versions").resolve()], True)}
    loaded = _loaded_branches(plugins)
    taken = {path for branch in loaded.values() for path in branch.locations}
    branches.update({name: branch for name, branch in _dormant_branches(plugins).items()
                     if not taken & set(branch.locations)})  # loaded under another name
    branches.update(loaded)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("version_locations", " ".join(
        str(path) for branch in branches.values() for path in branch.locations))
    config.set_main_option("path_separator", "space")
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    script = ScriptDirectory.from_config(config)
    owner_of = {path: branch for branch in branches.values() for path in branch.locations}
    downs: dict[str, set[str]] = {name: set() for name in branches}
    for rev in reversed(list(script.walk_revisions())):  # base first
        branch = owner_of.get(Path(rev.path).resolve().parent)
        if branch is None:
            continue
        branch.revisions.append(rev.revision)
        downs[branch.owner].update(rev._all_down_revisions)
    for name, branch in branches.items():
        branch.heads = [rev for rev in branch.revisions if rev not in downs[name]]
    return Layout(config, script, branches)
