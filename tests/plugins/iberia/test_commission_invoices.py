"""The platform's commission invoices to its vendors (issue 17, item 7): monthly per vendor
in their own gapless series C; Spanish VAT for a vendor in the Spanish VAT territory,
reverse charge for a Portuguese vendor with a VAT number, not subject for a vendor in the
Canary Islands (LIVA art. 69.Uno.1º); the commission taken on the net by default."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import func, select, update

from engine.payments.models import LedgerEntry
from engine.plugins.api import decode_id
from engine.vendors.models import Vendor
from plugins.iberia.commission_invoices import issue_commission_invoices
from plugins.iberia.invoice_chain import verify
from plugins.iberia.models import Invoice
from tests.client import Client
from tests.shop import ADDRESS, COMPLETE, CREATE

PAID = "mutation($id: ID!) { orderMarkPaid(id: $id) { order { status } errors { code } } }"
BALANCE = """query($id: ID!) { vendor(id: $id) { balance { commission { amount }
  commissionBase } } }"""
NOW = datetime.now(UTC)


async def test_a_month_of_orders_gives_one_commission_invoice_per_vendor(
        client: Client) -> None:
    operator = await client.operator("op-commission@example.com")
    vendors = {}
    for key, country, postal in (("es", "ES", "21700"), ("pt", "PT", "8000-138"),
                                 ("cn", "ES", "35001")):
        token, vendor = await client.vendor(f"{key}-c@example.com", f"Vendor {key}",
                                            operator_token=operator, country=country,
                                            postal_code=postal)
        _, variant = await client.product(token, "Thing", price="12.10", kind="DIGITAL",
                                          stock=0, digitalAsset="https://cdn.example/t.pdf")
        vendors[key] = (token, vendor, variant)
    async with client.runtime.db.write() as session:  # a Portuguese VAT number (NIF)
        await session.execute(update(Vendor).where(
            Vendor.id == decode_id(vendors["pt"][1], "Vendor")).values(tax_id="501964819"))
    for _, _, variant in vendors.values():
        for _ in range(2):
            data = await client.gql(CREATE, {"i": {"email": "b@example.com",
                                                   "shippingAddress": ADDRESS,
                                                   "lines": [{"variantId": variant,
                                                              "quantity": 1}]}})
            done = (await client.gql(COMPLETE, {"id": data["checkoutCreate"]["checkout"][
                "id"]}))["checkoutComplete"]
            await client.gql(PAID, {"id": done["order"]["id"]}, operator)
    await client.runtime.dispatcher.drain()
    balance = (await client.gql(BALANCE, {"id": vendors["es"][1]}, vendors["es"][0]))[
        "vendor"]["balance"]
    assert balance == {"commission": {"amount": "2.00"}, "commissionBase": "NET"}  # 10% of 2x10

    assert await issue_commission_invoices(client.runtime, NOW.year, NOW.month) == 3
    assert await issue_commission_invoices(client.runtime, NOW.year, NOW.month) == 0
    async with client.runtime.db.read() as session:
        rows = list(await session.scalars(select(Invoice).where(Invoice.kind == "COMMISSION")
                                          .order_by(Invoice.number)))
        ledger = await session.scalar(select(func.sum(LedgerEntry.amount)).where(
            LedgerEntry.kind == "COMMISSION"))
        assert all(report.problem is None for report in await verify(session))
    assert [r.code for r in rows] == [f"C{NOW.year}-00000{n}" for n in (1, 2, 3)]
    assert sum((r.total_net for r in rows), Decimal(0)) == ledger
    by_vendor = {r.vendor_id: r for r in rows}
    treatment = {key: (by_vendor[decode_id(v, "Vendor")].content["lines"][0]["treatment"],
                       by_vendor[decode_id(v, "Vendor")].total_tax)
                 for key, (_, v, _) in vendors.items()}
    assert treatment["es"] == ("STANDARD", Decimal("0.42"))  # 21 % of 2.00
    assert treatment["pt"][0] == "REVERSE_CHARGE" and treatment["pt"][1] == 0
    assert treatment["cn"][0] == "OUTSIDE_SCOPE" and treatment["cn"][1] == 0
    pt = by_vendor[decode_id(vendors["pt"][1], "Vendor")]
    assert "Inversión del sujeto pasivo (art. 69.Uno.1º LIVA; art. 196 Directiva " \
        "2006/112/CE)." in pt.content["mentions"]
