"""GraphQL: reading offerings, sessions, bookings (yours, or a session's attendees for its
expert) and vouchers."""

from __future__ import annotations

import strawberry
from sqlalchemy import select

from engine.plugins.api import Info, NotFound, PermissionDenied, decode_id, utcnow
from plugins.mentoring import booking_reads
from plugins.mentoring.access import get_expert, manages, signed_in
from plugins.mentoring.booking_types import MentoringBooking
from plugins.mentoring.errors import viewer_of
from plugins.mentoring.models import Offering, Session
from plugins.mentoring.types import MentoringOffering, MentoringSession, MentoringVoucher


@strawberry.type
class BookingQuery:
    @strawberry.field(description="An expert's offerings.")
    async def expert_offerings(self, info: Info, expert_id: strawberry.ID
                               ) -> list[MentoringOffering]:
        pk = decode_id(expert_id, "Expert", field="expertId")
        async with info.context.runtime.db.read() as session:
            rows = await session.scalars(select(Offering).where(Offering.expert_id == pk)
                                         .order_by(Offering.id))
            return [MentoringOffering.of(o) for o in rows]

    @strawberry.field(description="Upcoming scheduled sessions of an offering (seats left).")
    async def offering_sessions(self, info: Info, offering_id: strawberry.ID
                                ) -> list[MentoringSession]:
        pk = decode_id(offering_id, "MentoringOffering", field="offeringId")
        async with info.context.runtime.db.read() as session:
            rows = await session.scalars(select(Session).where(
                Session.offering_id == pk, Session.status == "SCHEDULED",
                Session.starts_at > utcnow()).order_by(Session.starts_at).limit(100))
            return [MentoringSession.of(s) for s in rows]

    @strawberry.field(description="Your bookings, newest first (at most 100).")
    async def my_mentoring_bookings(self, info: Info) -> list[MentoringBooking]:
        viewer = signed_in(await viewer_of(info))
        async with info.context.runtime.db.read() as session:
            rows = await booking_reads.of_user(session, viewer.user_id)
        return [MentoringBooking.of(*r) for r in rows]

    @strawberry.field(description="Attendees of a session (the expert, the firm, operators).")
    async def session_bookings(self, info: Info, session_id: strawberry.ID
                               ) -> list[MentoringBooking]:
        viewer = signed_in(await viewer_of(info))
        pk = decode_id(session_id, "MentoringSession", field="sessionId")
        async with info.context.runtime.db.read() as session:
            row = await session.get(Session, pk)
            if row is None:
                raise NotFound("sessionId", "No such session.")
            if not manages(viewer, await get_expert(session, row.expert_id)):
                raise PermissionDenied("You do not manage this expert.")
            rows = await booking_reads.of_session(session, pk)
        return [MentoringBooking.of(*r) for r in rows]

    @strawberry.field(description="Your session vouchers (earned by completing courses).")
    async def my_mentoring_vouchers(self, info: Info) -> list[MentoringVoucher]:
        viewer = signed_in(await viewer_of(info))
        async with info.context.runtime.db.read() as session:
            return [MentoringVoucher.of(v)
                    for v in await booking_reads.vouchers_of(session, viewer.user_id)]
