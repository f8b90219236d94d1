"""Return requests in the seller dashboard: the vendor sees its own, refuses with a note
(required, shown next to the field) or approves after a confirmation, which refunds through
the core; another vendor neither sees nor decides them."""

from __future__ import annotations

import re

from starlette.applications import Starlette

from engine.testing.client import PASSWORD, Client
from tests.shop import build
from tests.test_returns import CREATE, paid_order
from tests.web_browser import TOKEN_RE, Browser

STATUS = "query($id: ID!) { vendorOrder(id: $id) { status } }"


async def test_a_vendor_refuses_with_a_note_or_approves_and_refunds(
        app: Starlette, client: Client) -> None:
    shop = await build(client)
    buyer = await client.register("buyer@example.com")
    wine = (await paid_order(client, shop, buyer))["Bodega ES"]
    made = (await client.gql(CREATE, {"v": wine, "r": "Broken bottle"}, buyer)
            )["returnRequestCreate"]["returnRequest"]
    decide = f"/dashboard/returns/{made['id']}/decide"
    async with Browser(app) as pt:
        await pt.login("pt@example.com", PASSWORD)
        page = await pt.get("/dashboard/returns")
        assert page.status_code == 200 and "Broken bottle" not in page.text
        other = await pt.post(decide, {"decision": "approve", "confirm": "1"},
                              form_page="/dashboard/returns")
        assert other.status_code == 400  # not theirs: refused by the API
    assert (await client.gql(STATUS, {"id": wine}, shop.es_token))["vendorOrder"][
        "status"] == "PAID"
    async with Browser(app) as es:
        await es.login("es@example.com", PASSWORD)
        page = await es.get("/dashboard/returns")
        assert "Broken bottle" in page.text and "buyer@example.com" in page.text
        blank = await es.post(decide, {"decision": "refuse", "note": " "},
                              form_page="/dashboard/returns")
        assert blank.status_code == 400
        assert re.search(r'<p class="error" id="note-1-error">[^<]+</p>', blank.text)
        ask = await es.post(decide, {"decision": "approve"}, form_page="/dashboard/returns")
        assert ask.status_code == 200 and 'name="confirm" value="1"' in ask.text
        assert (await client.gql(STATUS, {"id": wine}, shop.es_token))["vendorOrder"][
            "status"] == "PAID"  # nothing refunded before the confirmation
        token = TOKEN_RE.search(ask.text)
        assert token is not None
        done = await es.post(decide, {"decision": "approve", "confirm": "1"},
                             token=token.group(1))
        assert done.status_code == 303
        after = await es.get(done.headers["location"])
        assert "the return is approved and refunded" in after.text
        approved = await es.get("/dashboard/returns?status=APPROVED")
        assert "Broken bottle" in approved.text
    assert (await client.gql(STATUS, {"id": wine}, shop.es_token))["vendorOrder"][
        "status"] == "REFUNDED"
    for path, count, size in es.documents:
        assert count <= 2 and size < 100_000, (path, count, size)
