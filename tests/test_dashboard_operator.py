"""The operator console in process: rejecting an application with a reason, commission per
vendor, order search and refunds, dead deliveries and the mailbox. Vendors get 403 and
anonymous visitors the login page; errors show next to their field; nothing is written on
refusal."""

from __future__ import annotations

import re
from typing import Any

from starlette.applications import Starlette

from engine import hookimpl
from engine.notifications.sender import send_due
from engine.testing.client import PASSWORD, Client
from tests.shop import COMPLETE, build, ready
from tests.web_browser import Browser

VENDOR = "query($id: ID!) { vendor(id: $id) { status rejectionReason commissionRate } }"
PAID = "mutation($id: ID!) { orderMarkPaid(id: $id) { order { status } errors { code } } }"
REFUNDS = """query($id: ID!) { vendorOrder(id: $id) { status } }"""
OPERATOR_PAGES = ("/dashboard/operator/vendors", "/dashboard/operator/commission",
                  "/dashboard/operator/orders", "/dashboard/operator/outbox",
                  "/dashboard/operator/mailbox", "/dashboard/operator/experts",
                  "/dashboard/operator/certificates", "/dashboard/operator/funding")


async def test_an_operator_rejects_an_application_and_the_vendor_reads_why(
        app: Starlette, client: Client) -> None:
    _, vendor_id = await client.vendor("applicant@example.com", "Tienda Nueva", approve=False)
    operator = await client.operator("boss@example.com")
    reject = f"/dashboard/operator/vendors/{vendor_id}/reject"
    async with Browser(app) as applicant:
        await applicant.login("applicant@example.com", PASSWORD)
        refused = await applicant.post(reject, {"reason": "Nope"}, form_page="/dashboard/")
        assert refused.status_code == 403
    async with Browser(app) as boss:
        await boss.login("boss@example.com", PASSWORD)
        blank = await boss.post(reject, {"reason": " "}, form_page="/dashboard/operator/vendors")
        assert blank.status_code == 400
        assert re.search(r'<p class="error" id="reason-1-error">[^<]+</p>', blank.text)
        assert (await client.gql(VENDOR, {"id": vendor_id}, operator))["vendor"][
            "status"] == "PENDING"
        done = await boss.post(reject, {"reason": "The tax id is not the company's."},
                               form_page="/dashboard/operator/vendors")
        assert done.status_code == 303
        after = await boss.get(done.headers["location"])
        assert "Tienda Nueva was told why" in after.text and "No application is waiting" in \
            after.text
    assert (await client.gql(VENDOR, {"id": vendor_id}, operator))["vendor"][
        "rejectionReason"] == "The tax id is not the company's."
    async with Browser(app) as applicant:
        await applicant.login("applicant@example.com", PASSWORD)
        home = await applicant.get("/dashboard/?lang=es")
        assert "no ha sido aprobada" in home.text
        assert "The tax id is not the company&#39;s." in home.text


async def test_an_operator_sets_a_vendors_commission_in_percent(
        app: Starlette, client: Client) -> None:
    owner, vendor_id = await client.vendor("es@example.com", "Bodega")
    operator = await client.operator("boss@example.com")
    path = f"/dashboard/operator/commission/{vendor_id}"
    async with Browser(app) as vendor:
        await vendor.login("es@example.com", PASSWORD)
        assert (await vendor.get("/dashboard/operator/commission")).status_code == 403
        refused = await vendor.post(path, {"percent": "0"}, form_page="/dashboard/")
        assert refused.status_code == 403
    async with Browser(app) as boss:
        await boss.login("boss@example.com", PASSWORD)
        bad = await boss.post(path, {"percent": "150"}, form_page="/dashboard/operator/commission")
        assert bad.status_code == 400
        assert re.search(r'id="percent-1-error">[^<]+</p>', bad.text)
        assert 'value="150"' in bad.text  # what was typed is kept
        done = await boss.post(path, {"percent": "12,5"},
                               form_page="/dashboard/operator/commission")
        assert done.status_code == 303
        page = await boss.get(done.headers["location"])
        assert "Bodega is now 12.5%" in page.text
    data = await client.gql(VENDOR, {"id": vendor_id}, operator)
    assert data["vendor"]["commissionRate"] == "0.1250"
    assert owner


async def test_an_operator_finds_an_order_and_refunds_part_of_it(
        app: Starlette, client: Client) -> None:
    shop = await build(client)
    checkout_id = await ready(client, shop, {"wine": 1, "tile": 1})
    order = (await client.gql(COMPLETE, {"id": checkout_id}))["checkoutComplete"]["order"]
    operator = await client.login("shop-op@example.com")
    await client.gql(PAID, {"id": order["id"]}, operator)
    wine_part = next(vo for vo in order["vendorOrders"] if vo["vendor"]["name"] == "Bodega ES")
    async with Browser(app) as vendor:
        await vendor.login("es@example.com", PASSWORD)
        assert (await vendor.get("/dashboard/operator/orders")).status_code == 403
        assert (await vendor.get(f"/dashboard/operator/orders/{wine_part['id']}")
                ).status_code == 403
    async with Browser(app) as anonymous:
        away = await anonymous.get("/dashboard/operator/orders")
        assert away.status_code == 303 and "/dashboard/login" in away.headers["location"]
    async with Browser(app) as boss:
        await boss.login("shop-op@example.com", PASSWORD)
        found = await boss.get(f"/dashboard/operator/orders?q={order['number']}")
        assert found.text.count('href="/dashboard/operator/orders/') == 2
        one = await boss.get(f"/dashboard/operator/orders?q={order['number']}"
                             f"&vendor={shop.es_vendor}")
        assert one.text.count('href="/dashboard/operator/orders/') == 1
        none = await boss.get("/dashboard/operator/orders?q=nobody%40nowhere")
        assert 'href="/dashboard/operator/orders/' not in none.text
        detail = f"/dashboard/operator/orders/{wine_part['id']}"
        assert (await boss.get(detail)).status_code == 200
        too_much = await boss.post(f"{detail}/refund", {"amount": "9999", "confirm": "1"},
                                   form_page=detail)
        assert too_much.status_code == 400 and 'id="amount-error"' in too_much.text
        confirm = await boss.post(f"{detail}/refund", {"amount": "1.00"}, form_page=detail)
        assert confirm.status_code == 200 and 'name="confirm" value="1"' in confirm.text
        done = await boss.post(f"{detail}/refund", {"amount": "1.00", "confirm": "1"},
                               token=_token(confirm.text))
        assert done.status_code == 303
    status = await client.gql(REFUNDS, {"id": wine_part["id"]}, operator)
    assert status["vendorOrder"]["status"] == "PARTIALLY_REFUNDED"


def _token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found
    return found.group(1)


class Broken:
    def __init__(self) -> None:
        self.fail = True

    @hookimpl
    def ruta_product_created(self, product_id: int) -> None:
        if self.fail:
            raise RuntimeError("the index is down")


async def test_an_operator_retries_a_dead_delivery_and_reads_the_mailbox(plugged: Any) -> None:
    broken = Broken()
    async with plugged(broken, hook_max_attempts=1) as client:
        app = client.app
        token, _ = await client.vendor("dead@example.com", "Dead")
        await client.product(token, "Stone")
        await client.operator("boss@example.com")
        await client.runtime.dispatcher.drain()
        await send_due(client.runtime)
        async with Browser(app) as vendor:
            await vendor.login("dead@example.com", PASSWORD)
            for path in ("/dashboard/operator/outbox", "/dashboard/operator/mailbox"):
                assert (await vendor.get(path)).status_code == 403, path
        async with Browser(app) as boss:
            await boss.login("boss@example.com", PASSWORD)
            page = await boss.get("/dashboard/operator/outbox")
            assert "the index is down" in page.text
            action = re.search(r'action="(/dashboard/operator/outbox/[^"]+/retry)"', page.text)
            assert action is not None
            broken.fail = False
            done = await boss.post(action.group(1), {}, form_page="/dashboard/operator/outbox")
            assert done.status_code == 303
            await client.runtime.dispatcher.drain()
            after = await boss.get("/dashboard/operator/outbox")
            assert "the index is down" not in after.text
            mailbox = await boss.get("/dashboard/operator/mailbox")
            assert "Dead está aprobado" in mailbox.text and "dead@example.com" in mailbox.text


async def test_each_operator_page_runs_at_most_two_documents_and_weighs_under_100_kb(
        app: Starlette, client: Client) -> None:
    shop = await build(client)
    checkout_id = await ready(client, shop, {"wine": 1})
    order = (await client.gql(COMPLETE, {"id": checkout_id}))["checkoutComplete"]["order"]
    pages = [*OPERATOR_PAGES, f"/dashboard/operator/orders/{order['vendorOrders'][0]['id']}",
             "/dashboard/operator/orders?q=example&status=UNPAID"]
    async with Browser(app) as boss:
        await boss.login("shop-op@example.com", PASSWORD)
        for path in pages:
            assert (await boss.get(path)).status_code == 200, path
    for path, count, size in boss.documents:
        assert count <= 2, (path, count)
        assert size < 100_000, (path, size)
