"""The payments plugin (built in, registered like any other): gateways, what happens when
an order is paid or cancelled, payouts retried on every tick, and its GraphQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import strawberry

from engine.payments import graphql, refunds, sales, transfers
from engine.payments.gateways import DummyGateway, StripeGateway
from engine.plugins.contributions import GraphQLContribution
from engine.plugins.markers import hookimpl
from engine.runtime import Runtime


@hookimpl
def ruta_payment_gateways() -> list[object]:
    return [StripeGateway(), DummyGateway()]


@hookimpl
async def ruta_order_paid(runtime: Runtime, order_id: int) -> None:
    """Ledger the sale and pay each vendor its share (a failure is retried by the outbox;
    transfers to vendors without payouts yet wait for ``ruta_tick``)."""
    for transfer_id in await transfers.record_sale(runtime, order_id):
        await transfers.send(runtime, transfer_id)


@hookimpl
async def ruta_order_cancelled(runtime: Runtime, order_id: int) -> None:
    """Cancelling a paid order refunds it."""
    await refunds.refund_cancelled_order(runtime, order_id)


@hookimpl
async def ruta_tick(runtime: Runtime, now: datetime) -> None:
    await transfers.send_waiting(runtime)


@hookimpl
def ruta_graphql_schema() -> GraphQLContribution:
    return GraphQLContribution(mutation=[graphql.PaymentMutation])


@hookimpl
def ruta_graphql_type_fields(type_name: str) -> Sequence[object]:
    if type_name == "Vendor":
        return [strawberry.field(resolver=graphql.vendor_payouts, name="payouts",
                                 description=graphql.vendor_payouts.__doc__),
                strawberry.field(resolver=graphql.vendor_balance, name="balance",
                                 description=graphql.vendor_balance.__doc__),
                strawberry.field(resolver=sales.vendor_sales_by_day, name="salesByDay",
                                 description=sales.vendor_sales_by_day.__doc__)]
    if type_name == "Order":
        return [strawberry.field(resolver=graphql.order_payments, name="payments",
                                 description=graphql.order_payments.__doc__)]
    return []
