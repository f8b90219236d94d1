"""A paid offering made bookable in one step: the dated session, the core's bookable
variant that sells it (on one of the firm's bookable products) and the link between them,
in one transaction (all or nothing)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.exc import IntegrityError

from engine.plugins.api import BookableSlot, Runtime, ValidationError, add_bookable_variants
from plugins.mentoring.access import Viewer, managed_expert
from plugins.mentoring.models import Session
from plugins.mentoring.offerings import check_start, get_offering, place_session


async def sell_session(runtime: Runtime, viewer: Viewer | None, offering_id: int,
                       product_id: int, starts_at: datetime, now: datetime) -> Session:
    check_start(starts_at, now)
    try:
        async with runtime.transaction() as session:
            offering = await get_offering(session, offering_id)
            expert = await managed_expert(session, viewer, offering.expert_id)
            if offering.price <= 0:
                raise ValidationError("offeringId", "NOT_PAID",
                                      "Free sessions are booked with sessionBook.")
            if expert.vendor_id is None:
                raise ValidationError("offeringId", "NO_FIRM",
                                      "The expert sells through a firm (vendor); none is set.")
            row = await place_session(session, offering, starts_at)
            (row.variant_id,) = await add_bookable_variants(
                runtime, session, expert.vendor_id, product_id, [BookableSlot(
                    sku=f"MS{offering.id}-{starts_at.strftime('%Y%m%d%H%M')}",
                    price=offering.price, starts_at=row.starts_at, ends_at=row.ends_at,
                    capacity=row.seats, name=offering.title[:200])])
    except IntegrityError:
        raise ValidationError("startsAt", "SLOT_TAKEN", "The expert is busy then.") from None
    return row
