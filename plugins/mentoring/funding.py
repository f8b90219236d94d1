"""Funding assistance: requests, advisors picking them up, status moves with history.

Visible only to the requester, the assigned advisors and operators (everyone else gets
NOT_FOUND, so a request's existence is not disclosed).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import (
    Collector,
    NotFound,
    PermissionDenied,
    Runtime,
    ValidationError,
    clean_text,
    record_event,
)
from plugins.mentoring.access import Viewer, expert_of_user, signed_in
from plugins.mentoring.enums import FUNDING_MOVES, ExpertKind, FundingStatus, Milestone
from plugins.mentoring.models import Expert
from plugins.mentoring.relationship_models import FundingAssignment, FundingEvent, FundingRequest

MAX_AMOUNT = Decimal("10000000")


@dataclass
class FundingData:
    project: str
    amount_sought: Decimal
    stage: str
    documents: list[str]


async def open_request(runtime: Runtime, viewer: Viewer | None, data: FundingData
                       ) -> FundingRequest:
    viewer = signed_in(viewer)
    errors = Collector()
    project = clean_text(data.project, field="project", max_length=200, min_length=3,
                         errors=errors)
    amount = data.amount_sought
    if not amount.is_finite() or not 0 < amount <= MAX_AMOUNT \
            or amount != amount.quantize(Decimal("0.01")):
        errors.add("amountSought", "INVALID", "A positive amount in EUR with cents.")
    if data.stage not in Milestone.__members__:
        errors.add("stage", "INVALID", "Unknown stage.")
    if len(data.documents) > 50:
        errors.add("documents", "INVALID", "Up to 50 document names or links.")
    documents = [clean_text(d, field=f"documents.{i}", max_length=300, errors=errors) or ""
                 for i, d in enumerate(data.documents[:50])]
    errors.raise_if_any()
    async with runtime.transaction() as session:
        found = FundingRequest(requester_id=viewer.user_id, project=project,
                               amount_sought=amount, stage=data.stage,
                               documents=documents, status=FundingStatus.OPEN)
        session.add(found)
        await session.flush()
        session.add(FundingEvent(request_id=found.id, status=FundingStatus.OPEN,
                                 actor_id=viewer.user_id, note=""))
    return found


async def advisors_of(session: AsyncSession, request_id: int) -> list[int]:
    return list(await session.scalars(select(FundingAssignment.expert_id).where(
        FundingAssignment.request_id == request_id)))


async def advisor_of(session: AsyncSession, viewer: Viewer) -> Expert | None:
    """The viewer's expert profile if it is an operator-verified FUNDING advisor: only
    they pick up, read and move founders' requests (verification is reset whenever the
    expert's kind changes, see ``profiles``)."""
    expert = await expert_of_user(session, viewer.user_id)
    if expert is None or expert.kind != ExpertKind.FUNDING or not expert.verified:
        return None
    return expert


async def visible(session: AsyncSession, viewer: Viewer | None, request_id: int
                  ) -> tuple[Viewer, FundingRequest]:
    viewer = signed_in(viewer)
    found = await session.get(FundingRequest, request_id)
    if found is None:
        raise NotFound("id", "No such funding request.")
    if viewer.is_operator or viewer.user_id == found.requester_id:
        return viewer, found
    expert = await advisor_of(session, viewer)
    if expert is not None and expert.id in await advisors_of(session, request_id):
        return viewer, found
    raise NotFound("id", "No such funding request.")


async def notify_change(runtime: Runtime, session: AsyncSession, found: FundingRequest
                        ) -> None:
    """Tell the requester (the notifications domain sends ``funding_status_changed``)."""
    await record_event(session, runtime.plugins, "ruta_funding_status_changed",
                       request_id=found.id, user_id=found.requester_id, status=str(found.status))


async def pick_up(runtime: Runtime, viewer: Viewer | None, request_id: int) -> FundingRequest:
    """A funding advisor takes an open request (it moves to IN_REVIEW)."""
    viewer = signed_in(viewer)
    try:
        async with runtime.transaction() as session:
            expert = await advisor_of(session, viewer)
            if expert is None:
                raise PermissionDenied("Only verified funding advisors pick up requests.")
            found = await session.get(FundingRequest, request_id, with_for_update=True)
            if found is None or found.requester_id == viewer.user_id:
                raise NotFound("id", "No such funding request.")
            if found.status not in (FundingStatus.OPEN, FundingStatus.IN_REVIEW):
                raise ValidationError("id", "INVALID_TRANSITION", "This request is decided.")
            session.add(FundingAssignment(request_id=found.id, expert_id=expert.id))
            if found.status == FundingStatus.OPEN:
                found.status = FundingStatus.IN_REVIEW
                session.add(FundingEvent(request_id=found.id, status=FundingStatus.IN_REVIEW,
                                         actor_id=viewer.user_id, note="picked up"))
                await notify_change(runtime, session, found)
            await session.flush()
    except IntegrityError:
        raise ValidationError("id", "DUPLICATED", "You already advise on this request.") \
            from None
    return found


async def move(runtime: Runtime, viewer: Viewer | None, request_id: int, status: str,
               note: str) -> FundingRequest:
    """An assigned, verified advisor (or an operator) moves the request along."""
    cleaned_note = clean_text(note, field="note", max_length=2000, required=False,
                              multiline=True) or ""
    async with runtime.transaction() as session:
        viewer, found = await visible(session, viewer, request_id)
        if viewer.user_id == found.requester_id and not viewer.is_operator:
            raise PermissionDenied("Advisors move a request along.")
        current = FundingStatus(found.status)
        if status not in FundingStatus.__members__ or \
                FundingStatus(status) not in FUNDING_MOVES[current]:
            raise ValidationError("status", "INVALID_TRANSITION",
                                  f"A request that is {current} cannot become {status}.")
        found.status = status
        session.add(FundingEvent(request_id=found.id, status=status, actor_id=viewer.user_id,
                                 note=cleaned_note))
        await notify_change(runtime, session, found)
    return found


async def history(session: AsyncSession, request_id: int) -> list[FundingEvent]:
    return list(await session.scalars(select(FundingEvent).where(
        FundingEvent.request_id == request_id).order_by(FundingEvent.id)))


async def advisors_and_histories(session: AsyncSession, request_ids: list[int]
                                 ) -> tuple[dict[int, list[int]], dict[int, list[FundingEvent]]]:
    """:func:`advisors_of` and :func:`history` of many requests, one statement each."""
    advisors: dict[int, list[int]] = {i: [] for i in request_ids}
    events: dict[int, list[FundingEvent]] = {i: [] for i in request_ids}
    if request_ids:
        for request_id, expert_id in await session.execute(
                select(FundingAssignment.request_id, FundingAssignment.expert_id)
                .where(FundingAssignment.request_id.in_(request_ids))
                .order_by(FundingAssignment.id)):
            advisors[request_id].append(expert_id)
        for event in await session.scalars(select(FundingEvent).where(
                FundingEvent.request_id.in_(request_ids)).order_by(FundingEvent.id)):
            events[event.request_id].append(event)
    return advisors, events


async def listed(runtime: Runtime, viewer: Viewer | None) -> list[FundingRequest]:
    """Requests the viewer may see: their own, assigned ones, every one for operators."""
    viewer = signed_in(viewer)
    async with runtime.db.read() as session:
        query = select(FundingRequest)
        if not viewer.is_operator:
            expert = await advisor_of(session, viewer)
            assigned = select(FundingAssignment.request_id).where(
                FundingAssignment.expert_id == (expert.id if expert else -1))
            query = query.where((FundingRequest.requester_id == viewer.user_id)
                                | FundingRequest.id.in_(assigned))
        return list(await session.scalars(query.order_by(FundingRequest.id.desc()).limit(100)))
