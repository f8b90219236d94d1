"""The buyer's data rights from the account page: a JSON export of their data (GDPR art. 20)
and erasing the account (the API anonymises it and keeps orders and invoices)."""

from __future__ import annotations

import json

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.account_guard import signed_in, to_login
from plugins.storefront.forms import field_errors, text


@signed_in
async def export(visit: Visit) -> Response:
    result = await visit.graphql("AccountExport")
    if result.unauthenticated:
        return to_login(visit)
    payload = result.data.get("accountDataExport") or {}
    if payload.get("data") is None:
        errors = field_errors(visit, payload.get("errors") or result.errors)
        return visit.redirect("/account#privacy", notice=next(iter(errors.values()), None))
    body = json.dumps(payload["data"], ensure_ascii=False, indent=2)
    return Response(body, media_type="application/json", headers={
        "content-disposition": 'attachment; filename="my-ruta-data.json"'})


@signed_in
async def delete(visit: Visit) -> Response:
    result = await visit.graphql("AccountDelete", password=text(visit, "password"))
    if result.unauthenticated:
        return to_login(visit)
    payload = result.data.get("accountDelete") or {}
    if payload.get("ok"):
        visit.session.sign_out()
        return visit.redirect("/", notice=visit.gettext("Your account is deleted."))
    errors = field_errors(visit, payload.get("errors") or result.errors)
    return visit.redirect("/account#privacy", notice=next(iter(errors.values()), None) or
                          visit.gettext("The password is not right."))
