"""The outbound-webhooks plugin (built in, registered like any other): each core lifecycle
hook fans its event out to the subscribed endpoints; ``ruta_tick`` sends retries."""

from __future__ import annotations

from datetime import datetime

from engine.plugins.contributions import GraphQLContribution
from engine.plugins.markers import hookimpl
from engine.runtime import Runtime
from engine.webhooks_out.graphql import WebhookMutation, WebhookQuery
from engine.webhooks_out.sender import fan_out, send_due


@hookimpl
def ruta_graphql_schema() -> GraphQLContribution:
    return GraphQLContribution(query=[WebhookQuery], mutation=[WebhookMutation])


@hookimpl
async def ruta_tick(runtime: Runtime, now: datetime) -> None:
    await send_due(runtime)


@hookimpl
async def ruta_user_registered(runtime: Runtime, event_id: int, occurred_at: datetime,
                               user_id: int) -> None:
    await fan_out(runtime, "ruta_user_registered", event_id, occurred_at, {"user_id": user_id})


@hookimpl
async def ruta_vendor_applied(runtime: Runtime, event_id: int, occurred_at: datetime,
                              vendor_id: int) -> None:
    await fan_out(runtime, "ruta_vendor_applied", event_id, occurred_at,
                  {"vendor_id": vendor_id})


@hookimpl
async def ruta_vendor_approved(runtime: Runtime, event_id: int, occurred_at: datetime,
                               vendor_id: int) -> None:
    await fan_out(runtime, "ruta_vendor_approved", event_id, occurred_at,
                  {"vendor_id": vendor_id})


@hookimpl
async def ruta_product_created(runtime: Runtime, event_id: int, occurred_at: datetime,
                               product_id: int, vendor_id: int) -> None:
    await fan_out(runtime, "ruta_product_created", event_id, occurred_at,
                  {"product_id": product_id, "vendor_id": vendor_id})


@hookimpl
async def ruta_product_updated(runtime: Runtime, event_id: int, occurred_at: datetime,
                               product_id: int, vendor_id: int) -> None:
    await fan_out(runtime, "ruta_product_updated", event_id, occurred_at,
                  {"product_id": product_id, "vendor_id": vendor_id})


@hookimpl
async def ruta_product_deleted(runtime: Runtime, event_id: int, occurred_at: datetime,
                               product_id: int, vendor_id: int) -> None:
    await fan_out(runtime, "ruta_product_deleted", event_id, occurred_at,
                  {"product_id": product_id, "vendor_id": vendor_id})


@hookimpl
async def ruta_order_created(runtime: Runtime, event_id: int, occurred_at: datetime,
                             order_id: int) -> None:
    await fan_out(runtime, "ruta_order_created", event_id, occurred_at, {"order_id": order_id})


@hookimpl
async def ruta_order_paid(runtime: Runtime, event_id: int, occurred_at: datetime,
                          order_id: int) -> None:
    await fan_out(runtime, "ruta_order_paid", event_id, occurred_at, {"order_id": order_id})


@hookimpl
async def ruta_order_cancelled(runtime: Runtime, event_id: int, occurred_at: datetime,
                               order_id: int, reason: str) -> None:
    await fan_out(runtime, "ruta_order_cancelled", event_id, occurred_at,
                  {"order_id": order_id, "reason": reason})


@hookimpl
async def ruta_vendor_order_fulfilled(runtime: Runtime, event_id: int, occurred_at: datetime,
                                      vendor_order_id: int, order_id: int,
                                      vendor_id: int) -> None:
    await fan_out(runtime, "ruta_vendor_order_fulfilled", event_id, occurred_at,
                  {"vendor_order_id": vendor_order_id, "order_id": order_id,
                   "vendor_id": vendor_id})


@hookimpl
async def ruta_order_refunded(runtime: Runtime, event_id: int, occurred_at: datetime,
                              order_id: int, vendor_order_id: int, amount: str,
                              full: bool) -> None:
    await fan_out(runtime, "ruta_order_refunded", event_id, occurred_at,
                  {"order_id": order_id, "vendor_order_id": vendor_order_id,
                   "amount": amount, "full": full})
