"""The mentoring part of a user's data export and erasure (``ruta_account_export`` /
``ruta_account_erase``).

Erasure keeps bookings, sessions and funding requests (they are tied to orders and to other
people's records) and removes what describes the person: the free texts they wrote (notes,
mentorship messages, feedback comments, funding projects and documents) and, for an
expert, the public profile (name, bio, background) and in-person addresses.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update

from engine.plugins.api import Runtime
from plugins.mentoring.models import Booking, Expert, Offering, Session
from plugins.mentoring.relationship_models import (
    Feedback,
    FundingEvent,
    FundingRequest,
    Goal,
    Mentorship,
    SessionNote,
)

ERASED = "[erased]"


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


async def export(runtime: Runtime, user_id: int) -> dict[str, Any]:
    async with runtime.db.read() as session:
        bookings = (await session.execute(
            select(Booking, Session).join(Session, Session.id == Booking.session_id)
            .where(Booking.user_id == user_id).order_by(Booking.id))).all()
        mentorships = list(await session.scalars(
            select(Mentorship).where(Mentorship.mentee_id == user_id).order_by(Mentorship.id)))
        ids = [m.id for m in mentorships]
        notes = list(await session.scalars(select(SessionNote).where(
            SessionNote.author_id == user_id).order_by(SessionNote.id)))
        goals = list(await session.scalars(
            select(Goal).where(Goal.mentorship_id.in_(ids)).order_by(Goal.id)))
        funding = list(await session.scalars(select(FundingRequest).where(
            FundingRequest.requester_id == user_id).order_by(FundingRequest.id)))
        expert = await session.scalar(select(Expert).where(Expert.user_id == user_id))
    return {
        "bookings": [{"status": b.status, "startsAt": _iso(s.starts_at),
                      "endsAt": _iso(s.ends_at), "price": str(b.price)} for b, s in bookings],
        "mentorships": [{"status": m.status, "message": m.message,
                         "createdAt": _iso(m.created_at)} for m in mentorships],
        "notes": [{"body": n.body, "createdAt": _iso(n.created_at)} for n in notes],
        "goals": [{"milestone": g.milestone, "title": g.title,
                   "achievedAt": _iso(g.achieved_at)} for g in goals],
        "fundingRequests": [{"project": f.project, "amountSought": str(f.amount_sought),
                             "stage": f.stage, "documents": f.documents, "status": f.status}
                            for f in funding],
        "expertProfile": None if expert is None else {
            "displayName": expert.display_name, "bio": expert.bio,
            "background": expert.background, "timeZone": expert.time_zone},
    }


async def erase(runtime: Runtime, user_id: int) -> None:
    async with runtime.transaction() as session:
        await session.execute(update(SessionNote).where(SessionNote.author_id == user_id)
                              .values(body=ERASED))
        await session.execute(update(Mentorship).where(Mentorship.mentee_id == user_id)
                              .values(message="", share_progress=False))
        booking_ids = select(Booking.id).where(Booking.user_id == user_id)
        await session.execute(update(Feedback).where(Feedback.booking_id.in_(booking_ids))
                              .values(comment=""))
        request_ids = select(FundingRequest.id).where(FundingRequest.requester_id == user_id)
        await session.execute(update(FundingRequest).where(
            FundingRequest.requester_id == user_id).values(project=ERASED, documents=[]))
        await session.execute(update(FundingEvent).where(
            FundingEvent.request_id.in_(request_ids)).values(note=""))
        expert = await session.scalar(select(Expert).where(Expert.user_id == user_id))
        if expert is not None:
            expert.display_name, expert.bio, expert.background = ERASED, {}, {}
            expert.capacity = expert.active_mentees
            await session.execute(update(Offering).where(Offering.expert_id == expert.id)
                                  .values(address=None))
