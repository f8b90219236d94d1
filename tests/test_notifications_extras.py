"""``ruta_notification_extras``: a plugin adds links and attachments to one recipient's copy
of a message (as the iberia plugin links invoice PDFs), without the core knowing the plugin;
a plugin that fails costs nobody their message."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from engine.notifications.extras import MAX_EXTRA_ATTACHMENT_BYTES
from engine.plugins.api import (
    Attachment,
    NotificationExtras,
    NotificationLink,
    Recipient,
    Runtime,
    hookimpl,
)
from tests.shop import build
from tests.smtp_server import SMTPServer, html_of, smtp_server, text_of
from tests.test_notifications_mail import drain, of_type, paid_order


class Receipts:
    def __init__(self) -> None:
        self.asked: list[tuple[str, str | None]] = []

    @hookimpl
    async def ruta_notification_extras(self, runtime: Runtime, message_type: str,
                                       event: Mapping[str, Any], recipient: Recipient
                                       ) -> NotificationExtras | None:
        self.asked.append((message_type, recipient.language))
        if message_type != "order_confirmation":
            return None
        url = f"{runtime.settings.public_url}/receipts/{event['order_id']}"
        return NotificationExtras(
            links=[NotificationLink("Recibo <firmado>", url)],
            attachments=[Attachment("recibo.bin", "application/octet-stream", b"recibo")])


class Heavy:
    """Attaches a scan too big to e-mail, then a small note, and links the scan."""

    @hookimpl
    def ruta_notification_extras(self, message_type: str) -> NotificationExtras | None:
        if message_type != "order_confirmation":
            return None
        return NotificationExtras(
            links=[NotificationLink("Scan", "https://files.example/scan.pdf")],
            attachments=[Attachment("scan.pdf", "application/pdf",
                                    b"%PDF" + b"0" * MAX_EXTRA_ATTACHMENT_BYTES),
                         Attachment("note.pdf", "application/pdf", b"%PDF-1.4 note")])


class Broken:
    @hookimpl
    def ruta_notification_extras(self, message_type: str) -> NotificationExtras | None:
        raise RuntimeError("the receipts service is down")


@pytest.fixture
def server() -> Iterator[SMTPServer]:
    with smtp_server() as running:
        yield running


async def test_a_plugin_adds_a_link_and_an_attachment_to_the_buyers_copy(
        plugged: Any, server: SMTPServer) -> None:
    receipts = Receipts()
    async with plugged(receipts, Broken(), smtp_url=server.url) as client:
        shop = await build(client)
        buyer = await client.register("buyer@example.com")
        order_id, _ = await paid_order(client, shop, buyer)
        await drain(client)
        [mail] = of_type(server, "order_confirmation")
        url = f"{client.runtime.settings.public_url}/receipts/{order_id}"
        assert f"Recibo <firmado>: {url}" in text_of(mail)
        assert f'<a href="{url}">Recibo &lt;firmado&gt;</a>' in html_of(mail)
        [part] = [p for p in mail.walk() if p.get_filename() == "recibo.bin"]
        assert part.get_payload(decode=True) == b"recibo"
        for notice in of_type(server, "vendor_new_order"):  # only the buyer's copy
            assert "/receipts/" not in text_of(notice)
        assert ("order_confirmation", "ES") in receipts.asked


async def test_attachments_past_the_size_bound_are_left_out_and_their_links_stay(
        plugged: Any, server: SMTPServer) -> None:
    async with plugged(Receipts(), Heavy(), smtp_url=server.url) as client:
        shop = await build(client)
        buyer = await client.register("buyer@example.com")
        await paid_order(client, shop, buyer)
        await drain(client)
        [mail] = of_type(server, "order_confirmation")
        names = [p.get_filename() for p in mail.walk() if p.get_filename()]
        assert "scan.pdf" not in names  # it would pass 5 MiB; the later, small one fits
        assert {"note.pdf", "recibo.bin"} <= set(names)
        assert "Scan: https://files.example/scan.pdf" in text_of(mail)
        assert len(mail.as_bytes()) < MAX_EXTRA_ATTACHMENT_BYTES
