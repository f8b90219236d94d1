"""Free slots from a weekly plan and dated exceptions, in the expert's time zone.

Pure functions. Every local wall-clock time is turned into an instant with ``zoneinfo``
for that very date, so a 09:00 plan stays 09:00 local across DST changes (its UTC instant
moves); wall-clock times that do not exist that day (the spring-forward gap) are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

Interval = tuple[datetime, datetime]


@dataclass(frozen=True)
class Plan:
    time_zone: str
    weekly: list[dict[str, Any]]
    exceptions: list[dict[str, Any]]
    buffer_minutes: int = 0
    min_notice_minutes: int = 0


def parse_hhmm(text: str) -> time:
    hours, _, minutes = text.partition(":")
    return time(int(hours), int(minutes))


def local_instant(day: date, clock: time, zone: ZoneInfo) -> datetime | None:
    """The UTC instant of ``clock`` on ``day`` in ``zone``; None inside a DST gap."""
    local = datetime.combine(day, clock, tzinfo=zone)
    round_trip = local.astimezone(UTC).astimezone(zone)
    if round_trip.replace(tzinfo=None) != local.replace(tzinfo=None):
        return None
    return local.astimezone(UTC)


def windows_of_day(plan: Plan, day: date) -> list[tuple[time, time]]:
    for exception in plan.exceptions:
        if exception["date"] == day.isoformat():
            return [(parse_hhmm(w["start"]), parse_hhmm(w["end"]))
                    for w in exception.get("windows", [])]
    return [(parse_hhmm(r["start"]), parse_hhmm(r["end"]))
            for r in plan.weekly if int(r["weekday"]) == day.weekday()]


def open_intervals(plan: Plan, start: datetime, end: datetime) -> Iterator[Interval]:
    """The plan's open intervals (UTC) for every local day touching [start, end)."""
    zone = ZoneInfo(plan.time_zone)
    day = start.astimezone(zone).date() - timedelta(days=1)
    last = end.astimezone(zone).date()
    while day <= last:
        for opens, closes in windows_of_day(plan, day):
            begin = local_instant(day, opens, zone)
            finish = local_instant(day, closes, zone)
            if begin is not None and finish is not None and begin < finish:
                yield begin, finish
        day += timedelta(days=1)


def overlaps(a: Interval, b: Interval) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def free_slots(plan: Plan, start: datetime, end: datetime, duration_minutes: int,
               busy: Iterable[Interval], now: datetime) -> list[Interval]:
    """Slots of ``duration_minutes`` starting in [start, end), back to back inside each open
    interval, at least ``min_notice`` after ``now`` and ``buffer`` away from busy times."""
    length = timedelta(minutes=duration_minutes)
    buffer = timedelta(minutes=plan.buffer_minutes)
    blocked = [(b0 - buffer, b1 + buffer) for b0, b1 in busy]
    earliest = max(start, now + timedelta(minutes=plan.min_notice_minutes))
    found: list[Interval] = []
    for opens, closes in open_intervals(plan, start, end):
        cursor = opens
        while cursor + length <= closes:
            slot = (cursor, cursor + length)
            if earliest <= cursor < end and not any(overlaps(slot, b) for b in blocked):
                found.append(slot)
            cursor += length
    return sorted(set(found))


def fits(plan: Plan, slot: Interval, busy: Iterable[Interval], now: datetime) -> bool:
    """Whether ``slot`` is one of the free slots (used when booking or rescheduling)."""
    minutes = int((slot[1] - slot[0]).total_seconds() // 60)
    day_start = slot[0] - timedelta(days=1)
    candidates = free_slots(plan, day_start, slot[0] + timedelta(seconds=1), minutes, busy,
                            now)
    return slot in candidates
