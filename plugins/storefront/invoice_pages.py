"""The buyer's invoices (``/account/invoices``): every invoice and credit note the shops
issued for their orders, each with its PDF (a short-lived link asked for on each click)."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.account_guard import signed_in, to_login
from plugins.storefront.layout import not_found, render


@signed_in
async def invoices(visit: Visit) -> Response:
    result = await visit.graphql("MyInvoices")
    if result.unauthenticated:
        return to_login(visit)
    return render(visit, "invoices.html", invoices=result.data.get("iberiaMyInvoices") or [],
                  unread_count=result.data.get("myNotificationsUnreadCount") or 0)


@signed_in
async def pdf(visit: Visit) -> Response:
    """To the PDF of one of the buyer's invoices; anyone else's is not found."""
    result = await visit.graphql("InvoicePdf", id=visit.request.path_params["invoice_id"])
    if result.unauthenticated:
        return to_login(visit)
    link = result.data.get("iberiaInvoicePdf") if result.data else None
    if result.errors or not link:
        return not_found(visit)
    return visit.redirect(link)
