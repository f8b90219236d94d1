"""Where a certificate is seen: its public verification page
(``<RUTA_PUBLIC_URL>/verify?credential=<credential id>``, what the QR code opens) and a
signed, short-lived link to its PDF (``Certificate.pdfUrl``: ``/elearning/certificates/
<token>``, HS256 with ``RUTA_SECRET_KEY``, 15 minutes, naming the certificate and the
language). The endpoint checks only the link's signature and expiry, refuses revoked
certificates, and prints what the signed credential says."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import Response

from engine.plugins.api import Runtime
from plugins.elearning.certificate_pdf import CertificateFacts
from plugins.elearning.certificates import recipient_name
from plugins.elearning.core_reads import user_names
from plugins.elearning.models import Certificate, Enrolment
from plugins.elearning.pdf_links import LINK_TTL, pdf_endpoint, signed_pdf_url

AUDIENCE = "elearning-certificate-pdf"
__all__ = ["LINK_TTL", "endpoint", "facts_of", "pdf_url", "verify_url"]
PATH = "/elearning/certificates/{token}"


def verify_url(runtime: Runtime, credential_id: str) -> str:
    base = runtime.settings.public_url.rstrip("/")
    return f"{base}/verify?credential={quote(credential_id, safe='')}"


def pdf_url(runtime: Runtime, certificate_id: int, language: str) -> str:
    return signed_pdf_url(runtime, AUDIENCE, PATH, certificate_id, language)


def facts_of(runtime: Runtime, certificate: Certificate, fallback_name: str
             ) -> CertificateFacts:
    import jwt

    claims: dict[str, Any] = jwt.decode(certificate.token, options={"verify_signature": False})
    vc = claims["vc"]
    return CertificateFacts(
        name=recipient_name(claims) or fallback_name,
        course=vc["credentialSubject"]["achievement"]["name"],
        issued_at=datetime.fromtimestamp(int(claims["iat"]), UTC),
        expires_at=datetime.fromtimestamp(int(claims["exp"]), UTC) if "exp" in claims else None,
        issuer_name=vc["issuer"].get("name", claims["iss"]), issuer_url=claims["iss"],
        credential_id=certificate.credential_id,
        verify_url=verify_url(runtime, certificate.credential_id))


async def _facts(runtime: Runtime, certificate_id: int) -> CertificateFacts | None:
    async with runtime.db.read() as session:
        certificate = await session.get(Certificate, certificate_id)
        if certificate is None or certificate.revoked_at is not None:
            return None
        enrolment = await session.get(Enrolment, certificate.enrolment_id)
        names = await user_names(session, [enrolment.user_id]) if enrolment else {}
    return facts_of(runtime, certificate, next(iter(names.values()), ""))


def endpoint(runtime: Runtime) -> Callable[[Request], Awaitable[Response]]:
    return pdf_endpoint(runtime, AUDIENCE, _facts, filename="certificate-{id}.pdf",
                        refusal="This link is invalid or has expired, or the certificate "
                                "was revoked.")
