"""Free bookings, waitlists, cancellation and rescheduling (service layer).

Seats are taken with a conditional ``UPDATE ... WHERE seats_taken < seats`` checked by its
row count (PostgreSQL re-checks the condition after the row lock; SQLite write
transactions are serialised by ``BEGIN IMMEDIATE``); an individual session is created on
booking and ``(expert_id, starts_at)`` is unique, so two bookings never share an expert's hour.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import NoReturn

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import (
    NotFound,
    PermissionDenied,
    Runtime,
    ValidationError,
    quantize,
    record_event,
)
from plugins.mentoring.access import Viewer, get_expert, manages, signed_in
from plugins.mentoring.availability import busy_intervals, plan_of
from plugins.mentoring.enums import BookingStatus, SessionStatus
from plugins.mentoring.models import Booking, Offering, Session
from plugins.mentoring.offerings import get_offering
from plugins.mentoring.policy import (
    CancellationPolicy,
    attendee_cancels,
    expert_cancels,
    in_free_window,
)
from plugins.mentoring.slots import fits
from plugins.mentoring.vouchers import redeem, release, usable_voucher

ACTIVE = (BookingStatus.CONFIRMED, BookingStatus.WAITLISTED)


async def take_seat(session: AsyncSession, session_id: int) -> bool:
    result = await session.execute(
        update(Session).where(Session.id == session_id, Session.seats_taken < Session.seats,
                              Session.status == SessionStatus.SCHEDULED)
        .values(seats_taken=Session.seats_taken + 1))
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def _refuse(in_plan: bool) -> NoReturn:
    """A slot inside the plan that is not free was taken by someone else."""
    if in_plan:
        raise ValidationError("startsAt", "SLOT_TAKEN", "This slot was just taken.")
    raise ValidationError("startsAt", "SLOT_UNAVAILABLE", "The expert is not available then.")


async def _session_for(session: AsyncSession, offering: Offering, starts_at: datetime,
                       now: datetime) -> Session:
    """The offering's session at ``starts_at``; an individual one is created when free."""
    found = await session.scalar(select(Session).where(
        Session.offering_id == offering.id, Session.starts_at == starts_at,
        Session.status == SessionStatus.SCHEDULED))
    if found is not None:
        return found
    if offering.is_group:
        raise NotFound("startsAt", "No group session of this offering starts then.")
    expert = await get_expert(session, offering.expert_id)
    slot = (starts_at, starts_at + timedelta(minutes=offering.duration_minutes))
    busy = await busy_intervals(session, expert.id, slot[0], slot[1])
    if not fits(plan_of(expert), slot, busy, now):
        _refuse(fits(plan_of(expert), slot, [], now))
    created = Session(offering_id=offering.id, expert_id=expert.id, starts_at=slot[0],
                      ends_at=slot[1], seats=1, seats_taken=0, status=SessionStatus.SCHEDULED)
    session.add(created)
    await session.flush()
    return created


async def book(runtime: Runtime, viewer: Viewer | None, offering_id: int, starts_at: datetime,
               voucher_id: int | None, now: datetime) -> Booking:
    viewer = signed_in(viewer)
    if starts_at.tzinfo is None:
        raise ValidationError("startsAt", "INVALID", "Include a time zone offset.")
    try:
        async with runtime.transaction() as session:
            offering = await get_offering(session, offering_id)
            price = offering.price
            voucher = None
            if voucher_id is not None:
                voucher = await usable_voucher(session, viewer, voucher_id, offering)
                price = quantize(price * (100 - voucher.discount_percent) / 100)
            if price > 0:
                raise ValidationError("offeringId", "PAYMENT_REQUIRED",
                                      "Paid sessions are booked through checkout.")
            if starts_at <= now:
                raise ValidationError("startsAt", "INVALID", "This session has started.")
            target = await _session_for(session, offering, starts_at, now)
            if await session.scalar(select(Booking.id).where(
                    Booking.session_id == target.id, Booking.user_id == viewer.user_id)):
                raise ValidationError("startsAt", "ALREADY_BOOKED", "You are already booked.")
            if await take_seat(session, target.id):
                status = BookingStatus.CONFIRMED
            elif offering.is_group:
                status = BookingStatus.WAITLISTED
            else:
                raise ValidationError("startsAt", "SLOT_TAKEN", "This slot was just taken.")
            booking = Booking(session_id=target.id, user_id=viewer.user_id, status=status,
                              language=viewer.language,
                              price=price, fee_charged=Decimal("0.00"),
                              refund_amount=Decimal("0.00"), sequence=0)
            session.add(booking)
            await session.flush()
            if voucher is not None:
                await redeem(session, voucher.id, booking.id)
                booking.voucher_id = voucher.id
    except IntegrityError:
        raise ValidationError("startsAt", "SLOT_TAKEN", "This slot was just taken.") from None
    return booking


async def promote_waitlist(runtime: Runtime, session: AsyncSession, session_id: int) -> None:
    """Give freed seats to the waitlist, first come first served (each promoted attendee
    is told: ``ruta_booking_promoted``)."""
    waiting = await session.scalars(select(Booking).where(
        Booking.session_id == session_id, Booking.status == BookingStatus.WAITLISTED)
        .order_by(Booking.id))
    for booking in waiting:
        if not await take_seat(session, session_id):
            return
        booking.status = BookingStatus.CONFIRMED
        booking.sequence += 1
        await record_event(session, runtime.plugins, "ruta_booking_promoted",
                           booking_id=booking.id, user_id=booking.user_id,
                           session_id=session_id)


async def _load(session: AsyncSession, booking_id: int) -> tuple[Booking, Session, Offering]:
    booking = await session.get(Booking, booking_id, with_for_update=True)
    if booking is None:
        raise NotFound("id", "No such booking.")
    row = await session.get(Session, booking.session_id)
    assert row is not None
    return booking, row, await get_offering(session, row.offering_id)


def policy_of(offering: Offering) -> CancellationPolicy:
    return CancellationPolicy(offering.free_cancel_hours, offering.cancel_fee_percent)


async def cancel_booking(runtime: Runtime, viewer: Viewer | None, booking_id: int,
                         now: datetime) -> Booking:
    """The attendee cancels: free inside the window, the policy's fee after it."""
    viewer = signed_in(viewer)
    async with runtime.transaction() as session:
        booking, row, offering = await _load(session, booking_id)
        if booking.user_id != viewer.user_id:
            raise PermissionDenied("Only the attendee cancels a booking; experts cancel the "
                                   "session.")
        if booking.status not in ACTIVE:
            raise ValidationError("id", "ALREADY_CANCELLED", "This booking is cancelled.")
        was_confirmed = booking.status == BookingStatus.CONFIRMED
        outcome = attendee_cancels(policy_of(offering), booking.price, row.starts_at, now)
        if not was_confirmed:
            outcome = expert_cancels(Decimal("0.00"))
        booking.status = BookingStatus.CANCELLED_BY_ATTENDEE
        booking.fee_charged, booking.refund_amount = outcome.fee, outcome.refund
        booking.sequence += 1
        if booking.voucher_id is not None and outcome.within_free_window:
            await release(session, booking.voucher_id)
        if was_confirmed:
            await session.execute(update(Session).where(Session.id == row.id)
                                  .values(seats_taken=Session.seats_taken - 1))
            await promote_waitlist(runtime, session, row.id)
    return booking


async def cancel_session(runtime: Runtime, viewer: Viewer | None, session_id: int) -> Session:
    """The expert cancels a session: every attendee is refunded in full."""
    async with runtime.transaction() as session:
        row = await session.get(Session, session_id, with_for_update=True)
        if row is None:
            raise NotFound("id", "No such session.")
        if not manages(signed_in(viewer), await get_expert(session, row.expert_id)):
            raise PermissionDenied("You do not manage this expert.")
        if row.status != SessionStatus.SCHEDULED:
            raise ValidationError("id", "ALREADY_CANCELLED", "This session is cancelled.")
        row.status = SessionStatus.CANCELLED
        row.seats_taken = 0
        for booking in await session.scalars(select(Booking).where(
                Booking.session_id == row.id, Booking.status.in_(ACTIVE))):
            outcome = expert_cancels(booking.price if booking.status == BookingStatus.CONFIRMED
                                     else Decimal("0.00"))
            booking.status = BookingStatus.CANCELLED_BY_EXPERT
            booking.fee_charged, booking.refund_amount = outcome.fee, outcome.refund
            booking.sequence += 1
            await record_event(session, runtime.plugins, "ruta_session_cancelled",
                               session_id=row.id, booking_id=booking.id,
                               user_id=booking.user_id, refund=str(outcome.refund))
            if booking.voucher_id is not None:
                await release(session, booking.voucher_id)
    return row


async def reschedule(runtime: Runtime, viewer: Viewer | None, booking_id: int,
                     starts_at: datetime, now: datetime) -> Booking:
    """Move an individual session to another free slot (attendees only inside the free
    cancellation window; the expert any time)."""
    viewer = signed_in(viewer)
    if starts_at.tzinfo is None:
        raise ValidationError("startsAt", "INVALID", "Include a time zone offset.")
    try:
        async with runtime.transaction() as session:
            booking, row, offering = await _load(session, booking_id)
            expert = await get_expert(session, row.expert_id)
            is_attendee = booking.user_id == viewer.user_id
            if not is_attendee and not manages(viewer, expert):
                raise PermissionDenied("Only the attendee or the expert reschedules.")
            if offering.is_group or booking.status != BookingStatus.CONFIRMED:
                raise ValidationError("id", "NOT_RESCHEDULABLE",
                                      "Only confirmed individual sessions move.")
            if row.variant_id is not None:
                raise ValidationError("id", "NOT_RESCHEDULABLE",
                                      "Paid sessions move through the core order.")
            if is_attendee and not in_free_window(policy_of(offering), row.starts_at, now):
                raise ValidationError("id", "TOO_LATE", "The free change window has passed.")
            slot = (starts_at, starts_at + timedelta(minutes=offering.duration_minutes))
            busy = await busy_intervals(session, expert.id, slot[0], slot[1], row.id)
            if not fits(plan_of(expert), slot, busy, now):
                _refuse(fits(plan_of(expert), slot, [], now))
            row.starts_at, row.ends_at = slot
            booking.sequence += 1
            await session.flush()
    except IntegrityError:
        raise ValidationError("startsAt", "SLOT_TAKEN", "This slot was just taken.") from None
    return booking
