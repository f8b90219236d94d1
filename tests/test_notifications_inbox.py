"""Without SMTP (development) mail goes to the built-in mailbox (``ruta mail list/show``);
the in-app inbox over GraphQL; a guest opens the e-mailed link to the order and downloads
the file."""

from __future__ import annotations

import argparse
import asyncio
import re
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from engine.app import build_runtime
from engine.notifications import mail_cli
from engine.notifications.models import Notification
from engine.plugins.manager import build_plugin_manager
from engine.runtime import Runtime
from engine.testing.database import test_settings
from tests.client import Client
from tests.shop import COMPLETE, build, checkout
from tests.test_notifications_mail import PAID, drain

INBOX = """query($unread: Boolean!) { myNotificationsUnreadCount
  myNotifications(last: 10, unreadOnly: $unread) { totalCount edges { node {
    id type category language subject bodyText readAt } } } }"""
MARK = """mutation($id: ID!) { notificationMarkRead(id: $id) { notification { id readAt }
  errors { field code } } }"""
BY_TOKEN = """query($t: String!) { orderByToken(token: $t) { number status
  vendorOrders { lines { productName downloadUrl } } } }"""
BILLING = {"firstName": "Rosa", "lastName": "Lima", "streetAddress1": "Rua Nova 3",
           "city": "Faro", "postalCode": "8000-138", "country": "PT"}
PREFERENCE = """mutation($c: String!, $on: Boolean!) { notificationPreferenceUpdate(
  category: $c, enabled: $on) { disabledCategories errors { field code } } }"""


async def mail_to(runtime: Runtime, address: str, kind: str) -> list[Notification]:
    async with runtime.db.read() as session:
        return list(await session.scalars(select(Notification).where(
            Notification.email == address, Notification.type == kind)))


async def test_a_guest_opens_the_emailed_link_sees_the_order_and_downloads(
        client: Client) -> None:
    shop = await build(client)
    created = await checkout(client, {"ebook": 1}, shop, billingAddress=BILLING,
                             languageCode="PT")  # no account: a guest
    done = await client.gql(COMPLETE, {"id": created["id"]})
    order = done["checkoutComplete"]["order"]
    assert order["status"] == "UNPAID"  # the manual gateway: paid by bank transfer
    operator = await client.login("shop-op@example.com")
    await client.gql(PAID, {"id": order["id"]}, operator)
    await drain(client)
    [mail] = await mail_to(client.runtime, "buyer@example.com", "order_confirmation")
    assert mail.user_id is None and mail.email_status == "mailbox"  # no SMTP configured
    assert mail.language == "PT" and "A sua encomenda" in mail.subject
    link = re.search(r"https?://\S+token=(\S+)", mail.body_text)
    assert link is not None and link.group(0).startswith("http://127.0.0.1:8000/")
    seen = (await client.gql(BY_TOKEN, {"t": link.group(1)}))["orderByToken"]
    assert seen["number"] == order["number"] and seen["status"] == "PAID"
    [line] = seen["vendorOrders"][0]["lines"]
    assert line["productName"] == "Recipes"
    download = await client.http.get(urlsplit(line["downloadUrl"]).path)
    assert download.status_code == 303
    assert download.headers["location"] == "https://cdn.example/r.pdf"
    tampered = link.group(1)[:-2] + ("AA" if not link.group(1).endswith("AA") else "BB")
    assert (await client.gql(BY_TOKEN, {"t": tampered}))["orderByToken"] is None


async def test_the_inbox_lists_marks_read_and_counts(client: Client) -> None:
    shop = await build(client)
    buyer = await client.register("buyer@example.com")
    stranger = await client.register("stranger@example.com")
    created = await checkout(client, {"ebook": 1}, shop, buyer, billingAddress=BILLING)
    done = await client.gql(COMPLETE, {"id": created["id"]}, buyer)
    await client.gql(PAID, {"id": done["checkoutComplete"]["order"]["id"]},
                     await client.login("shop-op@example.com"))
    await drain(client)
    inbox = await client.gql(INBOX, {"unread": True}, buyer)
    assert inbox["myNotificationsUnreadCount"] == 1
    [edge] = inbox["myNotifications"]["edges"]
    note = edge["node"]
    assert note["type"] == "order_confirmation" and note["category"] == "ORDER"
    assert "Recipes" in note["bodyText"]
    refused = await client.gql(MARK, {"id": note["id"]}, stranger)
    assert refused["notificationMarkRead"]["errors"][0]["code"] == "NOT_FOUND"
    marked = await client.gql(MARK, {"id": note["id"]}, buyer)
    assert marked["notificationMarkRead"]["notification"]["readAt"] is not None
    after = await client.gql(INBOX, {"unread": True}, buyer)
    assert after["myNotificationsUnreadCount"] == 0
    assert after["myNotifications"]["totalCount"] == 0
    assert (await client.gql(INBOX, {"unread": False}, buyer))["myNotifications"][
        "totalCount"] == 1
    anonymous = await client.raw(INBOX, {"unread": False})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    # transactional messages cannot be switched off; nudges can
    kept = await client.gql(PREFERENCE, {"c": "ORDER", "on": False}, buyer)
    assert kept["notificationPreferenceUpdate"]["errors"][0]["code"] == "TRANSACTIONAL"
    off = await client.gql(PREFERENCE, {"c": "NUDGE", "on": False}, buyer)
    assert off["notificationPreferenceUpdate"]["disabledCategories"] == ["NUDGE"]


async def test_ruta_mail_lists_and_shows_the_mailbox(
        client: Client, database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    shop = await build(client)
    created = await checkout(client, {"ebook": 1}, shop, billingAddress=BILLING)
    done = await client.gql(COMPLETE, {"id": created["id"]})
    await client.gql(PAID, {"id": done["checkoutComplete"]["order"]["id"]},
                     await client.login("shop-op@example.com"))
    await drain(client)
    [mail] = await mail_to(client.runtime, "buyer@example.com", "order_confirmation")

    def command_line(*argv: str) -> int:
        root = argparse.ArgumentParser()
        mail_cli.add(root.add_subparsers(), lambda: build_runtime(
            test_settings(database_url), build_plugin_manager(entry_points_from="ruta")))
        args = root.parse_args(list(argv))
        code: int = args.func(args)
        return code

    run = asyncio.to_thread  # the command runs its own event loop, as from a shell
    assert await run(command_line, "mail", "list") == 0
    listed = capsys.readouterr().out
    assert re.search(rf"\b{mail.id}\b.*mailbox.*buyer@example.com.*{re.escape(mail.subject)}",
                     listed)
    assert await run(command_line, "mail", "show", str(mail.id)) == 0
    shown = capsys.readouterr().out
    assert "Subject: " + mail.subject in shown and "Recipes" in shown
    assert await run(command_line, "mail", "show", "999999") == 1
