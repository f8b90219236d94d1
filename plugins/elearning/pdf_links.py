"""Signed, short-lived links to a certificate's PDF, shared by course certificates
(``certificate_links``) and certificates of attendance (``attendance_links``): the link
names the certificate and the language (HS256 with ``RUTA_SECRET_KEY``, 15 minutes), and
its endpoint checks only the signature and expiry, loads what the signed credential says
and prints it."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from engine.plugins.api import Runtime, sign_link, verify_link
from plugins.elearning.certificate_pdf import CertificateFacts, render
from plugins.elearning.certificate_texts import LANGUAGES

LINK_TTL = timedelta(minutes=15)

#: Loads what to print for a certificate id, or ``None`` when it must not be printed.
FactsLoader = Callable[[Runtime, int], Awaitable[CertificateFacts | None]]


def signed_pdf_url(runtime: Runtime, audience: str, path: str, certificate_id: int,
                   language: str) -> str:
    """``path`` holds ``{token}``; an unknown language falls back to English."""
    language = language.lower() if language.lower() in LANGUAGES else "en"
    token = sign_link(runtime.settings, audience, f"{certificate_id}:{language}", LINK_TTL)
    return runtime.settings.public_url.rstrip("/") + path.format(token=token)


def pdf_endpoint(runtime: Runtime, audience: str, load: FactsLoader, *, refusal: str,
                 filename: str) -> Callable[[Request], Awaitable[Response]]:
    """The download route: 403 with ``refusal`` for a bad, expired or refused link;
    ``filename`` holds ``{id}``."""
    async def download(request: Request) -> Response:
        subject = verify_link(runtime.settings, audience, request.path_params["token"])
        certificate_id, _, language = (subject or "").partition(":")
        facts = await load(runtime, int(certificate_id)) \
            if certificate_id.isascii() and certificate_id.isdigit() else None
        if facts is None:
            return JSONResponse({"error": refusal}, 403)
        body = await asyncio.to_thread(render, facts, language)
        return Response(body, media_type="application/pdf", headers={
            "Content-Disposition": f'inline; filename="{filename.format(id=certificate_id)}"',
            "Cache-Control": "private, no-store"})

    return download
