"""Enrolment: on payment (``ruta_order_paid``), directly for free courses (``courseEnroll``),
revoked on a full refund or a cancellation. Idempotent: one row per (course, learner)."""

from __future__ import annotations

import logging
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import Runtime, ValidationError, record_event
from plugins.elearning.core_reads import cheapest_price, is_public, order_course_lines
from plugins.elearning.models import Course, Enrolment

log = logging.getLogger(__name__)


async def enrol(runtime: Runtime, session: AsyncSession, course: Course, user_id: int,
                now: datetime, *, order_id: int | None = None, variant_id: int | None = None
                ) -> Enrolment:
    """Enrol ``user_id`` once; a revoked enrolment is reactivated (a new purchase). A new
    or reactivated enrolment records ``ruta_course_enrolled`` (the learner is told)."""
    enrolment = await session.scalar(select(Enrolment).where(
        Enrolment.course_id == course.id, Enrolment.user_id == user_id))
    if enrolment is None:
        enrolment = Enrolment(course_id=course.id, product_id=course.product_id,
                              user_id=user_id, order_id=order_id, variant_id=variant_id,
                              status="ACTIVE", enrolled_at=now)
        session.add(enrolment)
    elif enrolment.status == "REVOKED" and (order_id is None or order_id != enrolment.order_id):
        enrolment.status, enrolment.revoked_at = "ACTIVE", None
        enrolment.order_id, enrolment.variant_id, enrolment.enrolled_at = order_id, variant_id, now
    else:
        return enrolment
    await session.flush()
    await record_event(session, runtime.plugins, "ruta_course_enrolled", user_id=user_id,
                       product_id=course.product_id, enrolment_id=enrolment.id)
    return enrolment


async def prerequisite_met(session: AsyncSession, course: Course, user_id: int) -> bool:
    if course.prerequisite_product_id is None:
        return True
    done = await session.scalar(select(Enrolment.id).where(
        Enrolment.product_id == course.prerequisite_product_id, Enrolment.user_id == user_id,
        Enrolment.status == "COMPLETED"))
    return done is not None


async def enrol_free(runtime: Runtime, session: AsyncSession, course: Course, user_id: int,
                     now: datetime) -> Enrolment:
    """``courseEnroll``: only a free course the catalog shows (published, vendor approved)
    whose prerequisite the learner has."""
    if not await is_public(session, course.product_id):
        raise ValidationError("courseId", "NOT_FOUND", "No such course.")
    price = await cheapest_price(session, course.product_id)
    if price is None or Decimal(price) != 0:
        raise ValidationError("courseId", "NOT_FREE", "This course is sold through checkout.")
    if not await prerequisite_met(session, course, user_id):
        raise ValidationError("courseId", "PREREQUISITE_NOT_MET",
                              "Complete the prerequisite course first.")
    return await enrol(runtime, session, course, user_id, now)


async def enrol_paid_order(runtime: Runtime, order_id: int, now: datetime) -> int:
    """Enrol the buyer of a paid order in each of its courses; returns how many lines."""
    async with runtime.transaction() as session:
        found = await order_course_lines(session, order_id)
        if found is None or not found.lines:
            return 0
        if found.user_id is None:
            log.warning("order %s bought courses without an account: nobody enrolled", order_id)
            return 0
        for line in found.lines:
            course = await session.scalar(select(Course).where(
                Course.product_id == line.product_id))
            if course is None:
                log.warning("product %s is a COURSE without course data", line.product_id)
                continue
            await enrol(runtime, session, course, found.user_id, now, order_id=order_id,
                        variant_id=line.variant_id)
        return len(found.lines)


async def revoke_order(runtime: Runtime, order_id: int, now: datetime,
                       vendor_order_id: int | None = None) -> int:
    """Revoke enrolments bought by ``order_id`` (only ``vendor_order_id``'s courses)."""
    async with runtime.transaction() as session:
        found = await order_course_lines(session, order_id, vendor_order_id)
        if found is None or not found.lines:
            return 0
        result = await session.execute(
            update(Enrolment).where(
                Enrolment.order_id == order_id,
                Enrolment.product_id.in_([line.product_id for line in found.lines]),
                Enrolment.status != "REVOKED")
            .values(status="REVOKED", revoked_at=now))
        return int(getattr(result, "rowcount", 0) or 0)
