"""Reviews from the buyer's account (``/account/reviews``): the products they paid for and
have not reviewed yet, each with a form, and the reviews they wrote."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.account_guard import signed_in, to_login
from plugins.storefront.buyer import API_LANGUAGES
from plugins.storefront.forms import N_, field_errors, text
from plugins.storefront.layout import render

#: Why a review was refused, in the visitor's language.
REVIEW_MESSAGES = {
    "NOT_FOUND": N_("You can only review products you bought."),
    "NOT_A_BUYER": N_("You can review a product once its order is paid."),
    "ALREADY_REVIEWED": N_("You have already reviewed this product."),
    "INVALID_RATING": N_("Choose a rating from 1 to 5 stars."),
}


def _message(visit: Visit, errors: list[dict[str, Any]]) -> str | None:
    for error in errors:
        code = str(error.get("code") or "")
        if code in REVIEW_MESSAGES:
            return visit.gettext(REVIEW_MESSAGES[code])
    found = field_errors(visit, errors)
    return next(iter(found.values()), None)


async def _page(visit: Visit, *, failed: str = "", error: str | None = None,
                written: str = "", status_code: int = 200) -> Response:
    result = await visit.graphql("MyReviews")
    if result.unauthenticated:
        return to_login(visit)
    products = result.data.get("myPurchasedProducts") or []
    return render(visit, "reviews.html", status_code=status_code,
                  to_write=[p for p in products if p["review"] is None],
                  written=[p for p in products if p["review"] is not None],
                  failed=failed, error=error, text_sent=written,
                  unread_count=result.data.get("myNotificationsUnreadCount") or 0)


@signed_in
async def reviews(visit: Visit) -> Response:
    return await _page(visit)


@signed_in
async def write(visit: Visit) -> Response:
    line = text(visit, "orderLineId")
    rating = text(visit, "rating")
    body = text(visit, "text")
    if not rating.isdigit():
        return await _page(visit, failed=line, written=body, status_code=400,
                           error=visit.gettext(REVIEW_MESSAGES["INVALID_RATING"]))
    result = await visit.graphql("ReviewWrite", input={
        "orderLineId": line, "target": "PRODUCT", "rating": int(rating), "text": body,
        "languageCode": API_LANGUAGES.get(visit.lang, "EN")})
    if result.unauthenticated:
        return to_login(visit)
    payload = result.data.get("reviewCreate") or {}
    if payload.get("review"):
        return visit.redirect("/account/reviews", notice=visit.gettext(
            "Thank you! Your review is published."))
    return await _page(visit, failed=line, written=body, status_code=400,
                       error=_message(visit, payload.get("errors") or result.errors)
                       or visit.gettext("This value is not valid."))
