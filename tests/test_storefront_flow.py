"""The storefront, the seller dashboard and the operator, end to end, on the demo marketplace.

Everything goes through the published operation files in ``schema/operations`` (the same
documents a storefront ships), sent with their variables over HTTP: no helper queries, no
database access. The flow: find products, a guest checkout and a signed-in customer's
checkout across two vendors (goods, a booked slot, an e-book), shipping per vendor, the
orders, the operator's payment, the vendors' views and fulfilment, "my orders", and a
cancellation that gives the stock back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from engine.demo.data import DEMO_PASSWORD
from engine.runtime import Runtime
from tests.client import Client
from tests.test_schema_contract import (
    EMPTY_UNTIL_AN_ORDER,
    LOGINS,
    NEED_AN_ID_FROM_A_CHECKOUT,
    OPERATIONS,
)

CUSTOMER = LOGINS["customer"]
OPERATOR = LOGINS["operator"]
VENDOR_ES = LOGINS["vendor"]
VENDOR_PT = "vendor.pt@ruta.example"
FARO = {"firstName": "Ana", "lastName": "Guerreiro", "streetAddress1": "Rua de Santo António 12",
        "city": "Faro", "postalCode": "8000-138", "country": "PT"}
#: Where the buyer is: prices in the catalogue are shown for this location.
WHERE = {"languageCode": "PT", "country": "PT", "postalCode": "8000-138"}
#: The checkout and order operations; the flow must use every one of them.
FLOW_OPERATIONS = {
    "CheckoutCreate", "CheckoutDetails", "CheckoutLinesAdd", "CheckoutLinesUpdate",
    "CheckoutLinesDelete", "CheckoutAddressUpdate", "CheckoutShippingMethodUpdate",
    "CheckoutEmailUpdate", "CheckoutVatIdUpdate", "CheckoutComplete", "MyOrders",
    "OrderDetails", "OrderCancel", "VendorOrders", "VendorOrderFulfill",
    "ShippingMethodCreate", "ShippingMethodUpdate", "VendorShippingMethods", "OrderMarkPaid",
} | NEED_AN_ID_FROM_A_CHECKOUT | (EMPTY_UNTIL_AN_ORDER - {"MyNotifications"})
# (the inbox after an order is walked by tests/test_notifications_inbox.py)

Json = dict[str, Any]


def money(value: Json) -> Decimal:
    return Decimal(value["amount"])


def taxed(value: Json) -> tuple[Decimal, Decimal, Decimal]:
    """(net, tax, gross) of a TaxedMoney, checking that they add up."""
    net, tax, gross = (Decimal(value[k]["amount"]) for k in ("net", "tax", "gross"))
    assert net + tax == gross and value["currency"] == "EUR", value
    return net, tax, gross


def add(*amounts: tuple[Decimal, Decimal, Decimal]) -> tuple[Decimal, Decimal, Decimal]:
    total = (Decimal(0), Decimal(0), Decimal(0))
    for amount in amounts:
        total = (total[0] + amount[0], total[1] + amount[1], total[2] + amount[2])
    return total


def edges(connection: Json) -> list[Json]:
    return [edge["node"] for edge in connection["edges"]]


class Storefront:
    """Sends the operation files by name, as a storefront or a dashboard would."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.used: set[str] = set()

    async def send(self, name: str, variables: Json, token: str | None) -> Json:
        self.used.add(name)
        text = (OPERATIONS / f"{name}.graphql").read_text(encoding="utf-8")
        return await self.client.raw(text, variables, token)

    async def read(self, name: str, token: str | None = None, **variables: Any) -> Any:
        """Run a query; returns its single root field."""
        body = await self.send(name, variables, token)
        assert not body.get("errors"), (name, body["errors"])
        [value] = body["data"].values()
        return value

    async def call(self, name: str, token: str | None = None, **variables: Any) -> Json:
        """Run a mutation that must succeed; returns its payload."""
        body = await self.send(name, variables, token)
        assert not body.get("errors"), (name, body["errors"])
        [payload] = body["data"].values()
        assert payload["errors"] == [], (name, payload["errors"])
        result: Json = payload
        return result

    async def refused(self, name: str, token: str | None = None, **variables: Any
                      ) -> list[str]:
        """Run a mutation that must be refused in its payload; returns the error codes."""
        body = await self.send(name, variables, token)
        assert not body.get("errors"), (name, body["errors"])
        [payload] = body["data"].values()
        assert payload["errors"], (name, payload)
        for error in payload["errors"]:
            assert error["message"], error
        return [error["code"] for error in payload["errors"]]

    async def denied(self, name: str, token: str | None = None, **variables: Any) -> None:
        """Run an operation the caller may not use at all (a GraphQL permission error)."""
        body = await self.send(name, variables, token)
        assert body.get("errors"), (name, body)
        assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED", body

    async def login(self, email: str) -> str:
        signed = await self.call("TokenCreate", email=email, password=DEMO_PASSWORD)
        assert signed["user"]["email"] == email
        token: str = signed["token"]
        return token


@dataclass
class Pick:
    """A product found in the listing, and the variant the buyer takes."""

    slug: str
    kind: str
    vendor_id: str
    variant_id: str
    sku_name: str
    price: Decimal
    available: int
    starts_at: str | None = None


@dataclass
class Catalogue:
    huelva: Json
    faro: Json
    picks: dict[str, Pick] = field(default_factory=dict)


async def available(api: Storefront, pick: Pick) -> int | None:
    """The product page's "units (or seats) left" for the picked variant."""
    product = await api.read("ProductDetails", slug=pick.slug, **WHERE)
    [variant] = [v for v in product["variants"] if v["id"] == pick.variant_id]
    assert money(variant["price"]) == pick.price
    left: int | None = variant["quantityAvailable"]
    return left


async def find_products(api: Storefront) -> Catalogue:
    vendors = edges(await api.read("VendorList", languageCode="PT"))
    by_country = {v["country"]: v for v in vendors if v["name"] != "Ediciones Doñana"}
    catalogue = Catalogue(huelva=by_country["ES"], faro=by_country["PT"])
    assert catalogue.huelva["region"] == "La Palma del Condado, Huelva"
    assert catalogue.faro["region"] == "Faro"

    async def pick(kind: str, vendor: Json, *, bookable: bool = False, skip: int = 0) -> Pick:
        listing = await api.read("ProductList", first=50,
                                 filter={"kind": kind, "vendorId": vendor["id"]}, **WHERE)
        assert listing["totalCount"] == len(listing["edges"]) >= 1
        # A DIGITAL variant shows quantityAvailable 0 although it can be bought (see
        # test_a_download_is_not_shown_as_sold_out), so only goods and seats are counted.
        candidates = [(node, variant) for node in edges(listing) for variant in node["variants"]
                      if money(variant["price"]) > 0 and (variant["startsAt"] is not None) ==
                      bookable and (kind == "DIGITAL" or variant["quantityAvailable"] >= 1)]
        node, variant = candidates[skip]
        assert node["kind"] == kind and node["vendor"]["id"] == vendor["id"]
        assert node["pricing"]["currency"] == "EUR"
        return Pick(slug=node["slug"], kind=kind, vendor_id=vendor["id"],
                    variant_id=variant["id"], sku_name=variant["name"],
                    price=money(variant["price"]), available=variant["quantityAvailable"],
                    starts_at=variant["startsAt"])

    picks = catalogue.picks
    picks["wine"] = await pick("PHYSICAL", catalogue.huelva)      # goods from Huelva
    picks["tile"] = await pick("PHYSICAL", catalogue.faro, skip=1)  # more goods from Faro
    picks["salt"] = await pick("PHYSICAL", catalogue.faro)        # goods from Faro
    picks["slot"] = await pick("SERVICE", catalogue.huelva, bookable=True)  # a booked hour
    picks["slot2"] = await pick("SERVICE", catalogue.huelva, bookable=True, skip=1)
    picks["ebook"] = await pick("DIGITAL", catalogue.faro)        # a download
    assert picks["salt"].slug != picks["tile"].slug
    assert picks["slot"].slug == picks["slot2"].slug and picks["slot"].starts_at
    assert picks["wine"].available >= 5 and picks["salt"].available >= 5
    return catalogue


def lines_of(checkout: Json) -> dict[str, int]:
    return {line["variant"]["id"]: line["quantity"] for line in checkout["lines"]}


def check_checkout_totals(checkout: Json, catalogue: Catalogue) -> None:
    """Every line is priced from the catalogue, every vendor's part and the whole add up."""
    price = {p.variant_id: p.price for p in catalogue.picks.values()}
    for line in checkout["lines"]:
        # the demo runs vendor promotions: the undiscounted total is the catalogue's price
        full = price[line["variant"]["id"]] * line["quantity"]
        assert taxed(line["undiscountedTotal"])[2] == full
        assert taxed(line["unitPrice"])[2] <= price[line["variant"]["id"]]
        assert taxed(line["totalPrice"])[2] <= full
        assert set(line["taxDecision"]) == {"rate", "treatment", "territory", "legalNote"}
        assert line["taxDecision"]["treatment"] and Decimal(line["taxDecision"]["rate"]) >= 0
        assert line["isAvailable"] is True
    line_totals = {line["id"]: taxed(line["totalPrice"]) for line in checkout["lines"]}
    assert sorted(i for v in checkout["vendors"] for i in v["lineIds"]) == sorted(line_totals)
    for part in checkout["vendors"]:
        subtotal = taxed(part["subtotalPrice"])
        assert subtotal == add(*(line_totals[i] for i in part["lineIds"]))
        assert taxed(part["totalPrice"]) == add(subtotal, taxed(part["shippingPrice"]))
    assert taxed(checkout["subtotalPrice"]) == add(*(taxed(v["subtotalPrice"])
                                                     for v in checkout["vendors"]))
    assert taxed(checkout["shippingPrice"]) == add(*(taxed(v["shippingPrice"])
                                                     for v in checkout["vendors"]))
    assert taxed(checkout["totalPrice"]) == add(*(taxed(v["totalPrice"])
                                                  for v in checkout["vendors"]))


def check_order_totals(order: Json) -> None:
    """The vendor orders add up to the order to the cent (net, tax and gross)."""
    parts = [taxed(part["total"]) for part in order["vendorOrders"]]
    assert add(*parts) == taxed(order["total"])
    for part in order["vendorOrders"]:
        lines = [taxed(line["totalPrice"]) for line in part["lines"]]
        assert taxed(part["total"]) == add(*lines, taxed(part["shippingPrice"]))


async def choose_shipping(api: Storefront, checkout: Json, token: str | None,
                          prefer: dict[str, str] | None = None) -> Json:
    """The delivery step: for each vendor that ships, a method from its shipping list that
    ships to the address (``prefer``: vendor id -> method name)."""
    for part in checkout["vendors"]:
        if not part["isShippingRequired"]:
            assert part["availableShippingMethods"] == [] and part["shippingMethod"] is None
            continue
        vendor = await api.read("VendorShippingMethods", slug=part["vendor"]["slug"],
                                languageCode="PT")
        country = checkout["shippingAddress"]["country"]
        shipping_here = [m for m in vendor["shippingMethods"] if country in m["countries"]]
        offered = part["availableShippingMethods"]
        assert [m["id"] for m in offered] == [m["id"] for m in shipping_here]
        wanted = (prefer or {}).get(part["vendor"]["id"])
        [method] = [m for m in offered if m["name"] == wanted] if wanted else offered[:1]
        checkout = (await api.call("CheckoutShippingMethodUpdate", token, id=checkout["id"],
                                   vendorId=part["vendor"]["id"],
                                   shippingMethodId=method["id"]))["checkout"]
        [chosen] = [v for v in checkout["vendors"] if v["vendor"]["id"] == part["vendor"]["id"]]
        assert chosen["shippingMethod"]["id"] == method["id"]
    return checkout


@dataclass
class Flow:
    api: Storefront
    catalogue: Catalogue
    customer: str = ""
    operator: str = ""
    vendor_es: str = ""
    vendor_pt: str = ""
    stock: dict[str, int] = field(default_factory=dict)

    @property
    def picks(self) -> dict[str, Pick]:
        return self.catalogue.picks


async def guest_checkout(flow: Flow) -> Json:
    """An anonymous buyer: a cart, then contact, address, delivery, e-mail and the order."""
    api, picks = flow.api, flow.picks
    created = (await api.call("CheckoutCreate", input={
        "lines": [{"variantId": picks["salt"].variant_id, "quantity": 2}],
        "languageCode": "ES"}))["checkout"]
    assert created["email"] is None and created["languageCode"] == "ES"
    assert lines_of(created) == {picks["salt"].variant_id: 2}
    checkout_id = created["id"]
    seen = await api.read("CheckoutDetails", id=checkout_id)  # anyone holding the id
    assert seen["id"] == checkout_id and lines_of(seen) == lines_of(created)

    missing = await api.refused("CheckoutComplete", id=checkout_id)
    assert {"EMAIL_REQUIRED", "SHIPPING_ADDRESS_REQUIRED"} <= set(missing)
    addressed = (await api.call("CheckoutAddressUpdate", id=checkout_id,
                                shippingAddress=FARO))["checkout"]
    assert addressed["shippingAddress"]["city"] == "Faro"
    assert addressed["billingAddress"] is None
    assert "SHIPPING_METHOD_REQUIRED" in await api.refused("CheckoutComplete", id=checkout_id,
                                                           paymentGateway="manual")
    assert await api.refused("CheckoutComplete", id=checkout_id,
                             paymentGateway="no-such-gateway") == ["INVALID_GATEWAY"]
    shipped = await choose_shipping(api, addressed, None)
    assert await api.refused("CheckoutEmailUpdate", id=checkout_id, email="not-an-email")
    emailed = (await api.call("CheckoutEmailUpdate", id=checkout_id,
                              email="guest@example.com"))["checkout"]
    assert emailed["email"] == "guest@example.com"
    business = (await api.call("CheckoutVatIdUpdate", id=checkout_id,
                               vatId="pt 501 964 819"))["checkout"]
    assert business["vatId"] == "PT501964819"
    private = (await api.call("CheckoutVatIdUpdate", id=checkout_id, vatId=""))["checkout"]
    assert private["vatId"] is None
    assert private["totalPrice"] == shipped["totalPrice"]
    check_checkout_totals(private, flow.catalogue)

    done = await api.call("CheckoutComplete", id=checkout_id)
    order: Json = done["order"]
    assert order["status"] == "UNPAID" and order["email"] == "guest@example.com"
    assert done["paymentAction"] is None  # the manual gateway: pay by transfer
    assert [p["vendor"]["id"] for p in order["vendorOrders"]] == [flow.catalogue.faro["id"]]
    assert taxed(order["total"]) == taxed(private["totalPrice"])
    check_order_totals(order)
    # A guest sees the order in the completion response only: its id gives nothing away.
    assert await api.read("OrderDetails", id=order["id"]) is None
    assert await api.read("OrderDetails", flow.customer, id=order["id"]) is None
    return order


async def vendor_sets_up_shipping(flow: Flow) -> None:
    """The Faro vendor adds a cheaper method for Portugal and one for Spain only."""
    api = flow.api
    created = (await api.call("ShippingMethodCreate", flow.vendor_pt, input={
        "name": "CTT Correio Verde", "countries": ["PT"], "price": "2.00"}))["shippingMethod"]
    assert created["price"] == {"amount": "2.00", "currency": "EUR"}
    assert created["freeOver"] is None and created["isActive"] is True
    updated = (await api.call("ShippingMethodUpdate", flow.vendor_pt, id=created["id"],
                              input={"price": "2.50"}))["shippingMethod"]
    assert updated["price"]["amount"] == "2.50" and updated["name"] == "CTT Correio Verde"
    assert updated["countries"] == ["PT"]
    spain = (await api.call("ShippingMethodCreate", flow.vendor_pt, input={
        "name": "Envío a España", "countries": ["ES"], "price": "6.00"}))["shippingMethod"]
    assert await api.refused("ShippingMethodCreate", flow.vendor_pt, input={
        "name": "Nowhere", "countries": [], "price": "1.00"}) == ["REQUIRED"]
    await api.denied("ShippingMethodUpdate", flow.vendor_es, id=spain["id"],
                     input={"isActive": False})
    listed = await api.read("VendorShippingMethods", slug=flow.catalogue.faro["slug"])
    assert [m["name"] for m in listed["shippingMethods"]] == [
        "CTT Expresso", "CTT Correio Verde", "Envío a España"]


async def customer_checkout(flow: Flow) -> tuple[Json, Json]:
    """The signed-in customer's cart across both vendors; returns (checkout, order)."""
    api, picks, token = flow.api, flow.picks, flow.customer
    wine, salt, tile, slot, ebook = (picks[k] for k in ("wine", "salt", "tile", "slot", "ebook"))
    created = (await api.call("CheckoutCreate", token, input={
        "lines": [{"variantId": wine.variant_id, "quantity": 1},
                  {"variantId": salt.variant_id, "quantity": 3},
                  {"variantId": slot.variant_id, "quantity": 1}],
        "languageCode": "PT"}))["checkout"]
    checkout_id = created["id"]
    assert created["email"] == CUSTOMER  # the signed-in customer's address by default
    # A signed-in customer's checkout is theirs alone.
    assert await api.read("CheckoutDetails", id=checkout_id) is None
    assert await api.refused("CheckoutEmailUpdate", id=checkout_id,
                             email="thief@example.com") == ["NOT_FOUND"]
    too_many = await api.refused("CheckoutLinesAdd", token, id=checkout_id, lines=[
        {"variantId": slot.variant_id, "quantity": slot.available}])
    assert too_many == ["INSUFFICIENT_STOCK"]

    added = (await api.call("CheckoutLinesAdd", token, id=checkout_id, lines=[
        {"variantId": wine.variant_id, "quantity": 1},
        {"variantId": ebook.variant_id, "quantity": 1},
        {"variantId": tile.variant_id, "quantity": 1}]))["checkout"]
    assert lines_of(added) == {wine.variant_id: 2, salt.variant_id: 3, slot.variant_id: 1,
                               ebook.variant_id: 1, tile.variant_id: 1}
    updated = (await api.call("CheckoutLinesUpdate", token, id=checkout_id, lines=[
        {"variantId": salt.variant_id, "quantity": 1}]))["checkout"]
    assert lines_of(updated)[salt.variant_id] == 1
    [tile_line] = [ln["id"] for ln in updated["lines"] if ln["variant"]["id"] == tile.variant_id]
    deleted = (await api.call("CheckoutLinesDelete", token, id=checkout_id,
                              lineIds=[tile_line]))["checkout"]
    assert lines_of(deleted) == {wine.variant_id: 2, salt.variant_id: 1, slot.variant_id: 1,
                                 ebook.variant_id: 1}
    kinds = {ln["variant"]["id"]: (ln["variant"]["product"]["kind"], ln["requiresShipping"])
             for ln in deleted["lines"]}
    assert kinds == {wine.variant_id: ("PHYSICAL", True), salt.variant_id: ("PHYSICAL", True),
                     slot.variant_id: ("SERVICE", False), ebook.variant_id: ("DIGITAL", False)}

    addressed = (await api.call("CheckoutAddressUpdate", token, id=checkout_id,
                                shippingAddress=FARO, billingAddress=FARO))["checkout"]
    assert addressed["shippingAddress"]["postalCode"] == "8000-138"
    assert addressed["billingAddress"]["country"] == "PT"
    details = await api.read("CheckoutDetails", token, id=checkout_id)
    assert details == addressed
    parts = {p["vendor"]["id"]: p for p in details["vendors"]}
    assert set(parts) == {flow.catalogue.huelva["id"], flow.catalogue.faro["id"]}
    assert all(p["isShippingRequired"] for p in parts.values())
    faro_methods = [m["name"] for m in parts[flow.catalogue.faro["id"]]
                    ["availableShippingMethods"]]
    assert faro_methods == ["CTT Expresso", "CTT Correio Verde"]  # not the one for Spain
    [spain_only] = [m for m in (await api.read(
        "VendorShippingMethods", slug=flow.catalogue.faro["slug"]))["shippingMethods"]
        if m["countries"] == ["ES"]]
    assert await api.refused("CheckoutShippingMethodUpdate", token, id=checkout_id,
                             vendorId=flow.catalogue.faro["id"],
                             shippingMethodId=spain_only["id"]) == ["SHIPPING_NOT_AVAILABLE"]
    checkout = await choose_shipping(api, details, token, prefer={
        flow.catalogue.faro["id"]: "CTT Correio Verde"})
    check_checkout_totals(checkout, flow.catalogue)
    shipping = {p["vendor"]["id"]: money(p["shippingPrice"]["gross"])
                for p in checkout["vendors"]}
    # Correos Express 4.95 (free over 50.00 of goods; the wine is 2 x 14.50), CTT 2.50.
    assert shipping == {flow.catalogue.huelva["id"]: Decimal("4.95"),
                        flow.catalogue.faro["id"]: Decimal("2.50")}
    # the demo's vendor promotions may reduce lines: the lines' totals, checked above
    lines = sum((taxed(line["totalPrice"])[2] for line in checkout["lines"]), Decimal(0))
    assert lines <= 2 * wine.price + salt.price + slot.price + ebook.price
    expected = lines + sum(shipping.values())
    assert taxed(checkout["totalPrice"])[2] == expected

    done = await api.call("CheckoutComplete", token, id=checkout_id)
    order = done["order"]
    assert done["paymentAction"] is None  # manual gateway: the operator records the payment
    assert order["status"] == "UNPAID" and order["paidAt"] is None
    assert order["email"] == CUSTOMER and order["paymentGateway"] == "manual"
    assert order["shippingAddress"]["city"] == "Faro"
    assert order["languageCode"] == "PT"
    return checkout, order


def check_the_order(flow: Flow, checkout: Json, order: Json) -> None:
    picks, huelva, faro = flow.picks, flow.catalogue.huelva, flow.catalogue.faro
    parts = order["vendorOrders"]
    assert [p["vendor"]["id"] for p in parts] == [huelva["id"], faro["id"]]
    assert all(p["status"] == "UNPAID" and p["orderNumber"] == order["number"] for p in parts)
    check_order_totals(order)
    assert taxed(order["total"]) == taxed(checkout["totalPrice"])
    assert sum(money(p["total"]["gross"]) for p in parts) == money(order["total"]["gross"])
    in_checkout = {p["vendor"]["id"]: p for p in checkout["vendors"]}
    for part in parts:
        before = in_checkout[part["vendor"]["id"]]
        assert taxed(part["total"]) == taxed(before["totalPrice"])
        assert taxed(part["shippingPrice"]) == taxed(before["shippingPrice"])
        assert part["shippingMethodName"] == before["shippingMethod"]["name"]
    lines = {line["productKind"] + ":" + line["variantName"]: line
             for part in parts for line in part["lines"]}
    assert len(lines) == 4
    [slot_line] = [ln for ln in lines.values() if ln["productKind"] == "SERVICE"]
    [booking] = slot_line["bookings"]
    assert booking["status"] == "HELD" and booking["holdExpiresAt"]
    assert booking["startsAt"] == picks["slot"].starts_at
    for line in lines.values():
        assert line["downloadUrl"] is None  # nothing to download before the payment
        if line["productKind"] != "SERVICE":
            assert line["bookings"] == []


async def operator_records_the_payment(flow: Flow, order: Json) -> Json:
    api = flow.api
    await api.denied("OrderMarkPaid", flow.customer, id=order["id"])
    seen = await api.read("OrderDetails", flow.operator, id=order["id"])
    assert seen["number"] == order["number"] and len(seen["vendorOrders"]) == 2
    assert taxed(seen["total"]) == taxed(order["total"])
    paid: Json = (await api.call("OrderMarkPaid", flow.operator, id=order["id"]))["order"]
    assert paid["status"] == "PAID" and paid["paidAt"]
    assert [p["status"] for p in paid["vendorOrders"]] == ["PAID", "PAID"]
    assert await api.refused("OrderMarkPaid", flow.operator, id=order["id"]) == [
        "INVALID_STATUS"]
    bookings = [b["status"] for p in paid["vendorOrders"] for ln in p["lines"]
                for b in ln["bookings"]]
    assert bookings == ["CONFIRMED"]
    # The operator is not the buyer: no download link in the operator's view.
    assert all(ln["downloadUrl"] is None for p in paid["vendorOrders"] for ln in p["lines"])
    assert await api.refused("OrderCancel", flow.customer, id=order["id"]) == ["INVALID_STATUS"]
    return paid


async def customer_downloads(flow: Flow, order: Json) -> None:
    mine = await flow.api.read("OrderDetails", flow.customer, id=order["id"])
    assert mine["status"] == "PAID"
    links = {ln["productKind"]: ln["downloadUrl"] for p in mine["vendorOrders"]
             for ln in p["lines"]}
    assert links["PHYSICAL"] is None and links["SERVICE"] is None
    public_url = flow.api.client.runtime.settings.public_url
    assert links["DIGITAL"].startswith(f"{public_url}/downloads/")
    followed = await flow.api.client.http.get(links["DIGITAL"])
    assert followed.status_code == 200  # the demo e-book: a PDF in private storage
    assert followed.headers["content-type"] == "application/pdf"
    assert followed.content.startswith(b"%PDF-")
    [booking] = [b for p in mine["vendorOrders"] for ln in p["lines"] for b in ln["bookings"]]
    assert booking["status"] == "CONFIRMED"


async def vendors_fulfil(flow: Flow, order: Json, guest_order: Json) -> None:
    api, huelva, faro = flow.api, flow.catalogue.huelva, flow.catalogue.faro
    own_skus = {ln["sku"] for p in order["vendorOrders"] if p["vendor"]["id"] == huelva["id"]
                for ln in p["lines"]}

    listed = await api.read("VendorOrders", flow.vendor_es)
    assert listed["id"] == huelva["id"]
    [mine] = edges(listed["orders"])
    assert listed["orders"]["totalCount"] == 1  # the guest bought from Faro only
    assert mine["orderNumber"] == order["number"] and mine["status"] == "PAID"
    assert mine["vendor"]["id"] == huelva["id"]
    assert mine["customerEmail"] == CUSTOMER
    assert mine["shippingAddress"]["city"] == "Faro"
    assert mine["shippingAddress"]["postalCode"] == "8000-138"
    assert {ln["sku"] for ln in mine["lines"]} == own_skus
    assert all(ln["downloadUrl"] is None for ln in mine["lines"])
    [huelva_part] = [p for p in order["vendorOrders"] if p["vendor"]["id"] == huelva["id"]]
    assert taxed(mine["total"]) == taxed(huelva_part["total"])
    assert edges((await api.read("VendorOrders", flow.vendor_es,
                                 filter={"status": "PAID"}))["orders"]) == [mine]
    assert edges((await api.read("VendorOrders", flow.vendor_es,
                                 filter={"status": "FULFILLED"}))["orders"]) == []

    # The order page, seen by the vendor: its own part only, not the whole order's total.
    seen = await api.read("OrderDetails", flow.vendor_es, id=order["id"])
    assert [p["vendor"]["id"] for p in seen["vendorOrders"]] == [huelva["id"]]
    assert seen["total"] is None

    [faro_part] = [p for p in order["vendorOrders"] if p["vendor"]["id"] == faro["id"]]
    await api.denied("VendorOrderFulfill", flow.vendor_es, id=faro_part["id"])
    shipped = (await api.call("VendorOrderFulfill", flow.vendor_es, id=mine["id"],
                              trackingNumber="ES123456789"))["vendorOrder"]
    assert shipped["status"] == "FULFILLED" and shipped["trackingNumber"] == "ES123456789"
    assert shipped["fulfilledAt"] and shipped["orderNumber"] == order["number"]
    assert shipped["shippingMethodName"] == "Correos Express"
    assert await api.refused("VendorOrderFulfill", flow.vendor_es, id=mine["id"]) == [
        "INVALID_STATUS"]
    half = await api.read("OrderDetails", flow.customer, id=order["id"])
    assert half["status"] == "PAID"
    assert [p["status"] for p in half["vendorOrders"]] == ["FULFILLED", "PAID"]

    faro_orders = edges((await api.read("VendorOrders", flow.vendor_pt))["orders"])
    assert sorted(o["orderNumber"] for o in faro_orders) == sorted(
        [guest_order["number"], order["number"]])
    assert {o["vendor"]["id"] for o in faro_orders} == {faro["id"]}
    # The e-book is Faro's: its vendor sees the line, never the buyer's download link.
    faro_lines = [ln for o in faro_orders for ln in o["lines"]]
    assert "DIGITAL" in {ln["productKind"] for ln in faro_lines}
    assert all(ln["downloadUrl"] is None for ln in faro_lines)
    faro_view = await api.read("OrderDetails", flow.vendor_pt, id=order["id"])
    assert [p["vendor"]["id"] for p in faro_view["vendorOrders"]] == [faro["id"]]
    assert all(ln["downloadUrl"] is None for ln in faro_view["vendorOrders"][0]["lines"])
    [unpaid] = [o for o in faro_orders if o["orderNumber"] == guest_order["number"]]
    assert unpaid["status"] == "UNPAID" and unpaid["customerEmail"] == "guest@example.com"
    assert await api.refused("VendorOrderFulfill", flow.vendor_pt, id=unpaid["id"]) == [
        "INVALID_STATUS"]
    await api.call("VendorOrderFulfill", flow.vendor_pt, id=faro_part["id"])
    done = await api.read("OrderDetails", flow.customer, id=order["id"])
    assert done["status"] == "FULFILLED"
    assert [p["trackingNumber"] for p in done["vendorOrders"]] == ["ES123456789", None]


async def cancel_gives_stock_back(flow: Flow) -> Json:
    """A second order, unpaid, cancelled by the customer: stock and the seat come back."""
    api, picks, token = flow.api, flow.picks, flow.customer
    wine, slot2 = picks["wine"], picks["slot2"]
    wine_before, slot_before = await available(api, wine), await available(api, slot2)
    created = (await api.call("CheckoutCreate", token, input={
        "lines": [{"variantId": wine.variant_id, "quantity": 3},
                  {"variantId": slot2.variant_id, "quantity": 1}],
        "shippingAddress": FARO}))["checkout"]
    checkout = await choose_shipping(api, created, token)
    order: Json = (await api.call("CheckoutComplete", token, id=checkout["id"]))["order"]
    assert order["status"] == "UNPAID"
    assert await available(api, wine) == wine_before - 3
    seat = {"lines": [{"variantId": slot2.variant_id, "quantity": slot2.available}]}
    assert await api.refused("CheckoutCreate", input=seat) == ["INSUFFICIENT_STOCK"]
    assert await api.refused("OrderCancel", flow.vendor_es, id=order["id"]) == ["NOT_FOUND"]

    cancelled = (await api.call("OrderCancel", token, id=order["id"]))["order"]
    assert cancelled["status"] == "CANCELLED"
    assert [p["status"] for p in cancelled["vendorOrders"]] == ["CANCELLED"]
    assert [b["status"] for p in cancelled["vendorOrders"] for ln in p["lines"]
            for b in ln["bookings"]] == ["CANCELLED_BY_CUSTOMER"]
    assert await available(api, wine) == wine_before
    assert await available(api, slot2) == slot_before
    await api.call("CheckoutCreate", input=seat)  # the seat is free again
    assert await api.refused("OrderCancel", token, id=order["id"]) == ["INVALID_STATUS"]
    assert await available(api, wine) == wine_before  # given back once only
    return order


async def test_storefront_flow_end_to_end(demo: Runtime, client: Client) -> None:
    api = Storefront(client)
    catalogue = await find_products(api)
    flow = Flow(api, catalogue)
    flow.customer = await api.login(CUSTOMER)
    flow.operator = await api.login(OPERATOR)
    flow.vendor_es = await api.login(VENDOR_ES)
    flow.vendor_pt = await api.login(VENDOR_PT)
    stock = {key: await available(api, pick) for key, pick in flow.picks.items()}
    assert stock["wine"] == flow.picks["wine"].available

    # Before any order: nothing in "my orders" nor in the vendor's order list.
    assert (await api.read("MyOrders", flow.customer))["totalCount"] == 0
    assert (await api.read("VendorOrders", flow.vendor_es))["orders"]["totalCount"] == 0

    guest_order = await guest_checkout(flow)
    assert await available(api, flow.picks["salt"]) == stock["salt"] - 2
    await vendor_sets_up_shipping(flow)

    checkout, order = await customer_checkout(flow)
    check_the_order(flow, checkout, order)
    assert order["number"] == guest_order["number"] + 1
    again = await api.call("CheckoutComplete", flow.customer, id=checkout["id"])
    assert (again["order"]["id"], again["order"]["number"]) == (order["id"], order["number"])
    assert taxed(again["order"]["total"]) == taxed(order["total"])
    assert await api.refused("CheckoutLinesAdd", flow.customer, id=checkout["id"], lines=[
        {"variantId": flow.picks["wine"].variant_id, "quantity": 1}]) == ["CHECKOUT_COMPLETED"]
    assert await available(api, flow.picks["wine"]) == stock["wine"] - 2  # taken once
    assert await available(api, flow.picks["salt"]) == stock["salt"] - 3
    assert await available(api, flow.picks["ebook"]) == stock["ebook"]  # no stock to take

    await operator_records_the_payment(flow, order)
    await customer_downloads(flow, order)
    await vendors_fulfil(flow, order, guest_order)

    mine = await api.read("MyOrders", flow.customer)
    assert mine["totalCount"] == 1  # the guest order is nobody's
    [listed] = edges(mine)
    assert (listed["id"], listed["number"], listed["status"]) == (
        order["id"], order["number"], "FULFILLED")
    assert taxed(listed["total"]) == taxed(order["total"])
    assert [ln["downloadUrl"] is not None for p in listed["vendorOrders"] for ln in p["lines"]
            if ln["productKind"] == "DIGITAL"] == [True]

    cancelled = await cancel_gives_stock_back(flow)
    mine = edges(await api.read("MyOrders", flow.customer))
    assert [(o["number"], o["status"]) for o in mine] == [
        (order["number"], "FULFILLED"), (cancelled["number"], "CANCELLED")]

    # The operator cancels the guest's unpaid order: the salt goes back on the shelf.
    operator_cancel = (await api.call("OrderCancel", flow.operator,
                                      id=guest_order["id"]))["order"]
    assert operator_cancel["status"] == "CANCELLED"
    assert await available(api, flow.picks["salt"]) == stock["salt"] - 1

    assert api.used >= FLOW_OPERATIONS, sorted(FLOW_OPERATIONS - api.used)


async def test_a_booked_slot_shows_no_places_left(demo: Runtime, client: Client) -> None:
    api = Storefront(client)
    catalogue = await find_products(api)
    slot = catalogue.picks["slot"]
    token = await api.login(CUSTOMER)
    seats = await available(api, slot)
    assert seats >= 1
    created = (await api.call("CheckoutCreate", token, input={
        "lines": [{"variantId": slot.variant_id, "quantity": seats}],
        "billingAddress": FARO}))["checkout"]
    await api.call("CheckoutComplete", token, id=created["id"])
    again = await api.refused("CheckoutCreate", token, input={
        "lines": [{"variantId": slot.variant_id, "quantity": 1}]})
    assert again == ["INSUFFICIENT_STOCK"]  # the engine knows the slot is full...
    assert await available(api, slot) == 0  # ...and so does the product page


async def test_a_download_is_not_shown_as_sold_out(demo: Runtime, client: Client) -> None:
    api = Storefront(client)
    ebook = (await find_products(api)).picks["ebook"]
    token = await api.login(CUSTOMER)
    created = (await api.call("CheckoutCreate", token, input={
        "lines": [{"variantId": ebook.variant_id, "quantity": 3}],
        "billingAddress": FARO}))["checkout"]
    assert lines_of(created) == {ebook.variant_id: 3}  # the engine sells it
    assert await available(api, ebook) is None  # and the product page says: no limit


async def test_the_cart_speaks_the_buyers_language(demo: Runtime, client: Client) -> None:
    api = Storefront(client)
    wine = (await find_products(api)).picks["wine"]
    page = await api.read("ProductDetails", slug=wine.slug, **WHERE)
    assert page["name"] == "Vinho Laranja do Condado"
    created = (await api.call("CheckoutCreate", input={
        "lines": [{"variantId": wine.variant_id, "quantity": 1}],
        "languageCode": "PT"}))["checkout"]
    assert created["languageCode"] == "PT"
    assert created["lines"][0]["variant"]["product"]["name"] == page["name"]
