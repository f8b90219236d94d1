"""A vendor's digital goods point only at its own files (``vendors/<id>/...``): another
vendor's key, path traversal and absolute paths are refused with a typed error, and a
download never streams a file outside the selling vendor's prefix."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from engine.api.ids import decode_id
from engine.catalog.file_keys import belongs_to, check_vendor_key, vendor_prefix
from engine.errors import ValidationError
from engine.orders.models import OrderLine
from tests.client import Client
from tests.shop import COMPLETE

CREATE = """mutation($i: ProductCreateInput!) { productCreate(input: $i) {
  product { id } errors { field code } } }"""
UPDATE = """mutation($id: ID!, $i: ProductUpdateInput!) { productUpdate(id: $id, input: $i) {
  product { id } errors { field code } } }"""
BILLING = {"firstName": "A", "lastName": "B", "streetAddress1": "Rua 1", "city": "Faro",
           "postalCode": "8000-138", "country": "PT"}


def test_the_rule_accepts_only_clean_keys_under_the_vendors_prefix() -> None:
    assert vendor_prefix(7) == "vendors/7/"
    assert belongs_to(7, "vendors/7/books/recetas-2026.pdf")
    for key in ("vendors/8/a.pdf", "vendors/7", "vendors/7/", "vendors/7/../8/a.pdf",
                "vendors/7/./a.pdf", "vendors/7//a.pdf", "/vendors/7/a.pdf",
                "vendors/7/a\\..\\b.pdf", "vendors/70/a.pdf", "vendors/7/a.pdf\x00",
                "vendors/7/" + "a" * 600, "../vendors/7/a.pdf", "vendors/7/%2e%2e/a"):
        assert not belongs_to(7, key), key
    with pytest.raises(ValidationError) as refused:
        check_vendor_key(7, "vendors/8/a.pdf")
    assert refused.value.errors[0].code == "FORBIDDEN_FILE_KEY"


async def test_a_vendor_cannot_sell_another_vendors_file(client: Client) -> None:
    operator = await client.operator()
    _, victim = await client.vendor("victim@example.com", "Victim", operator_token=operator)
    thief, thief_vendor = await client.vendor("thief@example.com", "Thief",
                                              operator_token=operator)
    victim_key = f"vendors/{decode_id(victim, 'Vendor')}/secret.pdf"
    own = vendor_prefix(decode_id(thief_vendor, "Vendor"))
    for key in (victim_key, f"{own}../{victim_key.split('/', 1)[1]}", "/etc/passwd",
                "media/../../etc/passwd", "secret.pdf"):
        data = await client.gql(CREATE, {"i": {"name": "Free book", "kind": "DIGITAL",
                                               "isPublished": True, "digitalAsset": key}},
                                thief)
        assert data["productCreate"] == {"product": None, "errors": [
            {"field": "digitalAsset", "code": "FORBIDDEN_FILE_KEY"}]}, key
    mine = await client.gql(CREATE, {"i": {"name": "My book", "kind": "DIGITAL",
                                           "digitalAsset": f"{own}book.pdf"}}, thief)
    assert mine["productCreate"]["errors"] == []
    product_id = mine["productCreate"]["product"]["id"]
    swapped = await client.gql(UPDATE, {"id": product_id, "i": {"digitalAsset": victim_key}},
                               thief)
    assert swapped["productUpdate"]["errors"] == [
        {"field": "digitalAsset", "code": "FORBIDDEN_FILE_KEY"}]


async def test_a_download_never_streams_a_file_outside_the_sellers_prefix(
        client: Client) -> None:
    """Rows stored before the rule (or written around it) are re-checked at download."""
    private = client.runtime.stores.private
    operator = await client.operator()
    _, victim = await client.vendor("victim@example.com", "Victim", operator_token=operator)
    thief, thief_vendor = await client.vendor("thief@example.com", "Thief",
                                              operator_token=operator)
    victim_key = f"vendors/{decode_id(victim, 'Vendor')}/secret.pdf"
    await private.put(victim_key, b"%PDF victim's", "application/pdf")
    own_key = f"vendors/{decode_id(thief_vendor, 'Vendor')}/book.pdf"
    await private.put(own_key, b"%PDF thief's", "application/pdf")
    _, variant = await client.product(thief, "Free book", kind="DIGITAL", price="0.00",
                                      stock=0, digitalAsset=own_key)
    buyer = await client.register("buyer@example.com")
    created = await client.gql("""mutation($i: CheckoutCreateInput!) { checkoutCreate(
        input: $i) { checkout { id } errors { code } } }""", {"i": {
        "lines": [{"variantId": variant, "quantity": 1}], "billingAddress": BILLING}}, buyer)
    done = await client.gql(COMPLETE, {"id": created["checkoutCreate"]["checkout"]["id"]},
                            buyer)
    line = done["checkoutComplete"]["order"]["vendorOrders"][0]["lines"][0]
    link = line["downloadUrl"].removeprefix(client.runtime.settings.public_url)
    assert (await client.http.get(link)).content == b"%PDF thief's"
    async with client.runtime.db.write() as session:
        await session.execute(update(OrderLine).values(digital_asset=victim_key))
    response = await client.http.get(link)
    assert response.status_code == 404 and b"victim" not in response.content
