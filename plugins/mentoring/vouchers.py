"""Session vouchers earned by completing a course (``ruta_course_completed``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import NotFound, Runtime, ValidationError
from plugins.mentoring.access import Viewer, get_expert
from plugins.mentoring.expert_list import has_tag
from plugins.mentoring.models import Expert, Offering, Voucher

#: A completed course earns one free session (100% off) with a matching expert.
DISCOUNT_PERCENT = 100


async def grant(runtime: Runtime, event_id: int, user_id: int, product_id: int,
                topics: list[str], occurred_at: datetime) -> bool:
    """Grant a voucher once per event, when some expert is tagged with one of the topics."""
    wanted = {t.strip().lower() for t in topics if t.strip()}
    async with runtime.db.read() as session:
        if await session.scalar(select(Voucher.id).where(Voucher.event_id == event_id)):
            return False
        tagged = await session.scalar(select(Expert.id).where(
            or_(*(has_tag(topic) for topic in sorted(wanted)))).limit(1)) if wanted else None
    if tagged is None:
        return False
    try:
        async with runtime.transaction() as session:
            session.add(Voucher(event_id=event_id, user_id=user_id, course_product_id=product_id,
                                topics=sorted(wanted), discount_percent=DISCOUNT_PERCENT,
                                created_at=occurred_at))
    except IntegrityError:  # a concurrent redelivery won
        return False
    return True


async def usable_voucher(session: AsyncSession, viewer: Viewer, voucher_id: int,
                         offering: Offering) -> Voucher:
    voucher = await session.get(Voucher, voucher_id)
    if voucher is None or voucher.user_id != viewer.user_id:
        raise NotFound("voucherId", "No such voucher.")
    if voucher.redeemed_booking_id is not None:
        raise ValidationError("voucherId", "VOUCHER_USED", "This voucher was used.")
    expert = await get_expert(session, offering.expert_id)
    if not set(voucher.topics) & set(expert.tags):
        raise ValidationError("voucherId", "VOUCHER_NOT_APPLICABLE",
                              "This voucher is for experts on the course's topics.")
    return voucher


async def redeem(session: AsyncSession, voucher_id: int, booking_id: int) -> None:
    result = await session.execute(update(Voucher).where(
        Voucher.id == voucher_id, Voucher.redeemed_booking_id.is_(None))
        .values(redeemed_booking_id=booking_id))
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise ValidationError("voucherId", "VOUCHER_USED", "This voucher was used.")


async def release(session: AsyncSession, voucher_id: int) -> None:
    await session.execute(update(Voucher).where(Voucher.id == voucher_id)
                          .values(redeemed_booking_id=None))
