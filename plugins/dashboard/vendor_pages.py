"""The dashboard home, applying to sell, and the payouts (Stripe Connect) link."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.auth_pages import COUNTRIES
from plugins.dashboard.forms import field_errors, text
from plugins.dashboard.guard import PREFIX, signed_in, to_login


@signed_in
async def home(visit: Visit) -> Response:
    result = await visit.graphql("Home")
    if result.unauthenticated:
        return to_login(visit)
    return visit.render("home.html", me=result.data.get("me") or {},
                        vendor=result.data.get("myVendor"),
                        invitations=result.data.get("myVendorInvitations") or [])


@signed_in
async def apply(visit: Visit) -> Response:
    errors: dict[str, str] = {}
    values = {"name": "", "country": "PT" if visit.lang == "pt" else "ES", "postalCode": "",
              "taxId": "", "description": "", "pricesIncludeTax": "on"}
    if visit.request.method == "POST":
        values = {key: text(visit, key) for key in values}
        result = await visit.graphql("VendorApply", input={
            "name": values["name"],
            "country": values["country"] if values["country"] in COUNTRIES else "ES",
            "postalCode": values["postalCode"], "taxId": values["taxId"],
            "description": values["description"] or None,
            "pricesIncludeTax": values["pricesIncludeTax"] == "on",
            "languageCode": visit.lang.upper() if visit.lang in ("es", "pt", "en") else "EN"})
        if result.unauthenticated:
            return to_login(visit)
        payload = result.data.get("vendorCreate") or {}
        errors = field_errors(visit, payload.get("errors") or result.errors)
        if not errors:
            return visit.redirect(f"{PREFIX}/", notice=visit.gettext(
                "Thank you! Your application is waiting for approval."))
    return visit.render("apply.html", errors=errors, values=values, countries=COUNTRIES,
                        status_code=400 if errors else 200)


@signed_in
async def payouts_onboarding(visit: Visit) -> Response:
    result = await visit.graphql("PaymentOnboarding")
    payload = result.data.get("vendorPaymentOnboarding") or {}
    if payload.get("url"):
        return visit.redirect(payload["url"])
    errors = field_errors(visit, payload.get("errors") or result.errors)
    return visit.redirect(f"{PREFIX}/balance", notice=next(iter(errors.values()), None))
