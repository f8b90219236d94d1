"""The operator's console for deliveries: the outbox's dead deliveries (retry one), and the
built-in mailbox of development and demo mode (read only)."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.forms import field_errors
from plugins.dashboard.guard import PREFIX, signed_in
from plugins.dashboard.operator_access import forbidden, refusal


@signed_in
async def dead_deliveries(visit: Visit) -> Response:
    result = await visit.graphql("OutboxDead")
    refused = refusal(visit, result)
    if refused is not None:
        return refused
    found = result.data["outboxDeadDeliveries"]
    return visit.render("operator/outbox.html", total=found["totalCount"],
                        deliveries=[edge["node"] for edge in reversed(found["edges"])])


@signed_in
async def retry(visit: Visit) -> Response:
    result = await visit.graphql("OutboxRetry", id=visit.request.path_params["delivery_id"])
    if result.denied:
        return forbidden(visit)
    payload = result.data.get("outboxDeliveryRetry") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return visit.redirect(f"{PREFIX}/operator/outbox", notice=next(iter(errors.values())))
    return visit.redirect(f"{PREFIX}/operator/outbox", notice=visit.gettext(
        "The delivery runs again in a few seconds."))


@signed_in
async def mailbox(visit: Visit) -> Response:
    result = await visit.graphql("Mailbox")
    refused = refusal(visit, result)
    if refused is not None:
        return refused
    found = result.data["mailbox"]
    return visit.render("operator/mailbox.html", total=found["totalCount"],
                        messages=[edge["node"] for edge in reversed(found["edges"])])
