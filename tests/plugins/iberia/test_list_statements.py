"""No N+1 in the invoice listings: ``iberiaMyInvoices`` and ``Vendor.invoices`` cost the
same statements for 5 and 50 invoices, every list field (lines, tax breakdown, mentions,
labels) selected."""

from __future__ import annotations

from sqlalchemy import select

from plugins.iberia.models import Invoice
from tests.client import Client
from tests.plugins.iberia.test_invoices import INVOICE, pay, place
from tests.shop import build
from tests.wire import measuring

MINE = "query($n: Int!) { iberiaMyInvoices(first: $n) { %s orderId } }".replace("%s", INVOICE)
VENDOR = "query($id: ID!, $n: Int!) { vendor(id: $id) { invoices(first: $n) { %s } } }" \
    .replace("%s", INVOICE)
COPY = ("issuer_key", "series", "year", "code", "kind", "order_id", "vendor_order_id",
        "vendor_id", "buyer_user_id", "issued_at", "content", "total_net", "total_tax",
        "total_gross", "prev_hash")


async def test_the_invoice_listings_cost_the_same_for_5_and_50_invoices(client: Client
                                                                        ) -> None:
    shop = await build(client)
    operator = await client.login("shop-op@example.com")
    buyer = await client.register("buyer@example.com")
    order = await place(client, shop, {"wine": 1}, buyer)
    await pay(client, operator, order)
    async with client.runtime.db.write() as session:  # 49 more rows like the real one
        issued = await session.scalar(select(Invoice))
        assert issued is not None
        for i in range(1, 50):
            session.add(Invoice(**{k: getattr(issued, k) for k in COPY},
                                chain_seq=issued.chain_seq + i, number=issued.number + i,
                                source_key=f"{issued.source_key}-{i}",
                                hash=f"{i:064d}"))
    counts = []
    for n in (5, 50):
        async with measuring(client.runtime) as cost:
            mine = (await client.gql(MINE, {"n": n}, buyer))["iberiaMyInvoices"]
            theirs = (await client.gql(VENDOR, {"id": shop.es_vendor, "n": n}, shop.es_token)
                      )["vendor"]["invoices"]
        assert len(mine) == len(theirs) == n
        assert mine[-1]["lines"] and mine[-1]["taxBreakdown"] and mine[-1]["labels"]
        assert mine[-1]["issuer"]["name"] == "Bodega ES"
        counts.append(len(cost.statements))
    assert counts[0] == counts[1], counts
