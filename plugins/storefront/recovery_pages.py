"""A forgotten password: ask for a reset link (``/account/forgot-password``, the same answer
whether or not the e-mail has an account) and choose a new password with the link's token
(``/account/reset-password?token=``, the link ``passwordResetRequest`` e-mails)."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.forms import MESSAGES, N_, field_errors, text
from plugins.storefront.layout import render

#: The API's answer to a link's token that is unknown, expired or already used.
LINK_CODES = {"INVALID_TOKEN": N_("This link is invalid, expired or already used.")}


def link_errors(visit: Visit, errors: list[dict[str, Any]]) -> dict[str, str]:
    """``field_errors`` that also knows the one-time links' codes (under ``"token"``)."""
    named = [{**error, "field": "token", "message": visit.gettext(LINK_CODES[error["code"]])}
             if error.get("code") in LINK_CODES else error for error in errors]
    return field_errors(visit, named)


async def forgot_password(visit: Visit) -> Response:
    errors: dict[str, str] = {}
    email = ""
    if visit.request.method == "POST":
        email = text(visit, "email")
        if not email:
            errors = {"email": visit.gettext(MESSAGES["EMAIL_REQUIRED"])}
        else:
            result = await visit.graphql("PasswordResetRequest", email=email)
            payload = result.data.get("passwordResetRequest") or {}
            errors = field_errors(visit, payload.get("errors") or result.errors)
            if not errors:
                return visit.redirect("/account/forgot-password?sent=1")
    sent = visit.request.method == "GET" and visit.request.query_params.get("sent") == "1"
    return render(visit, "forgot_password.html", errors=errors, email=email, sent=sent,
                  status_code=400 if errors else 200)


def _token(visit: Visit) -> str:
    if visit.request.method == "POST":
        return text(visit, "token")
    return (visit.request.query_params.get("token") or "").strip()


async def reset_password(visit: Visit) -> Response:
    token = _token(visit)
    errors: dict[str, str] = {}
    if not token:
        errors = {"token": visit.gettext(LINK_CODES["INVALID_TOKEN"])}
    elif visit.request.method == "POST":
        password, again = text(visit, "password"), text(visit, "confirm")
        if not password:
            errors = {"password": visit.gettext(MESSAGES["REQUIRED"])}
        elif password != again:
            errors = {"confirm": visit.gettext("The two passwords are not the same.")}
        else:
            result = await visit.graphql("PasswordResetConfirm", token=token,
                                         newPassword=password)
            payload = result.data.get("passwordResetConfirm") or {}
            errors = link_errors(visit, payload.get("errors") or result.errors)
            if not errors:
                if visit.session.signed_in:
                    visit.session.sign_out()  # the reset ended every session
                return visit.redirect("/account/login", notice=visit.gettext(
                    "Your new password is set. Sign in with it."))
    return render(visit, "reset_password.html", errors=errors, token=token,
                  status_code=400 if errors else 200)
