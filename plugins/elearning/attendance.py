"""Certificates of attendance, issued through the core hook ``ruta_attendance_certificate``
(the programme plugin asks it for each person checked in at an event).

Each is an Open Badges 3.0 credential signed like a course certificate (see
:mod:`plugins.elearning.certificates`): the achievement is the attended activity
(``achievementType`` ``ext:Attendance``, its ``creator`` the organiser) and the subject's
``activityStartDate`` the day attended. One per user and ``reference``: asking again
returns the first, and two workers asking at once still store one (the unique constraint;
the loser reads the winner's row).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from engine.plugins.api import IssuedCertificate, NotFound, Runtime, utcnow
from plugins.elearning.certificate_links import verify_url
from plugins.elearning.certificates import CONTEXTS, sign, subject_of
from plugins.elearning.core_reads import user_emails, user_names
from plugins.elearning.keys import issuer
from plugins.elearning.models import AttendanceCertificate

ACHIEVEMENT_TYPE = "ext:Attendance"


def attendance_claims(runtime: Runtime, row: AttendanceCertificate, email: str,
                      name: str) -> dict[str, Any]:
    base = issuer(runtime)
    subject_id, identifiers = subject_of(runtime, email, name, row.credential_id)
    vc: dict[str, Any] = {
        "@context": CONTEXTS,
        "id": row.credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": base, "type": ["Profile"], "name": "Ruta"},
        "name": f"Certificate of attendance: {row.title}",
        "validFrom": row.issued_at.isoformat(),
        "credentialSubject": {
            "id": subject_id,
            "type": ["AchievementSubject"],
            "identifier": identifiers,
            "activityStartDate": row.attended_on.isoformat(),
            "achievement": {
                "id": f"{base}/attendance/{quote(row.reference, safe='')}",
                "type": ["Achievement"],
                "achievementType": ACHIEVEMENT_TYPE,
                "name": row.title,
                "creator": {"type": ["Profile"], "name": row.organiser},
                "criteria": {"narrative": "Checked in at the activity on the day."},
            },
        },
    }
    return {"iss": base, "jti": row.credential_id, "sub": subject_id,
            "iat": int(row.issued_at.timestamp()), "nbf": int(row.issued_at.timestamp()),
            "vc": vc}


def _public(runtime: Runtime, row: AttendanceCertificate, new: bool) -> IssuedCertificate:
    return IssuedCertificate(credential_id=row.credential_id,
                             verify_url=verify_url(runtime, row.credential_id),
                             issued_at=row.issued_at, new=new)


async def _existing(runtime: Runtime, user_id: int, reference: str
                    ) -> AttendanceCertificate | None:
    async with runtime.db.read() as session:
        found: AttendanceCertificate | None = await session.scalar(
            select(AttendanceCertificate).where(AttendanceCertificate.user_id == user_id,
                                                AttendanceCertificate.reference == reference))
    return found


async def issue_attendance(runtime: Runtime, user_id: int, reference: str, title: str,
                           attended_on: date, organiser: str,
                           now: datetime | None = None) -> IssuedCertificate:
    """The user's certificate of attendance for ``reference`` (issued once)."""
    reference = reference[:120]
    if (found := await _existing(runtime, user_id, reference)) is not None:
        return _public(runtime, found, new=False)
    issued_at = (now or utcnow()).replace(microsecond=0)
    try:
        async with runtime.transaction() as session:
            email = (await user_emails(session, [user_id])).get(user_id)
            if email is None:
                raise NotFound("userId", "No such user.")
            name = (await user_names(session, [user_id])).get(user_id, "")
            row = AttendanceCertificate(
                user_id=user_id, reference=reference, title=title[:200],
                attended_on=attended_on, organiser=organiser[:200],
                credential_id=f"urn:uuid:{uuid.uuid4()}", token="", issued_at=issued_at)
            row.token = sign(runtime, attendance_claims(runtime, row, email, name))
            session.add(row)
            await session.flush()
    except IntegrityError:  # issued concurrently for the same reference: that one stands
        if (found := await _existing(runtime, user_id, reference)) is None:
            raise
        return _public(runtime, found, new=False)
    return _public(runtime, row, new=True)


async def of_user(runtime: Runtime, user_id: int) -> list[AttendanceCertificate]:
    async with runtime.db.read() as session:
        return list(await session.scalars(
            select(AttendanceCertificate).where(AttendanceCertificate.user_id == user_id)
            .order_by(AttendanceCertificate.attended_on, AttendanceCertificate.id)))
