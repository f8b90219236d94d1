"""Fixed-amount and free-shipping vouchers funded by a vendor, and the typed errors for a
bad voucher. A vendor's voucher is a reduction it grants: VAT is on the reduced base."""

from __future__ import annotations

from typing import Any

from tests.client import Client
from tests.shop import ADDRESS, SHIPPING, Shop, build
from tests.test_localised_errors import post
from tests.test_vouchers import STARTED

VOUCHER = """mutation($i: VoucherInput!) { voucherCreate(input: $i) {
  voucher { code kind value isPlatformFunded } errors { field code message } } }"""
CREATE = """mutation($i: CheckoutCreateInput!) { checkoutCreate(input: $i) {
  checkout { id } } }"""
APPLY = """mutation($id: ID!, $c: String!) { checkoutVoucherApply(id: $id, code: $c) {
  checkout { id lines { discount { gross { amount } } platformDiscount { amount }
      totalPrice { net { amount } tax { amount } gross { amount } } }
    vendors { vendor { id } shippingPrice { gross { amount } } shippingDiscount { gross {
      amount } } totalPrice { gross { amount } } }
    totalPrice { gross { amount } } amountDue { amount } platformDiscount { amount } }
  errors { field code message } } }"""
MADRID = {**ADDRESS, "city": "Madrid", "postalCode": "28001", "country": "ES"}


async def create(client: Client, token: str, **given: Any) -> dict[str, Any]:
    data: dict[str, Any] = (await client.gql(VOUCHER, {"i": {"startsAt": STARTED, **given}},
                                             token))["voucherCreate"]
    return data


async def applied(client: Client, shop: Shop, lines: dict[str, int], code: str,
                  address: dict[str, str] = MADRID, token: str | None = None
                  ) -> dict[str, Any]:
    made = await client.gql(CREATE, {"i": {"email": "b@example.com", "shippingAddress": address,
        "lines": [{"variantId": shop.variants[k], "quantity": q} for k, q in lines.items()]}},
        token)
    checkout_id = made["checkoutCreate"]["checkout"]["id"]
    for product, vendor, key in (("wine", shop.es_vendor, "es"), ("tile", shop.pt_vendor, "pt")):
        if product in lines:
            chosen = await client.gql(SHIPPING, {"id": checkout_id, "v": vendor,
                                                 "m": shop.methods[key]}, token)
            assert chosen["checkoutShippingMethodUpdate"]["errors"] == [], chosen
    data = (await client.gql(APPLY, {"id": checkout_id, "c": code}, token)
            )["checkoutVoucherApply"]
    assert data["errors"] == [], data
    found: dict[str, Any] = data["checkout"]
    return found


def gross(money: dict[str, Any]) -> str:
    amount: str = money["gross"]["amount"]
    return amount


async def test_a_fixed_voucher_takes_its_amount_off_the_vendors_lines_before_tax(
        client: Client) -> None:
    shop = await build(client)
    made = await create(client, shop.es_token, code="five", kind="FIXED", value="5.00")
    assert made["voucher"] == {"code": "FIVE", "kind": "FIXED", "value": "5.00",
                               "isPlatformFunded": False}
    found = await applied(client, shop, {"wine": 1, "ebook": 1}, "FIVE")
    wine, ebook = found["lines"]
    # 5.00 spread over 12.10 and 4.99 in proportion: 3.54 and 1.46
    assert (gross(wine["discount"]), gross(ebook["discount"])) == ("3.54", "1.46")
    # 21 % on the reduced base: 8.56 = 7.07 + 1.49
    assert wine["totalPrice"] == {"net": {"amount": "7.07"}, "tax": {"amount": "1.49"},
                                  "gross": {"amount": "8.56"}}
    assert gross(found["vendors"][0]["totalPrice"]) == "17.04"  # 12.09 + 4.95 shipping
    assert found["platformDiscount"]["amount"] == "0.00"
    assert found["amountDue"]["amount"] == gross(found["totalPrice"]) == "17.04"
    # never more than the lines cost; with three units the cents go per unit (3 x 1.66)
    three = await applied(client, shop, {"wine": 3}, "FIVE")
    assert gross(three["lines"][0]["discount"]) == "4.98"
    small = await create(client, shop.es_token, code="big", kind="FIXED", value="100.00")
    assert small["errors"] == []
    capped = await applied(client, shop, {"ebook": 1}, "BIG")
    assert gross(capped["lines"][0]["totalPrice"]) == "0.00"


async def test_a_free_shipping_voucher_waives_its_vendors_shipping_only(
        client: Client) -> None:
    shop = await build(client)
    made = await create(client, shop.es_token, code="envio", kind="FREE_SHIPPING")
    assert made["voucher"]["kind"] == "FREE_SHIPPING" and made["voucher"]["value"] == "100.00"
    found = await applied(client, shop, {"wine": 1}, "ENVIO")
    es = found["vendors"][0]
    assert gross(es["shippingPrice"]) == "0.00" and gross(es["shippingDiscount"]) == "4.95"
    assert gross(found["lines"][0]["discount"]) == "0.00"
    assert gross(found["totalPrice"]) == "12.10"


async def test_bad_vouchers_are_refused_with_typed_errors_in_the_users_language(
        client: Client) -> None:
    shop = await build(client)
    cases = [({"kind": "FIXED"}, "value", "REQUIRED"),
             ({"kind": "FIXED", "value": "0"}, "value", "INVALID"),
             ({"kind": "FIXED", "value": "1.005"}, "value", "INVALID"),
             ({"kind": "PERCENTAGE", "value": "100"}, "value", "INVALID"),
             ({"kind": "FREE_SHIPPING", "value": "5.00"}, "value", "INVALID"),
             ({"value": "5", "endsAt": STARTED}, "endsAt", "INVALID")]
    for given, field, code in cases:
        refused = await create(client, shop.es_token, code="bad", **given)
        assert refused["voucher"] is None
        assert [(e["field"], e["code"]) for e in refused["errors"]] == [(field, code)], given
    spanish = await post(client, VOUCHER, {"i": {"startsAt": STARTED, "code": "x",
                                                 "kind": "FREE_SHIPPING", "value": "1.00"}},
                         language="es")  # no account language: Accept-Language decides
    assert spanish["data"]["voucherCreate"]["errors"][0]["message"] == \
        "Un vale de envío gratuito no lleva valor."
    denied = await client.raw(VOUCHER, {"i": {"startsAt": STARTED, "code": "plat",
                                              "value": "5", "platformFunded": True}},
                              shop.es_token)
    assert denied["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
