"""The buyer's account: sign in and out, register, orders with their vendor parts,
downloads, the account's language and a password change."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.account_guard import signed_in, to_login
from plugins.storefront.buyer import API_LANGUAGES, place_of
from plugins.storefront.connections import nodes
from plugins.storefront.forms import field_errors, safe_next, text
from plugins.storefront.layout import render
from plugins.storefront.statuses import status_names


async def _sign_in(visit: Visit, email: str, password: str) -> dict[str, str]:
    result = await visit.graphql("SignIn", email=email, password=password)
    payload = result.data.get("tokenCreate") or {}
    if payload.get("token") and payload.get("refreshToken"):
        visit.sign_in(payload["token"], payload["refreshToken"], payload["user"])
        return {}
    return field_errors(visit, payload.get("errors") or result.errors)


async def login(visit: Visit) -> Response:
    next_url = safe_next(visit.request.query_params.get("next") or "/account")
    errors: dict[str, str] = {}
    email = ""
    if visit.request.method == "POST":
        email = text(visit, "email")
        errors = await _sign_in(visit, email, text(visit, "password"))
        if not errors:
            return visit.redirect(next_url)
    return render(visit, "login.html", errors=errors, email=email, next_url=next_url,
                  status_code=400 if errors else 200)


async def logout(visit: Visit) -> Response:
    await visit.sign_out()
    return visit.redirect("/", notice=visit.gettext("You are signed out."))


async def register(visit: Visit) -> Response:
    errors: dict[str, str] = {}
    email = ""
    if visit.request.method == "POST":
        email = text(visit, "email")
        result = await visit.graphql("Register", input={
            "email": email, "password": text(visit, "password"),
            "languageCode": API_LANGUAGES.get(visit.lang, "EN"),
            "country": place_of(visit).country if place_of(visit).country in ("ES", "PT")
            else "ES"})
        payload = result.data.get("accountRegister") or {}
        errors = field_errors(visit, payload.get("errors") or result.errors)
        if not errors:
            errors = await _sign_in(visit, email, text(visit, "password"))
            if not errors:
                return visit.redirect("/account", notice=visit.gettext(
                    "Welcome! Your account is ready."))
    return render(visit, "register.html", errors=errors, email=email,
                  status_code=400 if errors else 200)


@signed_in
async def account(visit: Visit) -> Response:
    result = await visit.graphql("Account")
    if result.unauthenticated:
        return to_login(visit)
    orders = list(reversed(nodes(result.data.get("myOrders"))))
    downloads = [line for order in orders for part in order["vendorOrders"]
                 for line in part["lines"] if line["downloadUrl"]]
    return render(visit, "account.html", me=result.data.get("me") or {}, orders=orders,
                  downloads=downloads, status_names=status_names(visit),
                  unread_count=result.data.get("myNotificationsUnreadCount") or 0)


@signed_in
async def language(visit: Visit) -> Response:
    code = text(visit, "language")
    if code not in visit.site.languages:
        return visit.redirect("/account")
    result = await visit.graphql("AccountLanguage", languageCode=API_LANGUAGES[code])
    if result.unauthenticated:
        return to_login(visit)
    visit.session.account_lang = visit.session.chosen_lang = code
    visit.session.changed = True
    return visit.redirect(f"/account?lang={code}")


@signed_in
async def password(visit: Visit) -> Response:
    result = await visit.graphql("PasswordChange", oldPassword=text(visit, "oldPassword"),
                                 newPassword=text(visit, "newPassword"))
    if result.unauthenticated:
        return to_login(visit)
    payload = result.data.get("passwordChange") or {}
    if payload.get("token") and payload.get("refreshToken"):
        visit.sign_in(payload["token"], payload["refreshToken"], payload["user"])
        return visit.redirect("/account", notice=visit.gettext("Your password is changed."))
    errors = field_errors(visit, payload.get("errors") or result.errors)
    return visit.redirect("/account#password", notice=next(iter(errors.values()), None))
