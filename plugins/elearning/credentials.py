"""The learner's unrevoked certificates and certificates of attendance, as answered to the core hook
``ruta_user_credentials`` (other plugins show them only with the learner's consent)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from engine.plugins.api import Runtime, product_facts
from plugins.elearning.models import AttendanceCertificate, Certificate, Enrolment


async def of_user(runtime: Runtime, user_id: int) -> list[dict[str, Any]] | None:
    async with runtime.db.read() as session:
        rows = (await session.execute(
            select(Certificate, Enrolment.product_id).join(
                Enrolment, Enrolment.id == Certificate.enrolment_id)
            .where(Enrolment.user_id == user_id, Certificate.revoked_at.is_(None))
            .order_by(Certificate.id))).all()
        result = []
        for certificate, product_id in rows:
            product = await product_facts(session, product_id)
            result.append({"kind": "COURSE_CERTIFICATE",
                           "title": product.name if product else "",
                           "credential_id": certificate.credential_id,
                           "issued_at": certificate.issued_at.isoformat(),
                           "token": certificate.token})
        for attended in await session.scalars(
                select(AttendanceCertificate).where(AttendanceCertificate.user_id == user_id)
                .order_by(AttendanceCertificate.id)):
            result.append({"kind": "ATTENDANCE_CERTIFICATE", "title": attended.title,
                           "credential_id": attended.credential_id,
                           "issued_at": attended.issued_at.isoformat(),
                           "token": attended.token})
    return result or None
