"""The response store of one worker: bounded, least recently used first out.

An entry remembers the versions it was computed under (only those its document depends
on) and the earliest time boundary it declared; it is served only while every one of
those versions is still the current one and the boundary has not passed. Another worker's
write bumps a version in the database, so every worker's entries stop matching at once.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Entry:
    body: bytes
    etag: str
    versions: tuple[tuple[str, int], ...]
    expires_at: datetime | None

    def fresh(self, current: Mapping[str, int], now: datetime) -> bool:
        if self.expires_at is not None and now >= self.expires_at:
            return False
        return all(current.get(name) == version for name, version in self.versions)


@dataclass
class Stats:
    hits: int = 0
    misses: int = 0
    stored: int = 0


@dataclass
class ResponseStore:
    max_entries: int = 2000
    stats: Stats = field(default_factory=Stats)
    _entries: OrderedDict[Hashable, Entry] = field(default_factory=OrderedDict)

    def get(self, key: Hashable, current: Mapping[str, int], now: datetime) -> Entry | None:
        entry = self._entries.get(key)
        if entry is None or not entry.fresh(current, now):
            self.stats.misses += 1
            return None
        self._entries.move_to_end(key)
        self.stats.hits += 1
        return entry

    def put(self, key: Hashable, entry: Entry) -> None:
        self._entries[key] = entry
        self._entries.move_to_end(key)
        self.stats.stored += 1
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)
