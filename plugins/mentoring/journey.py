"""``ruta_journey_facts`` for mentoring: sessions attended (with expert hours) and funding
requests (requested, granted)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from engine.plugins.api import JourneyFact, Runtime, utcnow
from plugins.mentoring.enums import BookingStatus, FundingStatus
from plugins.mentoring.models import Booking, Session
from plugins.mentoring.relationship_models import FundingEvent, FundingRequest


async def journey_facts(runtime: Runtime, user_ids: list[int]) -> list[JourneyFact]:
    facts: list[JourneyFact] = []
    now = utcnow()
    async with runtime.db.read() as session:
        sessions = await session.execute(
            select(Booking.user_id, Session.starts_at, Session.ends_at)
            .join(Session, Session.id == Booking.session_id)
            .where(Booking.user_id.in_(user_ids), Booking.status == BookingStatus.CONFIRMED,
                   Session.ends_at <= now).order_by(Session.starts_at))
        for user_id, starts, ends in sessions:
            hours = Decimal((ends - starts).total_seconds()) / Decimal(3600)
            facts.append(JourneyFact(user_id, "MENTORED", ends, hours=hours.quantize(
                Decimal("0.01"))))
        requests = await session.execute(
            select(FundingRequest.requester_id, FundingRequest.created_at,
                   FundingRequest.project, FundingRequest.id)
            .where(FundingRequest.requester_id.in_(user_ids)).order_by(FundingRequest.id))
        by_request: dict[int, tuple[int, str]] = {}
        for user_id, at, project, request_id in requests:
            facts.append(JourneyFact(user_id, "FUNDING_REQUESTED", at, project))
            by_request[request_id] = (user_id, project)
        granted = await session.execute(
            select(FundingEvent.request_id, FundingEvent.created_at)
            .where(FundingEvent.request_id.in_(list(by_request)),
                   FundingEvent.status == FundingStatus.GRANTED))
        for request_id, at in granted:
            user_id, project = by_request[request_id]
            facts.append(JourneyFact(user_id, "FUNDING_GRANTED", at, project))
    return facts
