"""Setting an expert's availability and reading their free slots (service layer)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from engine.plugins.api import Collector, Runtime, ValidationError
from plugins.mentoring.access import Viewer, get_expert, managed_expert
from plugins.mentoring.enums import SessionStatus
from plugins.mentoring.models import Expert, Session
from plugins.mentoring.slots import Interval, Plan, free_slots, parse_hhmm

MAX_RANGE_DAYS = 62


@dataclass
class Window:
    start: str
    end: str


@dataclass
class WeeklyRule:
    weekday: int
    start: str
    end: str


@dataclass
class DateException:
    day: date
    windows: list[Window]


def _check_window(errors: Collector, field: str, start: str, end: str) -> None:
    try:
        opens, closes = parse_hhmm(start), parse_hhmm(end)
    except ValueError:
        errors.add(field, "INVALID", "Times are HH:MM.")
        return
    if opens >= closes:
        errors.add(field, "INVALID", "A window ends after it starts.")


async def set_availability(runtime: Runtime, viewer: Viewer | None, expert_id: int,
                           weekly: list[WeeklyRule], exceptions: list[DateException],
                           buffer_minutes: int, min_notice_minutes: int) -> Expert:
    errors = Collector()
    for i, rule in enumerate(weekly):
        if not 0 <= rule.weekday <= 6:
            errors.add(f"weeklyPlan.{i}.weekday", "INVALID", "Weekday 0 (Monday) to 6.")
        _check_window(errors, f"weeklyPlan.{i}", rule.start, rule.end)
    for i, exc in enumerate(exceptions):
        for j, window in enumerate(exc.windows):
            _check_window(errors, f"exceptions.{i}.windows.{j}", window.start, window.end)
    if not 0 <= buffer_minutes <= 240:
        errors.add("bufferMinutes", "INVALID", "Buffer between 0 and 240 minutes.")
    if not 0 <= min_notice_minutes <= 60 * 24 * 30:
        errors.add("minNoticeMinutes", "INVALID", "Minimum notice up to 30 days.")
    errors.raise_if_any()
    async with runtime.transaction() as session:
        expert = await managed_expert(session, viewer, expert_id)
        expert.weekly_plan = [{"weekday": r.weekday, "start": r.start, "end": r.end}
                              for r in weekly]
        expert.exceptions = [{"date": e.day.isoformat(),
                              "windows": [{"start": w.start, "end": w.end} for w in e.windows]}
                             for e in exceptions]
        expert.buffer_minutes = buffer_minutes
        expert.min_notice_minutes = min_notice_minutes
    return expert


def plan_of(expert: Expert) -> Plan:
    return Plan(expert.time_zone, list(expert.weekly_plan), list(expert.exceptions),
                expert.buffer_minutes, expert.min_notice_minutes)


async def busy_intervals(session: Any, expert_id: int, start: datetime, end: datetime,
                         ignore_session: int | None = None) -> list[Interval]:
    rows = await session.execute(
        select(Session.id, Session.starts_at, Session.ends_at).where(
            Session.expert_id == expert_id, Session.status == SessionStatus.SCHEDULED,
            Session.ends_at > start - timedelta(days=1),
            Session.starts_at < end + timedelta(days=1)))
    return [(row.starts_at, row.ends_at) for row in rows if row.id != ignore_session]


async def expert_slots(runtime: Runtime, expert_id: int, start: datetime, end: datetime,
                       duration_minutes: int, now: datetime) -> list[Interval]:
    if start.tzinfo is None or end.tzinfo is None:
        raise ValidationError("from", "INVALID", "Include a time zone offset.")
    if not start < end or end - start > timedelta(days=MAX_RANGE_DAYS):
        raise ValidationError("to", "INVALID", f"A range of at most {MAX_RANGE_DAYS} days.")
    if not 15 <= duration_minutes <= 480:
        raise ValidationError("durationMinutes", "INVALID", "Between 15 and 480 minutes.")
    async with runtime.db.read() as session:
        expert = await get_expert(session, expert_id)
        busy = await busy_intervals(session, expert_id, start, end)
    return free_slots(plan_of(expert), start, end, duration_minutes, busy, now)
