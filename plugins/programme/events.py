"""Creating events, their sessions and check-in lists (partner staff or operators)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from engine.plugins.api import NotFound, Runtime, ValidationError, VariantFacts, clean_text
from plugins.programme.access import Viewer, require_partner
from plugins.programme.event_models import CheckinList, Event, EventSession
from plugins.programme.models import AccessPoint, Partner

MAX_CAPACITY = 100_000


@dataclass(frozen=True)
class SessionData:
    starts_at: datetime
    ends_at: datetime
    access_point_id: int | None = None
    online_url: str | None = None


@dataclass(frozen=True)
class EventData:
    partner_id: int
    title: str
    capacity: int
    sessions: list[SessionData]
    description: str = ""
    questions: list[dict[str, Any]] = field(default_factory=list)
    #: a paid event: the core bookable variant checkout sells (its seats are the capacity)
    variant: VariantFacts | None = None


def _check(data: EventData) -> None:
    if not 1 <= data.capacity <= MAX_CAPACITY:
        raise ValidationError("capacity", "INVALID", f"Capacity is 1 to {MAX_CAPACITY}.")
    if not data.sessions:
        raise ValidationError("sessions", "REQUIRED", "An event has at least one session.")
    for s in data.sessions:
        if s.ends_at <= s.starts_at:
            raise ValidationError("sessions", "INVALID", "A session ends after it starts.")
        if (s.access_point_id is None) == (s.online_url is None):
            raise ValidationError("sessions", "INVALID",
                                  "A session is either at an access point or online.")
    keys = [q["key"] for q in data.questions]
    if len(set(keys)) != len(keys):
        raise ValidationError("questions", "INVALID", "Question keys must be unique.")


async def create_event(runtime: Runtime, viewer: Viewer | None, data: EventData) -> Event:
    require_partner(viewer, data.partner_id)
    _check(data)
    title = clean_text(data.title, field="title", max_length=200) or ""
    async with runtime.db.write() as session:
        if await session.get(Partner, data.partner_id) is None:
            raise NotFound("partnerId", "No such partner.")
        points = {s.access_point_id for s in data.sessions if s.access_point_id}
        if points:
            found = set(await session.scalars(
                select(AccessPoint.id).where(AccessPoint.id.in_(points))))
            if found != points:
                raise NotFound("sessions", "No such access point.")
        if data.variant is not None and await session.scalar(
                select(Event.id).where(Event.variant_id == data.variant.id)):
            raise ValidationError("variantId", "UNIQUE", "This variant already sells an event.")
        event = Event(partner_id=data.partner_id, title=title, confirmed=0,
                      capacity=data.variant.capacity if data.variant and data.variant.capacity
                      else data.capacity, description=data.description,
                      questions=data.questions, starts_at=min(s.starts_at for s in data.sessions),
                      variant_id=data.variant.id if data.variant else None)
        session.add(event)
        await session.flush()
        session.add_all([EventSession(event_id=event.id, starts_at=s.starts_at,
                                      ends_at=s.ends_at, access_point_id=s.access_point_id,
                                      online_url=s.online_url) for s in data.sessions])
        return event


async def create_list(runtime: Runtime, viewer: Viewer | None, event_id: int, name: str,
                      allow_exit: bool) -> CheckinList:
    async with runtime.db.write() as session:
        event = await session.get(Event, event_id)
        if event is None:
            raise NotFound("eventId", "No such event.")
        require_partner(viewer, event.partner_id)
        clist = CheckinList(event_id=event_id, allow_exit=allow_exit,
                            name=clean_text(name, field="name", max_length=120) or "")
        session.add(clist)
        await session.flush()
        return clist


async def list_event(runtime: Runtime, list_id: int) -> Event:
    async with runtime.db.read() as session:
        event = await session.scalar(
            select(Event).join(CheckinList, CheckinList.event_id == Event.id)
            .where(CheckinList.id == list_id))
    if event is None:
        raise NotFound("listId", "No such check-in list.")
    return event
