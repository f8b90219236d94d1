"""Loading bookings with their session, offering and expert, for the API."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from plugins.mentoring.models import Booking, Expert, Offering, Session, Voucher

Rows = tuple[Booking, Session, Offering, Expert]


async def with_context(session: AsyncSession, bookings: list[Booking]) -> list[Rows]:
    if not bookings:
        return []
    sessions = {s.id: s for s in await session.scalars(
        select(Session).where(Session.id.in_({b.session_id for b in bookings})))}
    offerings = {o.id: o for o in await session.scalars(
        select(Offering).where(Offering.id.in_({s.offering_id for s in sessions.values()})))}
    experts = {e.id: e for e in await session.scalars(
        select(Expert).where(Expert.id.in_({s.expert_id for s in sessions.values()})))}
    out = []
    for booking in bookings:
        row = sessions[booking.session_id]
        out.append((booking, row, offerings[row.offering_id], experts[row.expert_id]))
    return out


async def of_user(session: AsyncSession, user_id: int) -> list[Rows]:
    bookings = list(await session.scalars(select(Booking).where(Booking.user_id == user_id)
                                          .order_by(Booking.id.desc()).limit(100)))
    return await with_context(session, bookings)


async def of_session(session: AsyncSession, session_id: int) -> list[Rows]:
    bookings = list(await session.scalars(select(Booking).where(
        Booking.session_id == session_id).order_by(Booking.id)))
    return await with_context(session, bookings)


async def vouchers_of(session: AsyncSession, user_id: int) -> list[Voucher]:
    return list(await session.scalars(select(Voucher).where(Voucher.user_id == user_id)
                                      .order_by(Voucher.id)))
