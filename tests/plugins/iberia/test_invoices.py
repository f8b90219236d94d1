"""Invoices through GraphQL: gapless numbers under concurrency, the hash chain and its
verification command, credit notes for refunds, who may read an invoice, and the form."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import text

from engine.app import build_runtime
from engine.plugins.api import decode_id, record_event
from engine.plugins.manager import build_plugin_manager
from plugins.iberia.invoice_chain import verify
from plugins.iberia.invoice_cli import run_verify
from plugins.iberia.invoice_form import COMPLETE, SIMPLIFIED, invoice_form
from plugins.iberia.invoices import issue_invoices
from tests.client import Client
from tests.conftest import test_settings as settings_for
from tests.shop import ADDRESS, Shop, build, checkout, ready
from tests.shop import COMPLETE as CHECKOUT_COMPLETE

PAID = "mutation($id: ID!) { orderMarkPaid(id: $id) { order { status } errors { code } } }"
INVOICE = """id number kind form language title issuer { name taxId country }
  buyer { name taxId address } lines { description quantity rate treatment net tax gross }
  taxBreakdown { rate treatment base tax } mentions totalNet totalTax totalGross rectifies
  labels { key text } hash previousHash"""
VENDOR_INVOICES = "query($id: ID!) { vendor(id: $id) { invoices(first: 50) { %s } } }" \
    .replace("%s", INVOICE)
ORDER_INVOICES = "query($o: ID!) { iberiaInvoices(orderId: $o) { %s } }".replace("%s", INVOICE)
YEAR = datetime.now(UTC).year


async def place(client: Client, shop: Shop, lines: dict[str, int], token: str | None,
                **extra: Any) -> dict[str, Any]:
    checkout_id = (await checkout(client, lines, shop, token, shippingAddress=ADDRESS,
                                  **extra))["id"] if extra else await ready(client, shop,
                                                                            lines, token)
    done = await client.gql(CHECKOUT_COMPLETE, {"id": checkout_id}, token)
    assert done["checkoutComplete"]["errors"] == [], done
    order: dict[str, Any] = done["checkoutComplete"]["order"]
    return order


async def pay(client: Client, operator: str, *orders: dict[str, Any]) -> None:
    results = await asyncio.gather(*[client.gql(PAID, {"id": o["id"]}, operator)
                                     for o in orders])
    assert all(r["orderMarkPaid"]["errors"] == [] for r in results), results
    await client.runtime.dispatcher.drain()


async def verify_now(client: Client) -> list[Any]:
    async with client.runtime.db.read() as session:
        return await verify(session)


def command(database_url: str) -> int:
    """``ruta iberia-verify-invoices`` against the test database (own runtime and loop)."""
    return run_verify(lambda: build_runtime(settings_for(database_url),
                                            build_plugin_manager(entry_points_from="ruta")))


async def test_twenty_concurrent_paid_orders_get_twenty_consecutive_numbers(
        client: Client, database_url: str) -> None:
    shop = await build(client)
    operator = await client.login("shop-op@example.com")
    buyer = await client.register("buyer@example.com")
    orders = [await place(client, shop, {"ebook": 1}, buyer) for _ in range(20)]
    await pay(client, operator, *orders)

    invoices = (await client.gql(VENDOR_INVOICES, {"id": shop.es_vendor}, shop.es_token)
                )["vendor"]["invoices"]
    numbers = sorted(inv["number"] for inv in invoices)
    assert numbers == [f"F{YEAR}-{n:06d}" for n in range(1, 21)]
    assert {inv["kind"] for inv in invoices} == {"INVOICE"}
    # redelivery of a paid event issues nothing new
    order_pk = decode_id(orders[0]["id"], "Order")
    assert await issue_invoices(client.runtime, order_pk, datetime.now(UTC)) == 0
    reports = await verify_now(client)
    assert [(r.records, r.problem) for r in reports] == [(20, None)]
    assert await asyncio.to_thread(command, database_url) == 0


async def test_tampering_or_a_missing_record_is_detected(client: Client,
                                                         database_url: str) -> None:
    shop = await build(client)
    operator = await client.login("shop-op@example.com")
    orders = [await place(client, shop, {"ebook": 1}, None) for _ in range(3)]
    for order in orders:  # one by one: numbers follow payment order
        await pay(client, operator, order)
    assert [r.ok for r in await verify_now(client)] == [True]

    async with client.runtime.db.write() as session:
        await session.execute(text("UPDATE iberia_invoice SET total_gross = total_gross + 100 "
                                   "WHERE code = :c"), {"c": f"F{YEAR}-000002"})
    [report] = await verify_now(client)
    assert report.problem == f"F{YEAR}-000002 (#2) was altered (hash mismatch)"
    assert await asyncio.to_thread(command, database_url) == 1

    async with client.runtime.db.write() as session:  # undo, then delete the newest
        await session.execute(text("UPDATE iberia_invoice SET total_gross = total_gross - 100 "
                                   "WHERE code = :c"), {"c": f"F{YEAR}-000002"})
        await session.execute(text("DELETE FROM iberia_invoice WHERE code = :c"),
                              {"c": f"F{YEAR}-000003"})
    [report] = await verify_now(client)
    assert report.problem == "record #3 is missing (the chain counter is at 3)"

    async with client.runtime.db.write() as session:  # and one in the middle
        await session.execute(text("DELETE FROM iberia_invoice WHERE code = :c"),
                              {"c": f"F{YEAR}-000001"})
    [report] = await verify_now(client)
    assert report.problem == f"record #1 is missing (next stored is #2, F{YEAR}-000002)"
    assert await asyncio.to_thread(command, database_url) == 1


async def refund(client: Client, order_id: str, vendor_order_id: str, amount: str,
                 full: bool) -> None:
    async with client.runtime.transaction() as session:
        await record_event(session, client.runtime.plugins, "ruta_order_refunded",
                           order_id=decode_id(order_id, "Order"),
                           vendor_order_id=decode_id(vendor_order_id, "VendorOrder"),
                           amount=amount, full=full)
    await client.runtime.dispatcher.drain()


async def test_a_refund_issues_a_credit_note_with_negative_amounts(client: Client) -> None:
    shop = await build(client)
    operator = await client.login("shop-op@example.com")
    buyer = await client.register("buyer@example.com")
    order = await place(client, shop, {"wine": 2, "ebook": 1}, buyer)
    await pay(client, operator, order)
    vendor_order = order["vendorOrders"][0]
    await refund(client, order["id"], vendor_order["id"], "10.00", False)
    await refund(client, order["id"], vendor_order["id"], "0", True)

    invoice, partial, full = (await client.gql(ORDER_INVOICES, {"o": order["id"]}, buyer)
                              )["iberiaInvoices"]
    # the invoice: wine 2 x 12.10 and the e-book at 21 %, shipping 4.95 (Correos to PT)
    assert invoice["number"] == f"F{YEAR}-000001"
    assert invoice["totalGross"] == vendor_order["total"]["gross"]["amount"] == "34.14"
    assert invoice["taxBreakdown"] == [{"rate": "0.21", "treatment": "STANDARD",
                                        "base": "28.21", "tax": "5.93"}]
    assert [ln["description"] for ln in invoice["lines"]][-1] == "Shipping"
    # a partial refund of 10.00 gross at 21 %: base 8.26 (10 / 1.21 half-up), tax 1.74
    assert (partial["number"], partial["kind"], partial["rectifies"]) == (
        f"R{YEAR}-000001", "CREDIT_NOTE", f"F{YEAR}-000001")
    assert (partial["totalNet"], partial["totalTax"], partial["totalGross"]) == (
        "-8.26", "-1.74", "-10.00")
    assert partial["mentions"][0] == f"Corrects invoice F{YEAR}-000001"
    # the full refund negates every line of the invoice
    assert full["number"] == f"R{YEAR}-000002"
    assert full["totalGross"] == "-34.14"
    assert [ln["gross"] for ln in full["lines"]] == [
        str(-Decimal(ln["gross"])) for ln in invoice["lines"]]
    # credit notes join the vendor's chain (3 records) and redelivery adds none
    await client.runtime.dispatcher.drain()
    assert [(r.records, r.problem) for r in await verify_now(client)] == [(3, None)]


async def test_only_the_buyer_the_vendor_staff_and_operators_read_invoices(
        client: Client) -> None:
    shop = await build(client)
    operator = await client.login("shop-op@example.com")
    buyer = await client.register("buyer@example.com")
    stranger = await client.register("stranger@example.com")
    order = await place(client, shop, {"ebook": 1}, buyer, languageCode="ES")
    await pay(client, operator, order)

    mine = (await client.gql(ORDER_INVOICES, {"o": order["id"]}, buyer))["iberiaInvoices"]
    assert [(i["number"], i["language"], i["title"], i["form"]) for i in mine] == [
        (f"F{YEAR}-000001", "es", "Factura simplificada", SIMPLIFIED)]
    assert {"key": "BASE", "text": "Base imponible"} in mine[0]["labels"]
    assert mine[0]["issuer"] == {"name": "Bodega ES", "taxId": "B21000005", "country": "ES"}
    for token in (shop.es_token, operator):
        seen = (await client.gql(ORDER_INVOICES, {"o": order["id"]}, token))["iberiaInvoices"]
        assert [i["hash"] for i in seen] == [mine[0]["hash"]]
    for token, code in ((stranger, "PERMISSION_DENIED"), (shop.pt_token, "PERMISSION_DENIED"),
                        (None, "UNAUTHENTICATED")):
        body = await client.raw(ORDER_INVOICES, {"o": order["id"]}, token)
        assert body["errors"][0]["extensions"]["code"] == code, body
    for token in (buyer, shop.pt_token, None):
        data = await client.gql(VENDOR_INVOICES, {"id": shop.es_vendor}, token)
        assert data["vendor"]["invoices"] is None


def test_a_distance_sale_taxed_at_destination_needs_a_complete_invoice() -> None:
    """Directive art. 220(1)(2) with 220a(2): no simplified invoice for distance sales of
    goods (RD 1619/2012 art. 4.3 in Spain; CIVA art. 40.º covers only supplies taxed in
    Portugal), however small."""
    for country in ("ES", "PT"):
        assert invoice_form(country, Decimal("12.00"), buyer_is_business=False,
                            treatments=["STANDARD"], goods_only=True,
                            taxed_elsewhere=True) == COMPLETE


@pytest.mark.parametrize(("country", "gross", "business", "treatments", "goods", "form"), [
    # RD 1619/2012 art. 4.1 a): simplified up to 400 EUR VAT included
    ("ES", "400.00", False, ["STANDARD"], False, SIMPLIFIED),
    ("ES", "400.01", False, ["STANDARD"], False, COMPLETE),
    # corrected (issue 17): RD 1619/2012 art. 4.1 c) 1º, retail sales of goods up to 3 000 EUR
    ("ES", "400.01", False, ["STANDARD"], True, SIMPLIFIED),
    ("ES", "3000.01", False, ["STANDARD"], True, COMPLETE),
    # intra-Community supplies need a complete invoice (Directive art. 220a(2); RD 1619/2012
    # art. 4.3; RITI art. 35.º)
    ("ES", "50.00", False, ["INTRA_EU_EXEMPT"], True, COMPLETE),
    ("PT", "50.00", False, ["INTRA_EU_EXEMPT"], True, COMPLETE),
    ("PT", "50.00", False, ["REVERSE_CHARGE"], False, COMPLETE),
    # RD 1619/2012 art. 4.3 / Directive art. 196: never when the customer is liable
    ("ES", "50.00", False, ["REVERSE_CHARGE"], False, COMPLETE),
    # a business customer may require a complete invoice (RD 1619/2012 art. 2.2)
    ("ES", "50.00", True, ["STANDARD"], True, COMPLETE),
    # CIVA art. 40.º n.º 1 a): goods to consumers up to 1 000 EUR
    ("PT", "1000.00", False, ["STANDARD"], True, SIMPLIFIED),
    ("PT", "1000.01", False, ["STANDARD"], True, COMPLETE),
    # CIVA art. 40.º n.º 1 b): other supplies up to 100 EUR
    ("PT", "100.00", False, ["STANDARD"], False, SIMPLIFIED),
    ("PT", "100.01", False, ["STANDARD"], False, COMPLETE),
    # elsewhere: the Directive's complete invoice (art. 226)
    ("FR", "10.00", False, ["STANDARD"], True, COMPLETE),
])
def test_complete_or_simplified_by_the_issuers_country(
        country: str, gross: str, business: bool, treatments: list[str], goods: bool,
        form: str) -> None:
    assert invoice_form(country, Decimal(gross), buyer_is_business=business,
                        treatments=treatments, goods_only=goods) == form
