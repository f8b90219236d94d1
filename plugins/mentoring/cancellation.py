"""Cancelling: the attendee under the offering's policy, or the expert for everyone.

A paid booking (bought through checkout) is settled through the core after the booking's
own transaction: the seat goes back to the core variant and the refund the policy gives
goes back to the buyer through the core's refund (Stripe, transfer reversal, ledger); the
fee the policy keeps stays with the vendor.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import select, update

from engine.plugins.api import (
    NotFound,
    PermissionDenied,
    Runtime,
    ValidationError,
    cancel_bought_seat,
    record_event,
)
from plugins.mentoring.access import Viewer, get_expert, manages, signed_in
from plugins.mentoring.bookings import ACTIVE, load_booking, policy_of, promote_waitlist
from plugins.mentoring.enums import BookingStatus, SessionStatus
from plugins.mentoring.models import Booking, Session
from plugins.mentoring.policy import attendee_cancels, expert_cancels
from plugins.mentoring.vouchers import release

#: (order id, variant id, refund) of paid seats to settle after commit.
Settlement = tuple[int, int, Decimal]


async def _settle(runtime: Runtime, settlements: list[Settlement]) -> None:
    for order_id, variant_id, refund in settlements:
        await cancel_bought_seat(runtime, order_id, variant_id, refund)


async def cancel_booking(runtime: Runtime, viewer: Viewer | None, booking_id: int,
                         now: datetime) -> Booking:
    """The attendee cancels: free inside the window, the policy's fee after it."""
    viewer = signed_in(viewer)
    settlements: list[Settlement] = []
    async with runtime.transaction() as session:
        booking, row, offering = await load_booking(session, booking_id)
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
            await promote_waitlist(runtime, session, row)
            if booking.order_id is not None and row.variant_id is not None:
                settlements.append((booking.order_id, row.variant_id, outcome.refund))
    await _settle(runtime, settlements)
    return booking


async def cancel_session(runtime: Runtime, viewer: Viewer | None, session_id: int) -> Session:
    """The expert cancels a session: every attendee is refunded in full."""
    settlements: list[Settlement] = []
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
            confirmed = booking.status == BookingStatus.CONFIRMED
            outcome = expert_cancels(booking.price if confirmed else Decimal("0.00"))
            booking.status = BookingStatus.CANCELLED_BY_EXPERT
            booking.fee_charged, booking.refund_amount = outcome.fee, outcome.refund
            booking.sequence += 1
            await record_event(session, runtime.plugins, "ruta_session_cancelled",
                               session_id=row.id, booking_id=booking.id,
                               user_id=booking.user_id, refund=str(outcome.refund))
            if booking.voucher_id is not None:
                await release(session, booking.voucher_id)
            if confirmed and booking.order_id is not None and row.variant_id is not None:
                settlements.append((booking.order_id, row.variant_id, outcome.refund))
    await _settle(runtime, settlements)
    return row
