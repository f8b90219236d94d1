"""A certificate of attendance as a PDF, behind a signed, short-lived link
(``AttendanceCertificate.pdfUrl``: ``/elearning/attendance-certificates/<token>``, HS256
with ``RUTA_SECRET_KEY``, 15 minutes, naming the certificate and the language), given only
to its holder by ``myAttendanceCertificates``. The PDF prints what the signed credential
says, as a course certificate's does."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from engine.plugins.api import Runtime
from plugins.elearning.certificate_links import verify_url
from plugins.elearning.certificate_pdf import CertificateFacts
from plugins.elearning.certificates import recipient_name
from plugins.elearning.core_reads import user_names
from plugins.elearning.models import AttendanceCertificate
from plugins.elearning.pdf_links import pdf_endpoint, signed_pdf_url

AUDIENCE = "elearning-attendance-pdf"
PATH = "/elearning/attendance-certificates/{token}"


def pdf_url(runtime: Runtime, certificate_id: int, language: str) -> str:
    return signed_pdf_url(runtime, AUDIENCE, PATH, certificate_id, language)


def facts_of(runtime: Runtime, row: AttendanceCertificate, fallback_name: str
             ) -> CertificateFacts:
    import jwt

    claims: dict[str, Any] = jwt.decode(row.token, options={"verify_signature": False})
    vc = claims["vc"]
    subject = vc["credentialSubject"]
    achievement = subject["achievement"]
    return CertificateFacts(
        name=recipient_name(claims) or fallback_name, course=achievement["name"],
        issued_at=datetime.fromtimestamp(int(claims["iat"]), UTC), expires_at=None,
        issuer_name=vc["issuer"].get("name", claims["iss"]), issuer_url=claims["iss"],
        credential_id=row.credential_id, verify_url=verify_url(runtime, row.credential_id),
        attended_on=date.fromisoformat(subject["activityStartDate"]),
        organiser=achievement.get("creator", {}).get("name"))


async def _facts(runtime: Runtime, certificate_id: int) -> CertificateFacts | None:
    async with runtime.db.read() as session:
        row = await session.get(AttendanceCertificate, certificate_id)
        if row is None:
            return None
        names = await user_names(session, [row.user_id])
    return facts_of(runtime, row, names.get(row.user_id, ""))


def endpoint(runtime: Runtime) -> Callable[[Request], Awaitable[Response]]:
    return pdf_endpoint(runtime, AUDIENCE, _facts, filename="attendance-{id}.pdf",
                        refusal="This link is invalid or has expired.")
