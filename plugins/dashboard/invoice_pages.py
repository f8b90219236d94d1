"""The vendor's invoices (from the iberia plugin's API): a list, and a download that sends
the browser to the invoice's signed, 15-minute PDF link (``iberiaInvoicePdf``)."""

from __future__ import annotations

from starlette.responses import RedirectResponse, Response

from engine.plugins.api import Visit
from plugins.dashboard.guard import PREFIX, signed_in, to_login


@signed_in
async def invoices(visit: Visit) -> Response:
    result = await visit.graphql("VendorInvoices")
    if result.unauthenticated:
        return to_login(visit)
    vendor = result.data.get("myVendor")
    if vendor is None:
        return visit.redirect(f"{PREFIX}/apply")
    return visit.render("seller/invoices.html", invoices=vendor.get("invoices") or [])


@signed_in
async def invoice_pdf(visit: Visit) -> Response:
    result = await visit.graphql("VendorInvoicePdf", id=visit.request.path_params["invoice_id"])
    if result.unauthenticated:
        return to_login(visit)
    url = result.data.get("iberiaInvoicePdf") if result.data else None
    if not url:
        return visit.not_found()
    return RedirectResponse(url, status_code=303)
