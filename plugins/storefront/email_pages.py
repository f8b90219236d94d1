"""Confirming the e-mail address: the link ``accountRegister`` e-mails opens
``/account/verify-email?token=``, a page with one button that posts the token back; only
that ``POST`` confirms, so a mail scanner or a link preview that fetches the link does not
use it up. A signed-in buyer whose link failed (expired, already used) asks for a new one
with ``POST /account/verify-email`` without a token."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.account_guard import to_login
from plugins.storefront.forms import text
from plugins.storefront.layout import render
from plugins.storefront.recovery_pages import LINK_CODES, link_errors

HERE = "/account/verify-email"


async def verify_email(visit: Visit) -> Response:
    if visit.request.method == "GET":
        token = (visit.request.query_params.get("token") or "").strip()
        return render(visit, "verify_email.html", state="confirm" if token else "open-link",
                      token=token)
    token = text(visit, "token")
    if not token:
        return await _send_link(visit)
    result = await visit.graphql("EmailConfirm", token=token)
    payload = result.data.get("accountConfirmEmail") or {}
    errors = link_errors(visit, payload.get("errors") or result.errors)
    if not errors and payload.get("user"):
        return render(visit, "verify_email.html", state="confirmed")
    if visit.session.signed_in:  # a used link of an address since confirmed is no failure
        me = (await visit.graphql("EmailVerified")).data.get("me") or {}
        if me.get("emailVerified"):
            return render(visit, "verify_email.html", state="confirmed")
    message = next(iter(errors.values()), visit.gettext(LINK_CODES["INVALID_TOKEN"]))
    return render(visit, "verify_email.html", state="failed", message=message,
                  status_code=400)


async def _send_link(visit: Visit) -> Response:
    if not visit.session.signed_in:
        return to_login(visit, HERE)
    result = await visit.graphql("EmailVerificationRequest")
    if result.unauthenticated:
        return to_login(visit, HERE)
    payload = result.data.get("accountRequestEmailVerification") or {}
    codes = {error.get("code") for error in payload.get("errors") or []}
    if "ALREADY_VERIFIED" in codes:
        return visit.redirect("/account", notice=visit.gettext(
            "Your e-mail address is already confirmed."))
    errors = link_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return visit.redirect(HERE, notice=next(iter(errors.values())))
    return visit.redirect(HERE, notice=visit.gettext(
        "We sent you a new link: check your e-mail."))
