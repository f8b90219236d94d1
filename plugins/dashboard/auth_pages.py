"""Sign in, sign out and create an account."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.forms import field_errors, text
from plugins.dashboard.guard import PREFIX, safe_next

COUNTRIES = ("ES", "PT")


async def _sign_in(visit: Visit, email: str, password: str) -> dict[str, str]:
    result = await visit.graphql("SignIn", email=email, password=password)
    payload = result.data.get("tokenCreate") or {}
    if payload.get("token") and payload.get("refreshToken"):
        visit.sign_in(payload["token"], payload["refreshToken"], payload["user"])
        return {}
    return field_errors(visit, payload.get("errors") or result.errors)


async def login(visit: Visit) -> Response:
    next_url = safe_next(visit.request.query_params.get("next"))
    errors: dict[str, str] = {}
    email = ""
    if visit.request.method == "POST":
        email = text(visit, "email")
        errors = await _sign_in(visit, email, text(visit, "password"))
        if not errors:
            return visit.redirect(next_url)
    return visit.render("login.html", errors=errors, email=email, next_url=next_url,
                        status_code=400 if errors else 200)


async def logout(visit: Visit) -> Response:
    await visit.sign_out()
    return visit.redirect(f"{PREFIX}/login", notice=visit.gettext("You are signed out."))


async def register(visit: Visit) -> Response:
    errors: dict[str, str] = {}
    values = {"email": "", "languageCode": visit.lang if visit.lang in ("es", "pt") else "en",
              "country": "PT" if visit.lang == "pt" else "ES"}
    if visit.request.method == "POST":
        values = {key: text(visit, key) for key in values}
        country = values["country"] if values["country"] in COUNTRIES else "ES"
        result = await visit.graphql("Register", input={
            "email": values["email"], "password": text(visit, "password"),
            "languageCode": values["languageCode"].upper() or "EN", "country": country})
        payload = result.data.get("accountRegister") or {}
        errors = field_errors(visit, payload.get("errors") or result.errors)
        if not errors:
            errors = await _sign_in(visit, values["email"], text(visit, "password"))
            if not errors:
                return visit.redirect(f"{PREFIX}/apply", notice=visit.gettext(
                    "Welcome! Your account is ready."))
    return visit.render("register.html", errors=errors, values=values, countries=COUNTRIES,
                        status_code=400 if errors else 200)
