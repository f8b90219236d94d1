"""``ruta_demo_journeys`` for mentoring: demo participants who had a (past) one-hour
session with a mentor who speaks their language (``MENTORED``), asked for funding
(``FUNDING_REQUESTED``), picked up by the funding advisor of their country, and, some,
were granted it (``FUNDING_GRANTED``). Demo only: rows as the steps would leave them,
without messages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import DemoJourney, Runtime
from plugins.mentoring.enums import (
    BookingStatus,
    ExpertKind,
    FundingStatus,
    Milestone,
    SessionStatus,
)
from plugins.mentoring.models import Booking, Expert, Offering, Session
from plugins.mentoring.relationship_models import (
    FundingAssignment,
    FundingEvent,
    FundingRequest,
)

#: Days from a journey's start to its mentoring session, funding request and grant.
MENTORED_AFTER = timedelta(days=40, hours=10)
REQUESTED_AFTER = timedelta(days=55)
GRANTED_AFTER = timedelta(days=85)
PROJECTS = ("Food truck de cocina marroquí", "Taller de costura a medida",
            "Reparación de bicicletas", "Tienda de productos latinos", "Limpiezas ecológicas")


def _speaking(experts: list[Expert], language: str) -> Expert | None:
    return next((e for e in experts if language in e.languages), experts[0] if experts else None)


async def _by_kind(session: AsyncSession, kind: ExpertKind) -> list[Expert]:
    return list(await session.scalars(select(Expert).where(
        Expert.kind == kind.value, Expert.verified.is_(True)).order_by(Expert.id)))


async def _mentored(session: AsyncSession, journey: DemoJourney, mentor: Expert) -> None:
    offering = await session.scalar(select(Offering).where(
        Offering.expert_id == mentor.id, Offering.is_group.is_(False)).order_by(Offering.id))
    if offering is None:
        return
    starts = (journey.start + MENTORED_AFTER).replace(minute=0, second=0, microsecond=0)
    held = Session(offering_id=offering.id, expert_id=mentor.id, starts_at=starts,
                   ends_at=starts + timedelta(hours=1), seats=1, seats_taken=1,
                   status=SessionStatus.SCHEDULED)
    session.add(held)
    await session.flush()
    session.add(Booking(session_id=held.id, user_id=journey.user_id,
                        status=BookingStatus.CONFIRMED, language=journey.language,
                        price=offering.price, created_at=starts - timedelta(days=3)))


async def walk(runtime: Runtime, journeys: Sequence[DemoJourney]) -> None:
    async with runtime.transaction() as session:
        mentors = await _by_kind(session, ExpertKind.MENTOR)
        advisors = await _by_kind(session, ExpertKind.FUNDING)
        for index, journey in enumerate(journeys):
            mentor = _speaking(mentors, journey.language)
            if "MENTORED" in journey.steps and mentor is not None:
                await _mentored(session, journey, mentor)
            advisor = _speaking(advisors, journey.language)
            if "FUNDING_REQUESTED" not in journey.steps or advisor is None:
                continue
            asked = journey.start + REQUESTED_AFTER
            granted = "FUNDING_GRANTED" in journey.steps
            request = FundingRequest(
                requester_id=journey.user_id, project=PROJECTS[index % len(PROJECTS)],
                amount_sought=Decimal(6000 + 1500 * (index % 4)).quantize(Decimal("0.01")),
                stage=Milestone.FUNDING, documents=["plan-de-negocio.pdf"],
                status=FundingStatus.GRANTED if granted else FundingStatus.IN_REVIEW,
                created_at=asked)
            session.add(request)
            await session.flush()
            session.add_all([
                FundingEvent(request_id=request.id, status=FundingStatus.OPEN,
                             actor_id=journey.user_id, note="", created_at=asked),
                FundingAssignment(request_id=request.id, expert_id=advisor.id),
                FundingEvent(request_id=request.id, status=FundingStatus.IN_REVIEW,
                             actor_id=advisor.user_id, note="picked up",
                             created_at=asked + timedelta(days=2))])
            if granted:
                session.add_all([
                    FundingEvent(request_id=request.id, status=FundingStatus.SUBMITTED_TO_FUNDER,
                                 actor_id=advisor.user_id, note="",
                                 created_at=asked + timedelta(days=10)),
                    FundingEvent(request_id=request.id, status=FundingStatus.GRANTED,
                                 actor_id=advisor.user_id, note="",
                                 created_at=journey.start + GRANTED_AFTER)])
