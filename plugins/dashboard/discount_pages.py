"""Promotions and vouchers: list, create, end. A vendor's staff manage their vendor's
(``/promotions``, ``/vouchers``); operators the platform-funded vouchers
(``/operator/vouchers``)."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.discount_form import discount_input, field_for, today
from plugins.dashboard.forms import field_errors, int_or_none, text
from plugins.dashboard.guard import PREFIX, signed_in, to_login
from plugins.dashboard.product_form import LANGS
from plugins.dashboard.promotion_scope import choices, described, scope_input


def _errors(visit: Visit, payload: dict[str, Any], extra: list[Any]) -> dict[str, str]:
    found = payload.get("errors") or extra
    return field_errors(visit, [{**e, "field": field_for(e.get("field"))} for e in found])


@signed_in
async def promotions(visit: Visit) -> Response:
    errors: dict[str, str] = {}
    values: dict[str, Any] = {"name": "", "kind": "PERCENTAGE", "value": "",
                              "startsOn": today(visit), "endsOn": "", "scope": "ALL",
                              "productIds": [], "categoryIds": [], "minSubtotal": ""}
    if visit.request.method == "POST":
        values["name"] = text(visit, "name")
        data = discount_input(visit, values, errors)
        data.update(scope_input(visit, values, errors))
        if not errors:
            result = await visit.graphql("PromotionCreate", input={"name": values["name"],
                                                                   **data})
            errors = _errors(visit, result.data.get("promotionCreate") or {}, result.errors)
            if not errors:
                return visit.redirect(f"{PREFIX}/promotions",
                                      notice=visit.gettext("Promotion started."))
    result = await visit.graphql("Promotions", languageCode=visit.lang.upper()
                                 if visit.lang in LANGS else None)
    if result.unauthenticated:
        return to_login(visit)
    vendor = result.data.get("myVendor")
    if vendor is None:
        return visit.redirect(f"{PREFIX}/apply")
    found = choices(result.data)
    listed = [{**p, "scope": described(visit, p, found)} for p in vendor["promotions"]]
    return visit.render("promotions.html", promotions=listed, values=values, errors=errors,
                        products=found["products"], categories=found["categories"],
                        status_code=400 if errors else 200)


@signed_in
async def promotion_end(visit: Visit) -> Response:
    result = await visit.graphql("PromotionEnd", id=visit.request.path_params["promotion_id"])
    errors = _errors(visit, result.data.get("promotionUpdate") or {}, result.errors)
    notice = next(iter(errors.values()), None) or visit.gettext("Promotion ended.")
    return visit.redirect(f"{PREFIX}/promotions", notice=notice)


async def _voucher_page(visit: Visit, *, platform: bool) -> Response:
    here = f"{PREFIX}/operator/vouchers" if platform else f"{PREFIX}/vouchers"
    errors: dict[str, str] = {}
    values = {"code": "", "kind": "PERCENTAGE", "value": "", "startsOn": today(visit),
              "endsOn": "", "usageLimit": "", "perCustomerLimit": ""}
    if visit.request.method == "POST":
        values["code"] = text(visit, "code")
        data = {"code": values["code"], "platformFunded": platform,
                **discount_input(visit, values, errors)}
        for key in ("usageLimit", "perCustomerLimit"):
            values[key] = text(visit, key)
            if values[key]:
                data[key] = int_or_none(values[key])
                if data[key] is None:
                    errors[key] = visit.gettext("Write a whole number such as 100.")
        if not errors:
            result = await visit.graphql("VoucherCreate", input=data)
            errors = _errors(visit, result.data.get("voucherCreate") or {}, result.errors)
            if not errors:
                return visit.redirect(here, notice=visit.gettext("Voucher created."))
    result = await visit.graphql("PlatformVouchers" if platform else "Vouchers")
    if result.unauthenticated:
        return to_login(visit)
    if platform and (result.denied or not (result.data.get("me") or {}).get("isOperator")):
        return visit.render("error.html", status_code=403, message=visit.gettext(
            "Only the platform's operators can see this page."))
    vendor = result.data.get("myVendor") or {}
    if not platform and not vendor:
        return visit.redirect(f"{PREFIX}/apply")
    found = result.data.get("platformVouchers") if platform else vendor.get("vouchers")
    return visit.render("vouchers.html", vouchers=found or [], values=values, errors=errors,
                        platform=platform, here=here, status_code=400 if errors else 200)


@signed_in
async def vouchers(visit: Visit) -> Response:
    return await _voucher_page(visit, platform=False)


@signed_in
async def platform_vouchers(visit: Visit) -> Response:
    return await _voucher_page(visit, platform=True)


@signed_in
async def voucher_end(visit: Visit) -> Response:
    result = await visit.graphql("VoucherEnd", id=visit.request.path_params["voucher_id"])
    errors = _errors(visit, result.data.get("voucherEnd") or {}, result.errors)
    notice = next(iter(errors.values()), None) or visit.gettext("Voucher ended.")
    back = text(visit, "back")
    return visit.redirect(back if back in (f"{PREFIX}/vouchers", f"{PREFIX}/operator/vouchers")
                          else f"{PREFIX}/vouchers", notice=notice)
