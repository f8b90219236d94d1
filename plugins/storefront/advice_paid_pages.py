"""Paid advice through checkout: the dates of a paid offering on sale
(``/advice/offering?expert=&id=``, shown in the visitor's time zone) and "Book", which puts
the date's bookable variant in the cart and sends the buyer to the checkout. When the
order is paid, the mentoring plugin confirms the booking (``ruta_order_paid``): it shows in
my bookings. A full date of a group offering has "Join the waiting list" (``sessionBook``
puts the buyer in line); when a seat frees up it is offered to the first in line, whose
bookings page then has "Book and pay" for it."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.account_guard import signed_in, to_login
from plugins.storefront.buyer import CART_COOKIE, keep
from plugins.storefront.cart_pages import put_in_cart
from plugins.storefront.forms import field_errors, text
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
    return await _to_checkout(visit, wanted, back)


async def _to_checkout(visit: Visit, variant_id: str, back: str) -> Response:
    token, message = await put_in_cart(visit, [{"variantId": variant_id, "quantity": 1}])
    if token is None:
        return visit.redirect(back, notice=message)
    response = visit.redirect("/checkout", notice=visit.gettext(
        "Pay to confirm your session: it then shows in your bookings."))
    return keep(visit, response, CART_COOKIE, token)


async def waitlist(visit: Visit) -> Response:
    """Join the waiting list of a full date of a paid group offering (signed in)."""
    expert_id, offering_id = text(visit, "expert"), text(visit, "offering")
    starts_at = text(visit, "startsAt")
    back = "/advice/offering?" + urlencode({"expert": expert_id, "id": offering_id})
    if not visit.session.signed_in:
        return visit.redirect("/account/login?" + urlencode({"next": back}))
    data = await _dates(visit, expert_id, offering_id)
    if data is None or not data["offering"]["isGroup"]:
        return not_found(visit)
    date = next((s for s in data["sessions"] if s["startsAt"] == starts_at), None)
    if date is None:
        return visit.redirect(back, notice=visit.gettext("This date is no longer available."))
    if date["seatsTaken"] < date["seats"]:
        return visit.redirect(back, notice=visit.gettext(
            "A seat is free again on this date: book it and pay."))
    result = await visit.graphql("SessionBook", offeringId=offering_id, startsAt=starts_at)
    if result.unauthenticated:
        return to_login(visit)
    payload = result.data.get("sessionBook") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return visit.redirect(back, notice=next(iter(errors.values())))
    return visit.redirect("/advice/bookings", notice=visit.gettext(
        "You are on the waiting list: if a seat frees up, it is offered to you first."))


@signed_in
async def buy_offered(visit: Visit) -> Response:
    """Buy the seat offered to you from a waiting list: its date's variant in the cart."""
    result = await visit.graphql("MyBookings")
    if result.unauthenticated:
        return to_login(visit)
    wanted = text(visit, "booking")
    offered = next((b for b in result.data.get("myMentoringBookings") or []
                    if b["id"] == wanted and b["status"] == "OFFERED"
                    and b["session"].get("variantId")), None)
    if offered is None:
        return visit.redirect("/advice/bookings", notice=visit.gettext(
            "This seat is no longer offered to you."))
    return await _to_checkout(visit, offered["session"]["variantId"], "/advice/bookings")
