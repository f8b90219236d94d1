"""GraphQL: offerings, sessions, free bookings, cancellation, rescheduling, vouchers."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import strawberry

from engine.plugins.api import (
    Info,
    ValidationError,
    attempt,
    decode_id,
    utcnow,
)
from plugins.mentoring import (
    booking_reads,
    bookings,
    cancellation,
    notices,
    offerings,
    selling,
)
from plugins.mentoring.booking_types import MentoringBooking
from plugins.mentoring.errors import MentoringError, errors_of, viewer_of
from plugins.mentoring.models import Booking, Session
from plugins.mentoring.types import MentoringOffering, MentoringSession


@strawberry.input
class OfferingInput:
    expert_id: strawberry.ID
    title: str
    duration_minutes: int
    price: Decimal = strawberry.field(description="EUR; 0 for a free session.")
    is_group: bool = False
    seats: int = 1
    is_online: bool = True
    address: str | None = None
    free_cancel_hours: int = 24
    cancel_fee_percent: int = 0


@strawberry.type
class OfferingPayload:
    offering: MentoringOffering | None = None
    errors: list[MentoringError] = strawberry.field(default_factory=list)


@strawberry.type
class SessionPayload:
    session: MentoringSession | None = None
    errors: list[MentoringError] = strawberry.field(default_factory=list)


@strawberry.type
class BookingPayload:
    booking: MentoringBooking | None = None
    errors: list[MentoringError] = strawberry.field(default_factory=list)


async def _booking_payload(info: Info, booking: Booking | None,
                           exc: ValidationError | None) -> BookingPayload:
    if booking is None:
        return BookingPayload(errors=errors_of(exc))
    async with info.context.runtime.db.read() as session:
        fresh = await session.get(Booking, booking.id)
        assert fresh is not None
        (rows,) = await booking_reads.with_context(session, [fresh])
    return BookingPayload(booking=MentoringBooking.of(*rows))


def _session_payload(row: Session | None, exc: ValidationError | None) -> SessionPayload:
    return SessionPayload(session=MentoringSession.of(row) if row else None,
                          errors=errors_of(exc))


@strawberry.type
class BookingMutation:
    @strawberry.mutation(description="Offer a session type (the expert or their firm).")
    async def offering_create(self, info: Info, input: OfferingInput) -> OfferingPayload:
        viewer = await viewer_of(info)
        offering, exc = await attempt(lambda: offerings.create_offering(
            info.context.runtime, viewer, decode_id(input.expert_id, "Expert", field="expertId"),
            offerings.OfferingData(
                title=input.title, duration_minutes=input.duration_minutes, price=input.price,
                is_group=input.is_group, seats=input.seats, is_online=input.is_online,
                address=input.address, free_cancel_hours=input.free_cancel_hours,
                cancel_fee_percent=input.cancel_fee_percent)))
        return OfferingPayload(offering=MentoringOffering.of(offering) if offering else None,
                               errors=errors_of(exc))

    @strawberry.mutation(description="Put a dated session of an offering on the calendar.")
    async def session_schedule(self, info: Info, offering_id: strawberry.ID,
                               starts_at: datetime) -> SessionPayload:
        viewer = await viewer_of(info)
        row, exc = await attempt(lambda: offerings.schedule_session(
            info.context.runtime, viewer,
            decode_id(offering_id, "MentoringOffering", field="offeringId"), starts_at,
            utcnow()))
        return _session_payload(row, exc)

    @strawberry.mutation(description="Make a paid offering bookable in one step: a dated "
                                     "session, the core bookable variant on one of the firm's "
                                     "bookable products (productId) and their link.")
    async def offering_session_sell(self, info: Info, offering_id: strawberry.ID,
                                    product_id: strawberry.ID, starts_at: datetime
                                    ) -> SessionPayload:
        viewer = await viewer_of(info)
        row, exc = await attempt(lambda: selling.sell_session(
            info.context.runtime, viewer,
            decode_id(offering_id, "MentoringOffering", field="offeringId"),
            decode_id(product_id, "Product", field="productId"), starts_at, utcnow()))
        return _session_payload(row, exc)

    @strawberry.mutation(description="Link the core bookable variant that sells this "
                                     "session (created by the firm with productVariantCreate).")
    async def offering_slot_link(self, info: Info, session_id: strawberry.ID,
                                 variant_id: strawberry.ID) -> SessionPayload:
        viewer = await viewer_of(info)
        row, exc = await attempt(lambda: offerings.link_slot(
            info.context.runtime, viewer,
            decode_id(session_id, "MentoringSession", field="sessionId"),
            decode_id(variant_id, "ProductVariant", field="variantId")))
        return _session_payload(row, exc)

    @strawberry.mutation(description="Book a free session (or one a voucher makes free); a "
                                     "full group session puts you on its waitlist.")
    async def session_book(self, info: Info, offering_id: strawberry.ID, starts_at: datetime,
                           voucher_id: strawberry.ID | None = None) -> BookingPayload:
        viewer = await viewer_of(info)
        booking, exc = await attempt(lambda: bookings.book(
            info.context.runtime, viewer,
            decode_id(offering_id, "MentoringOffering", field="offeringId"), starts_at,
            decode_id(voucher_id, "MentoringVoucher", field="voucherId") if voucher_id
            else None, utcnow()))
        if booking is not None:  # committed: tell the attendee (no transaction open)
            await notices.booking_confirmed(info.context.runtime, booking.id)
        return await _booking_payload(info, booking, exc)

    @strawberry.mutation(description="Cancel your booking under the offering's policy.")
    async def booking_cancel(self, info: Info, id: strawberry.ID) -> BookingPayload:
        viewer = await viewer_of(info)
        booking, exc = await attempt(lambda: cancellation.cancel_booking(
            info.context.runtime, viewer, decode_id(id, "MentoringBooking"), utcnow()))
        return await _booking_payload(info, booking, exc)

    @strawberry.mutation(description="Move an individual session to another free slot.")
    async def booking_reschedule(self, info: Info, id: strawberry.ID, starts_at: datetime
                                 ) -> BookingPayload:
        viewer = await viewer_of(info)
        booking, exc = await attempt(lambda: bookings.reschedule(
            info.context.runtime, viewer, decode_id(id, "MentoringBooking"), starts_at,
            utcnow()))
        return await _booking_payload(info, booking, exc)

    @strawberry.mutation(description="The expert cancels a session: attendees are refunded "
                                     "in full.")
    async def session_cancel(self, info: Info, id: strawberry.ID) -> SessionPayload:
        viewer = await viewer_of(info)
        row, exc = await attempt(lambda: cancellation.cancel_session(
            info.context.runtime, viewer, decode_id(id, "MentoringSession")))
        return _session_payload(row, exc)
