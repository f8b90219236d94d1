"""Signed, short-lived download links to an invoice's PDF: ``iberiaInvoicePdf(id)`` gives
``<RUTA_PUBLIC_URL>/iberia/invoices/<token>``, a JWT (HS256 with ``RUTA_SECRET_KEY``,
audience ``iberia-invoice-pdf``, 15 minutes; 30 days in the order-confirmation e-mail)
naming the invoice. Whoever may read the
invoice may get a link; the endpoint checks only the signature and the expiry, renders
the PDF from the stored snapshot (in a worker thread) and never from live data."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from engine.plugins.api import Runtime
from plugins.iberia.invoice_pdf import render
from plugins.iberia.models import Invoice, VendorTaxProfile

LINK_TTL = timedelta(minutes=15)
#: Links e-mailed with an order confirmation: a buyer may open the mail weeks later.
MAIL_LINK_TTL = timedelta(days=30)
AUDIENCE = "iberia-invoice-pdf"
PATH = "/iberia/invoices/{token}"


def sign(secret: str, invoice_id: int, ttl: timedelta = LINK_TTL) -> str:
    import jwt

    now = datetime.now(UTC)
    return jwt.encode({"invoice": invoice_id, "aud": AUDIENCE, "iat": int(now.timestamp()),
                       "exp": int((now + ttl).timestamp())}, secret, algorithm="HS256")


def verify(secret: str, token: str) -> int | None:
    import jwt

    try:
        data = jwt.decode(token, secret, algorithms=["HS256"], audience=AUDIENCE,
                          options={"require": ["exp", "aud", "invoice"]})
        return int(data["invoice"])
    except (jwt.PyJWTError, KeyError, TypeError, ValueError):
        return None


def link(runtime: Runtime, invoice_id: int, ttl: timedelta = LINK_TTL) -> str:
    base = runtime.settings.public_url.rstrip("/")
    return f"{base}{PATH.format(token=sign(runtime.settings.secret_key, invoice_id, ttl))}"


async def pdf_of(runtime: Runtime, invoice_id: int) -> bytes | None:
    async with runtime.db.read() as session:
        row = await session.get(Invoice, invoice_id)
        profile = await session.get(VendorTaxProfile, row.vendor_id) if row else None
    if row is None:
        return None
    codes = (profile.at_validation_codes or {}) if profile else {}
    code = codes.get(f"{row.series}{row.year}") if row.issuer_key.startswith("vendor:") \
        else None
    return await asyncio.to_thread(render, row, code)


def endpoint(runtime: Runtime) -> Callable[[Request], Awaitable[Response]]:
    async def download(request: Request) -> Response:
        invoice_id = verify(runtime.settings.secret_key, request.path_params["token"])
        body = await pdf_of(runtime, invoice_id) if invoice_id is not None else None
        if body is None:
            return JSONResponse({"error": "This link is invalid or has expired."}, 403)
        return Response(body, media_type="application/pdf", headers={
            "Content-Disposition": f'inline; filename="invoice-{invoice_id}.pdf"',
            "Cache-Control": "private, no-store"})

    return download
