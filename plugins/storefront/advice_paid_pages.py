"""Paid advice through checkout: the dates of a paid offering on sale
(``/advice/offering?expert=&id=``, shown in the visitor's time zone) and "Book", which puts
the date's bookable variant in the cart and sends the buyer to the checkout. When the
order is paid, the mentoring plugin confirms the booking (``ruta_order_paid``): it shows in
my bookings."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.buyer import CART_COOKIE, keep
from plugins.storefront.cart_pages import put_in_cart
from plugins.storefront.forms import text
from plugins.storefront.layout import not_found, render


async def _dates(visit: Visit, expert_id: str, offering_id: str) -> dict[str, Any] | None:
    if not expert_id or not offering_id:
        return None
    result = await visit.graphql("OfferingDates", expertId=expert_id, offeringId=offering_id)
    offering = next((o for o in result.data.get("expertOfferings") or []
                     if o["id"] == offering_id), None)
    if not result.data.get("expert") or offering is None or offering["isFree"]:
        return None
    sessions = [s for s in result.data.get("offeringSessions") or [] if s.get("variantId")]
    return {"expert": result.data["expert"], "offering": offering, "sessions": sessions}


async def dates(visit: Visit) -> Response:
    query = visit.request.query_params
    data = await _dates(visit, query.get("expert") or "", query.get("id") or "")
    if data is None:
        return not_found(visit)
    return render(visit, "advice/offering.html", time_zone=visit.time_zone, **data)


async def buy(visit: Visit) -> Response:
    """Only a variant of one of the offering's sessions on sale goes in the cart; only a
    signed-in buyer gets the booking, so others sign in first and come back to the dates."""
    expert_id, offering_id = text(visit, "expert"), text(visit, "offering")
    back = "/advice/offering?" + urlencode({"expert": expert_id, "id": offering_id})
    if not visit.session.signed_in:
        return visit.redirect("/account/login?" + urlencode({"next": back}))
    data = await _dates(visit, expert_id, offering_id)
    if data is None:
        return not_found(visit)
    wanted = text(visit, "variant")
    if not any(s["variantId"] == wanted and s["seatsTaken"] < s["seats"]
               for s in data["sessions"]):
        return visit.redirect(back, notice=visit.gettext("This date is no longer available."))
    token, message = await put_in_cart(visit, [{"variantId": wanted, "quantity": 1}])
    if token is None:
        return visit.redirect(back, notice=message)
    response = visit.redirect("/checkout", notice=visit.gettext(
        "Pay to confirm your session: it then shows in your bookings."))
    return keep(visit, response, CART_COOKIE, token)
