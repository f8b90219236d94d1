"""A small two-vendor shop for checkout and order tests, built through the public API."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.client import Client

ADDRESS = {"firstName": "Ana", "lastName": "Silva", "streetAddress1": "Rua do Sol 1",
           "city": "Faro", "postalCode": "8000-138", "country": "PT"}

CHECKOUT_FIELDS = """checkout { id email lines { id quantity variant { id sku }
  unitPrice { gross { amount } } totalPrice { net { amount } tax { amount } gross { amount } }
  taxDecision { rate treatment } }
  vendors { vendor { id name } subtotalPrice { gross { amount } } shippingPrice { gross {
    amount } } totalPrice { gross { amount } } isShippingRequired
    shippingMethod { id name } availableShippingMethods { id name } }
  totalPrice { net { amount } tax { amount } gross { amount } currency } }
  errors { field code message }"""

CREATE = "mutation($i: CheckoutCreateInput!) { checkoutCreate(input: $i) { %s } }" \
    .replace("%s", CHECKOUT_FIELDS)
ADD = "mutation($id: ID!, $l: [CheckoutLineInput!]!) { checkoutLinesAdd(id: $id, lines: $l) " \
    "{ %s } }".replace("%s", CHECKOUT_FIELDS)
SET_QTY = "mutation($id: ID!, $l: [CheckoutLineInput!]!) { checkoutLinesUpdate(id: $id, " \
    "lines: $l) { %s } }".replace("%s", CHECKOUT_FIELDS)
ADDRESS_UPDATE = """mutation($id: ID!, $a: AddressInput) { checkoutAddressUpdate(id: $id,
  shippingAddress: $a) { %s } }""".replace("%s", CHECKOUT_FIELDS)
SHIPPING = """mutation($id: ID!, $v: ID!, $m: ID!) { checkoutShippingMethodUpdate(id: $id,
  vendorId: $v, shippingMethodId: $m) { %s } }""".replace("%s", CHECKOUT_FIELDS)
COMPLETE = """mutation($id: ID!) { checkoutComplete(id: $id) {
  order { id number status total { net { amount } tax { amount } gross { amount } }
    vendorOrders { id status vendor { id name } total { net { amount } tax { amount }
      gross { amount } } shippingPrice { gross { amount } }
      lines { productName sku quantity productKind totalPrice { gross { amount } }
        taxDecision { rate treatment } bookings { status } downloadUrl } } }
  paymentAction { type } errors { field code message } } }"""
METHOD = """mutation($i: ShippingMethodInput!) { shippingMethodCreate(input: $i) {
  shippingMethod { id } errors { field code message } } }"""


@dataclass
class Shop:
    es_token: str
    es_vendor: str
    pt_token: str
    pt_vendor: str
    variants: dict[str, str] = field(default_factory=dict)
    methods: dict[str, str] = field(default_factory=dict)


async def method(client: Client, token: str, **given: Any) -> str:
    data = await client.gql(METHOD, {"i": given}, token)
    assert data["shippingMethodCreate"]["errors"] == [], data
    method_id: str = data["shippingMethodCreate"]["shippingMethod"]["id"]
    return method_id


async def slot(client: Client, token: str, name: str, *, capacity: int, price: str,
               kind: str = "EVENT") -> str:
    product_id = (await client.gql(
        "mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { id } } }",
        {"i": {"name": name, "kind": kind, "isPublished": True}}, token)
                  )["productCreate"]["product"]["id"]
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=5)
    data = await client.gql(
        """mutation($i: ProductVariantCreateInput!) { productVariantCreate(input: $i) {
           variant { id } errors { field code } } }""",
        {"i": {"productId": product_id, "sku": f"SLOT-{name[:8]}", "price": price,
               "startsAt": start.isoformat(), "endsAt": (start + timedelta(hours=2)).isoformat(),
               "capacity": capacity}}, token)
    assert data["productVariantCreate"]["errors"] == [], data
    variant_id: str = data["productVariantCreate"]["variant"]["id"]
    return variant_id


async def build(client: Client) -> Shop:
    operator = await client.operator("shop-op@example.com")
    es_token, es_vendor = await client.vendor("es@example.com", "Bodega ES",
                                              operator_token=operator)
    pt_token, pt_vendor = await client.vendor("pt@example.com", "Loja PT", country="PT",
                                              postal_code="8000-138", operator_token=operator)
    shop = Shop(es_token, es_vendor, pt_token, pt_vendor)
    _, shop.variants["wine"] = await client.product(es_token, "Wine", price="12.10", stock=5)
    _, shop.variants["ebook"] = await client.product(es_token, "Recipes", kind="DIGITAL",
                                                     price="4.99", stock=0,
                                                     digitalAsset="https://cdn.example/r.pdf")
    _, shop.variants["tile"] = await client.product(pt_token, "Tile", price="18.00", stock=3)
    shop.variants["tasting"] = await slot(client, es_token, "Tasting", capacity=3, price="25.00")
    shop.methods["es"] = await method(client, es_token, name="Correos", countries=["ES", "PT"],
                                      price="4.95", freeOver="50.00")
    shop.methods["pt"] = await method(client, pt_token, name="CTT", countries=["PT"],
                                      price="3.50")
    return shop


async def checkout(client: Client, lines: dict[str, int], shop: Shop, token: str | None = None,
                   **extra: Any) -> dict[str, Any]:
    data = await client.gql(CREATE, {"i": {
        "email": "buyer@example.com",
        "lines": [{"variantId": shop.variants[k], "quantity": q} for k, q in lines.items()],
        **extra}}, token)
    assert data["checkoutCreate"]["errors"] == [], data
    created: dict[str, Any] = data["checkoutCreate"]["checkout"]
    return created


async def ready(client: Client, shop: Shop, lines: dict[str, int], token: str | None = None,
                **extra: Any) -> str:
    """A checkout with an address and shipping chosen for every vendor that ships."""
    created = await checkout(client, lines, shop, token, shippingAddress=ADDRESS, **extra)
    for vendor in created["vendors"]:
        if vendor["isShippingRequired"]:
            key = "es" if vendor["vendor"]["id"] == shop.es_vendor else "pt"
            chosen = await client.gql(SHIPPING, {"id": created["id"], "v": vendor["vendor"]["id"],
                                                 "m": shop.methods[key]}, token)
            assert chosen["checkoutShippingMethodUpdate"]["errors"] == [], chosen
    checkout_id: str = created["id"]
    return checkout_id
