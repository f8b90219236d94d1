"""Funding help on the storefront (``/advice/funding``): your funding requests with their
status history, and a form to open one (project, amount in EUR, stage, document names).
The API checks everything; the page only turns an amount it cannot read into a typed
error before asking, so bad input saves nothing."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.account_guard import signed_in, to_login
from plugins.storefront.forms import N_, field_errors, text
from plugins.storefront.layout import render
from plugins.storefront.mentorship_pages import MILESTONES, names

FUNDING_STATUSES = {
    "OPEN": N_("Waiting for an advisor"),
    "IN_REVIEW": N_("An advisor is reviewing it"),
    "SUBMITTED_TO_FUNDER": N_("Submitted to the funder"),
    "GRANTED": N_("Granted"),
    "DECLINED": N_("Declined"),
}


def amount_of(value: str) -> Decimal | None:
    """``"25000"``, ``"25000,50"`` or ``"25000.50"``; None when it is not a number."""
    try:
        amount = Decimal(value.replace(" ", "").replace(",", "."))
    except InvalidOperation:
        return None
    return amount if amount.is_finite() else None


async def _page(visit: Visit, *, errors: dict[str, str] | None = None,
                form: dict[str, str] | None = None) -> Response:
    result = await visit.graphql("FundingRequests")
    if result.unauthenticated:
        return to_login(visit)
    return render(visit, "advice/funding.html",
                  requests=result.data.get("fundingRequests") or [],
                  statuses=names(visit, FUNDING_STATUSES), milestones=names(visit, MILESTONES),
                  errors=errors or {}, form=form or {}, status_code=400 if errors else 200)


@signed_in
async def funding(visit: Visit) -> Response:
    if visit.request.method == "POST":
        return await open_request(visit)
    return await _page(visit)


async def open_request(visit: Visit) -> Response:
    form = {name: text(visit, name) for name in ("project", "amountSought", "stage",
                                                 "documents")}
    amount = amount_of(form["amountSought"])
    errors: dict[str, str] = {}
    if amount is None:
        errors["amountSought"] = visit.gettext("Write an amount in euros, such as 2500.00.")
    if form["stage"] not in MILESTONES:
        errors["stage"] = visit.gettext("This value is not valid.")
    if errors:
        return await _page(visit, errors=errors, form=form)
    documents = [line.strip() for line in form["documents"].splitlines() if line.strip()]
    result = await visit.graphql("FundingRequestOpen", input={
        "project": form["project"], "amountSought": str(amount), "stage": form["stage"],
        "documents": documents})
    if result.unauthenticated:
        return to_login(visit)
    payload = result.data.get("fundingRequestOpen") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        errors = {key.partition(".")[0]: message for key, message in errors.items()}
        return await _page(visit, errors=errors, form=form)
    return visit.redirect("/advice/funding", notice=visit.gettext(
        "Your funding request is sent: an advisor will pick it up."))
