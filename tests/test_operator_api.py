"""The operator console's API: rejecting an application with a reason (told to the vendor in
its language, audited, a lifecycle hook), searching orders, retrying dead outbox deliveries
and reading the built-in mailbox. Operators only; nothing is written on refusal."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from engine import hookimpl
from engine.events.models import OutboxDelivery
from engine.notifications.models import Notification
from engine.notifications.sender import send_due
from tests.client import Client
from tests.shop import COMPLETE, build, ready

REJECT = """mutation($id: ID!, $r: String!) { vendorReject(id: $id, reason: $r) {
  vendor { id status rejectionReason } errors { field code message } } }"""
MINE = "{ myVendor { status rejectionReason } }"
SEARCH = """query($s: OperatorOrderSearchInput) { operatorOrders(search: $s, last: 50) {
  totalCount edges { node { id orderNumber customerEmail status vendor { name } } } } }"""
DEAD = """{ outboxDeadDeliveries(first: 20) { totalCount edges { node {
  id hook plugin status attempts lastError } } } }"""
RETRY = """mutation($id: ID!) { outboxDeliveryRetry(id: $id) {
  delivery { status attempts } errors { field code message } } }"""
MAILBOX = """{ mailbox(last: 20) { totalCount edges { node {
  to type language subject bodyText } } } }"""


class Told:
    def __init__(self) -> None:
        self.rejected: list[tuple[int, str]] = []

    @hookimpl
    def ruta_vendor_rejected(self, vendor_id: int, reason: str) -> None:
        self.rejected.append((vendor_id, reason))


class Broken:
    def __init__(self) -> None:
        self.fail = True
        self.calls = 0

    @hookimpl
    def ruta_product_created(self, product_id: int) -> None:
        self.calls += 1
        if self.fail:
            raise RuntimeError("the index is down")


async def test_an_operator_rejects_an_application_with_a_reason_the_vendor_reads(
        plugged: Any) -> None:
    told = Told()
    async with plugged(told) as client:
        operator = await client.operator("boss@example.com")
        owner, vendor_id = await client.vendor("pt-shop@example.com", "Loja", approve=False,
                                               country="PT", postal_code="1100-148")
        other, _ = await client.vendor("other@example.com", "Otra", approve=False)
        refused = await client.raw(REJECT, {"id": vendor_id, "r": "Tax id unreadable"}, other)
        assert refused["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
        blank = await client.gql(REJECT, {"id": vendor_id, "r": "  "}, operator)
        assert blank["vendorReject"]["errors"][0]["field"] == "reason"
        assert (await client.gql(MINE, token=owner))["myVendor"] == {
            "status": "PENDING", "rejectionReason": None}  # nothing written on refusal
        reason = "O NIF não corresponde à empresa."
        done = await client.gql(REJECT, {"id": vendor_id, "r": reason}, operator)
        assert done["vendorReject"]["vendor"]["status"] == "REJECTED"
        assert (await client.gql(MINE, token=owner))["myVendor"] == {
            "status": "REJECTED", "rejectionReason": reason}
        again = await client.gql(REJECT, {"id": vendor_id, "r": reason}, operator)
        assert again["vendorReject"]["errors"][0]["code"] == "INVALID_STATUS"
        public = await client.gql("query($id: ID!) { vendor(id: $id) { id } }",
                                  {"id": vendor_id})
        assert public["vendor"] is None  # not listed to anyone else
        await client.runtime.dispatcher.drain()
        assert [r for _, r in told.rejected] == [reason]
        await send_due(client.runtime)
        mail = await client.gql(MAILBOX, token=operator)
        sent = [m["node"] for m in mail["mailbox"]["edges"] if m["node"]["type"] ==
                "vendor_rejected"]
        assert len(sent) == 1 and sent[0]["to"] == "pt-shop@example.com"
        assert sent[0]["language"].lower() == "pt"  # the vendor's language
        assert "não foi aprovado" in sent[0]["subject"] and reason in sent[0]["bodyText"]
        log = await client.gql('{ auditLog(first: 10, action: "vendorReject") { edges { node '
                               '{ actorEmail outcome targets } } } }', token=operator)
        assert [(e["node"]["actorEmail"], e["node"]["outcome"]) for e in
                log["auditLog"]["edges"]] == [("other@example.com", "REFUSED"),
                                              ("boss@example.com", "REFUSED"),
                                              ("boss@example.com", "OK"),
                                              ("boss@example.com", "REFUSED")]


async def test_operators_search_orders_by_number_email_vendor_and_status(
        client: Client) -> None:
    shop = await build(client)
    checkout_id = await ready(client, shop, {"wine": 1, "tile": 1})
    order = (await client.gql(COMPLETE, {"id": checkout_id}))["checkoutComplete"]["order"]
    operator = await client.login("shop-op@example.com")
    number = str(order["number"])
    by_number = await client.gql(SEARCH, {"s": {"query": number}}, operator)
    assert by_number["operatorOrders"]["totalCount"] == 2  # one row per vendor
    email = by_number["operatorOrders"]["edges"][0]["node"]["customerEmail"]
    by_email = await client.gql(SEARCH, {"s": {"query": email[:5].upper()}}, operator)
    assert by_email["operatorOrders"]["totalCount"] == 2
    es_only = await client.gql(SEARCH, {"s": {"query": number, "vendorId": shop.es_vendor}},
                               operator)
    names = [e["node"]["vendor"]["name"] for e in es_only["operatorOrders"]["edges"]]
    assert len(names) == 1
    paid = await client.gql(SEARCH, {"s": {"status": "PAID"}}, operator)
    assert paid["operatorOrders"]["totalCount"] == 0
    nothing = await client.gql(SEARCH, {"s": {"query": "nobody@nowhere"}}, operator)
    assert nothing["operatorOrders"]["totalCount"] == 0
    refused = await client.raw(SEARCH, {"s": None}, shop.es_token)
    assert refused["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


async def test_a_dead_delivery_is_listed_and_retried_once_by_an_operator(
        plugged: Any) -> None:
    broken = Broken()
    async with plugged(broken, hook_max_attempts=1) as client:
        operator = await client.operator("boss@example.com")
        token, _ = await client.vendor("dead@example.com", "Dead")
        await client.product(token, "Stone")
        await client.runtime.dispatcher.drain()
        dead = (await client.gql(DEAD, token=operator))["outboxDeadDeliveries"]
        mine = [e["node"] for e in dead["edges"] if e["node"]["hook"] == "ruta_product_created"]
        assert len(mine) == 1 and "the index is down" in mine[0]["lastError"]
        refused = await client.raw(RETRY, {"id": mine[0]["id"]}, token)
        assert refused["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
        broken.fail = False
        retried = await client.gql(RETRY, {"id": mine[0]["id"]}, operator)
        assert retried["outboxDeliveryRetry"]["delivery"] == {"status": "pending", "attempts": 0}
        twice = await client.gql(RETRY, {"id": mine[0]["id"]}, operator)
        assert twice["outboxDeliveryRetry"]["errors"][0]["code"] == "INVALID_STATUS"
        await client.runtime.dispatcher.drain()
        assert broken.calls == 2
        async with client.runtime.db.read() as session:
            statuses = set(await session.scalars(select(OutboxDelivery.status).where(
                OutboxDelivery.plugin == client.runtime.plugins.get_name(broken))))
        assert statuses == {"delivered"}
        after = (await client.gql(DEAD, token=operator))["outboxDeadDeliveries"]
        assert all(e["node"]["hook"] != "ruta_product_created" for e in after["edges"])


async def test_only_operators_read_the_mailbox(client: Client) -> None:
    owner, _ = await client.vendor("owner@example.com", "Tienda")
    operator = await client.operator("boss@example.com")
    # the approval's and the sign-ups' messages are rendered by background deliveries:
    # let every one land, then send, before counting
    await client.runtime.dispatcher.drain()
    await send_due(client.runtime)
    refused = await client.raw(MAILBOX, None, owner)
    assert refused["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    anonymous = await client.raw(MAILBOX)
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    async with client.runtime.db.read() as session:
        kept = list(await session.scalars(select(Notification.subject).where(
            Notification.email_status == "mailbox").order_by(Notification.id)))
    listed = (await client.gql(MAILBOX, token=operator))["mailbox"]
    assert [e["node"]["subject"] for e in listed["edges"]] == kept[-20:]
    assert listed["totalCount"] == len(kept) > 0


async def test_the_mailbox_is_not_shown_in_production(plugged: Any) -> None:
    async with plugged(mode="production", secret_key="p" * 40) as client:
        operator = await client.operator("boss@example.com")
        refused = await client.raw(MAILBOX, None, operator)
        assert refused["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
