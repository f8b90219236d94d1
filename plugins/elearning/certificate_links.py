"""Where a certificate is seen: its public verification page
(``<RUTA_PUBLIC_URL>/verify?credential=<credential id>``, what the QR code opens) and a
signed, short-lived link to its PDF (``Certificate.pdfUrl``: ``/elearning/certificates/
<token>``, HS256 with ``RUTA_SECRET_KEY``, 15 minutes, naming the certificate and the
language). The endpoint checks only the link's signature and expiry, refuses revoked
certificates, and prints what the signed credential says."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

import jwt
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from engine.plugins.api import Runtime, sign_link, verify_link
from plugins.elearning.certificate_pdf import CertificateFacts, render
from plugins.elearning.certificate_texts import LANGUAGES
from plugins.elearning.certificates import recipient_name
from plugins.elearning.core_reads import user_names
from plugins.elearning.models import Certificate, Enrolment

AUDIENCE = "elearning-certificate-pdf"
LINK_TTL = timedelta(minutes=15)
PATH = "/elearning/certificates/{token}"


def verify_url(runtime: Runtime, credential_id: str) -> str:
    base = runtime.settings.public_url.rstrip("/")
    return f"{base}/verify?credential={quote(credential_id, safe='')}"


def pdf_url(runtime: Runtime, certificate_id: int, language: str) -> str:
    language = language.lower() if language.lower() in LANGUAGES else "en"
    token = sign_link(runtime.settings, AUDIENCE, f"{certificate_id}:{language}", LINK_TTL)
    return runtime.settings.public_url.rstrip("/") + PATH.format(token=token)


def facts_of(runtime: Runtime, certificate: Certificate, fallback_name: str
             ) -> CertificateFacts:
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
    async def download(request: Request) -> Response:
        subject = verify_link(runtime.settings, AUDIENCE, request.path_params["token"])
        certificate_id, _, language = (subject or "").partition(":")
        facts = await _facts(runtime, int(certificate_id)) \
            if certificate_id.isascii() and certificate_id.isdigit() else None
        if facts is None:
            return JSONResponse({"error": "This link is invalid or has expired, or the "
                                          "certificate was revoked."}, 403)
        body = await asyncio.to_thread(render, facts, language)
        return Response(body, media_type="application/pdf", headers={
            "Content-Disposition": f'inline; filename="certificate-{certificate_id}.pdf"',
            "Cache-Control": "private, no-store"})

    return download
