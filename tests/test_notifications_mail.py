"""Notifications by e-mail against a real SMTP server on loopback (aiosmtpd): one
confirmation to the buyer and one notice per vendor, each in the recipient's language,
exactly once however often the event is delivered and however many workers send; a server
that is down gets the mail once it is back; plugins replace a core message."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from engine import hookimpl
from engine.db.types import utcnow
from engine.events.models import OutboxDelivery, OutboxEvent
from engine.notifications.core_types import order_confirmation
from engine.notifications.events import on_event
from engine.notifications.models import Notification
from engine.notifications.sender import send_due
from engine.notifications.spec import MessageType
from tests.client import Client
from tests.shop import COMPLETE, Shop, build, ready
from tests.smtp_server import SMTPServer, smtp_server, text_of

PLUGIN = "engine.notifications.hooks"
PAID = "mutation($id: ID!) { orderMarkPaid(id: $id) { order { status } errors { code } } }"


@pytest.fixture
def server() -> Iterator[SMTPServer]:
    with smtp_server() as running:
        yield running


def of_type(server: SMTPServer, kind: str) -> list[Any]:
    return [m for m in server.inbox.messages if m["X-Ruta-Message-Type"] == kind]


async def paid_order(client: Client, shop: Shop, buyer: str) -> tuple[int, int]:
    """The buyer orders wine (ES vendor) and a tile (PT vendor); an operator marks it paid.
    Returns (order id, the order_paid event id)."""
    checkout_id = await ready(client, shop, {"wine": 1, "tile": 1}, buyer,
                              languageCode="ES")
    done = await client.gql(COMPLETE, {"id": checkout_id}, buyer)
    order = done["checkoutComplete"]["order"]
    operator = await client.login("shop-op@example.com")
    paid = await client.gql(PAID, {"id": order["id"]}, operator)
    assert paid["orderMarkPaid"]["order"]["status"] == "PAID", paid
    async with client.runtime.db.read() as session:
        event = (await session.execute(select(OutboxEvent.id, OutboxEvent.payload).where(
            OutboxEvent.hook == "ruta_order_paid"))).one()
    return int(event.payload["order_id"]), int(event.id)


async def drain(client: Client) -> None:
    assert client.runtime.dispatcher is not None
    await client.runtime.dispatcher.drain()


async def redeliver(client: Client, event_id: int) -> None:
    """The outbox delivers the event to the notifications plugin once more."""
    async with client.runtime.db.write() as session:
        await session.execute(update(OutboxDelivery).where(
            OutboxDelivery.event_id == event_id, OutboxDelivery.plugin == PLUGIN)
            .values(status="pending", next_attempt_at=utcnow()))
    await drain(client)


async def test_one_confirmation_and_one_notice_per_vendor_in_their_languages(
        plugged: Any, server: SMTPServer) -> None:
    async with plugged(smtp_url=server.url) as client:
        shop = await build(client)
        buyer = await client.register("buyer@example.com")
        order_id, event_id = await paid_order(client, shop, buyer)
        await drain(client)
        for _ in range(2):  # the event is delivered three times in all
            await redeliver(client, event_id)
        # and two workers handle it at once, then two senders run at once
        runtime = client.runtime
        now = utcnow()
        await asyncio.gather(on_event(runtime, "ruta_order_paid", event_id, now,
                                      order_id=order_id),
                             on_event(runtime, "ruta_order_paid", event_id, now,
                                      order_id=order_id))
        await asyncio.gather(send_due(runtime), send_due(runtime))

        confirmations = of_type(server, "order_confirmation")
        assert [m["To"] for m in confirmations] == ["buyer@example.com"]
        confirmation = confirmations[0]
        assert confirmation["Content-Language"] == "es"
        assert confirmation["Subject"].startswith("Tu pedido")
        body = text_of(confirmation)
        assert "Bodega ES" in body and "Loja PT" in body
        assert "12,10\xa0€" in body  # Babel, es_ES
        assert confirmation["Message-ID"].startswith("<notification-")
        assert confirmation["List-Unsubscribe"] is None  # transactional

        notices = of_type(server, "vendor_new_order")
        assert sorted(m["To"] for m in notices) == ["es@example.com", "pt@example.com"]
        by_vendor = {m["To"]: m for m in notices}
        assert by_vendor["pt@example.com"]["Content-Language"] == "pt"
        assert by_vendor["pt@example.com"]["Subject"].startswith("Nova encomenda")
        assert "Tile" in text_of(by_vendor["pt@example.com"])
        assert "Wine" not in text_of(by_vendor["pt@example.com"])
        assert by_vendor["es@example.com"]["Subject"].startswith("Nuevo pedido")
        async with runtime.db.read() as session:
            statuses = list(await session.scalars(select(Notification.email_status).where(
                Notification.type.in_(["order_confirmation", "vendor_new_order"]))))
        assert statuses == ["sent"] * 3


async def test_mail_waits_while_the_server_is_down_and_arrives_once(
        plugged: Any, server: SMTPServer) -> None:
    async with plugged(smtp_url=server.url) as client:
        shop = await build(client)
        buyer = await client.register("buyer@example.com")
        server.stop()
        await paid_order(client, shop, buyer)
        await drain(client)
        async with client.runtime.db.read() as session:
            waiting = list(await session.scalars(select(Notification).where(
                Notification.type == "order_confirmation")))
        assert [(n.email_status, n.attempts) for n in waiting] == [("pending", 1)]
        assert waiting[0].last_error
        assert await send_due(client.runtime) == 0  # not due yet: backoff
        server.start()
        later = utcnow() + timedelta(hours=2)
        await send_due(client.runtime, clock=lambda: later)
        await send_due(client.runtime, clock=lambda: later)
        assert [m["To"] for m in of_type(server, "order_confirmation")] == \
            ["buyer@example.com"]


class Rebranded:
    """A plugin replacing the core's order confirmation with its own template."""

    def __init__(self, templates: Path) -> None:
        self.templates = templates

    @hookimpl
    def ruta_notification_types(self) -> list[MessageType]:
        return [MessageType("order_confirmation", "ORDER", self.templates, "ruta_order_paid",
                            order_confirmation)]


async def test_a_plugin_replaces_a_core_message(plugged: Any, server: SMTPServer,
                                                tmp_path: Path) -> None:
    (tmp_path / "en.j2").write_text(
        "{% block subject %}Gracias from the co-op, order {{ number }}{% endblock %}"
        "{% block text %}{{ total|money }}{% endblock %}{% block html %}<p>{{ total|money }}"
        "</p>{% endblock %}", encoding="utf-8")
    async with plugged(Rebranded(tmp_path), smtp_url=server.url) as client:
        shop = await build(client)
        buyer = await client.register("buyer@example.com")
        await paid_order(client, shop, buyer)
        await drain(client)
        [message] = of_type(server, "order_confirmation")
        assert message["Subject"].startswith("Gracias from the co-op, order ")
        assert message["Content-Language"] == "en"  # the plugin ships English only
