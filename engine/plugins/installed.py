"""The plugins installed in this environment (``ruta.plugins`` entry points), loaded or not."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points

ENTRY_POINT_GROUP = "ruta.plugins"


@dataclass(frozen=True)
class InstalledPlugin:
    name: str
    distribution: str | None
    version: str | None
    entry_point: EntryPoint


def installed_entry_points() -> list[EntryPoint]:
    """Every ``ruta.plugins`` entry point of this environment, by name."""
    return sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name)


def installed_plugins() -> list[InstalledPlugin]:
    found: list[InstalledPlugin] = []
    for ep in installed_entry_points():
        dist = ep.dist
        found.append(InstalledPlugin(name=ep.name,
                                     distribution=dist.name if dist is not None else None,
                                     version=dist.version if dist is not None else None,
                                     entry_point=ep))
    return found
