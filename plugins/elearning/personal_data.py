"""The e-learning part of a user's data export and erasure (``ruta_account_export`` /
``ruta_account_erase``).

Enrolments, completions and certificate records stay (they follow from orders); erasure
removes the behavioural data (quiz answers, the drop-out ladder's signals) and the learner
from the stored copy of each signed credential (name, hashed e-mail, subject id): the issuer
signs that copy again without them, so verifying the id (the QR code) still answers VALID
with the course and dates, and a credential the holder kept still verifies. Certificates of
attendance are treated the same way.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, select, update

from engine.plugins.api import Runtime, utcnow
from plugins.elearning.certificates import erase_holder
from plugins.elearning.models import (
    AttendanceCertificate,
    Certificate,
    Enrolment,
    LessonCompletion,
    QuizAttempt,
    RescueStep,
)


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


async def export(runtime: Runtime, user_id: int) -> dict[str, Any]:
    async with runtime.db.read() as session:
        enrolments = list(await session.scalars(
            select(Enrolment).where(Enrolment.user_id == user_id).order_by(Enrolment.id)))
        ids = [e.id for e in enrolments]
        done = {row[0]: row[1] for row in await session.execute(
            select(LessonCompletion.enrolment_id, func.count())
            .where(LessonCompletion.enrolment_id.in_(ids))
            .group_by(LessonCompletion.enrolment_id))}
        attempts = list(await session.scalars(select(QuizAttempt).where(
            QuizAttempt.enrolment_id.in_(ids)).order_by(QuizAttempt.id)))
        certificates = {c.enrolment_id: c for c in await session.scalars(
            select(Certificate).where(Certificate.enrolment_id.in_(ids)))}
        attended = list(await session.scalars(
            select(AttendanceCertificate).where(AttendanceCertificate.user_id == user_id)
            .order_by(AttendanceCertificate.id)))
    return {"attendanceCertificates": [{
        "title": a.title, "attendedOn": _iso(a.attended_on), "organiser": a.organiser,
        "credentialId": a.credential_id, "issuedAt": _iso(a.issued_at)} for a in attended],
        "enrolments": [{
        "productId": e.product_id, "status": e.status, "enrolledAt": _iso(e.enrolled_at),
        "completedAt": _iso(e.completed_at), "lessonsCompleted": done.get(e.id, 0),
        "quizAttempts": [{"lessonId": a.lesson_id, "score": a.score, "passed": a.passed,
                          "at": _iso(a.created_at)} for a in attempts
                         if a.enrolment_id == e.id],
        "certificate": (c := certificates.get(e.id)) and {
            "credentialId": c.credential_id, "issuedAt": _iso(c.issued_at)},
    } for e in enrolments]}


async def erase(runtime: Runtime, user_id: int) -> None:
    mine = select(Enrolment.id).where(Enrolment.user_id == user_id)
    async with runtime.transaction() as session:
        await session.execute(update(QuizAttempt).where(QuizAttempt.enrolment_id.in_(mine))
                              .values(answers=[]))
        await session.execute(delete(RescueStep).where(RescueStep.enrolment_id.in_(mine)))
        now = utcnow()
        for certificate in await session.scalars(
                select(Certificate).where(Certificate.enrolment_id.in_(mine))):
            erase_holder(runtime, certificate, now)
        for attended in await session.scalars(
                select(AttendanceCertificate).where(AttendanceCertificate.user_id == user_id)):
            erase_holder(runtime, attended, now)
