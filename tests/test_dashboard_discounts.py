"""Dashboard pages for promotions and vouchers, in process: a vendor starts and ends a
promotion and a voucher; bad input is shown on the form and writes nothing; operators
alone manage platform-funded vouchers; a vendor cannot end another vendor's voucher."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.applications import Starlette

from engine.testing.client import PASSWORD, Client
from tests.web_browser import Browser

PROMOTIONS = "{ myVendor { promotions { name kind value isActive } } }"
SCOPED = "{ myVendor { promotions { name productIds categoryIds minSubtotal { amount } } } }"
LINES = """mutation($i: CheckoutCreateInput!) { checkoutCreate(input: $i) { checkout {
  lines { variant { id } promotionName } } errors { field code message } } }"""
BUYER = {"firstName": "Ana", "lastName": "Silva", "streetAddress1": "Calle Mayor 1",
         "city": "Madrid", "postalCode": "28001", "country": "ES"}
VOUCHERS = "{ myVendor { vouchers { id code kind value usageLimit isActive } } }"


def end_form(page: str, prefix: str) -> str:
    found = re.search(rf'action="({prefix}/[^"]+/end)"', page)
    assert found is not None, page[:500]
    return found.group(1)


async def test_a_vendor_starts_and_ends_a_promotion_from_the_dashboard(
        app: Starlette, client: Client) -> None:
    token, _ = await client.vendor("es@example.com", "Bodega ES")
    async with Browser(app) as browser:
        await browser.login("es@example.com", PASSWORD)
        bad = await browser.post("/dashboard/promotions", {
            "name": "Primavera", "kind": "PERCENTAGE", "value": "150", "startsOn": "2026-12-01"})
        assert bad.status_code == 400 and 'aria-invalid="true"' in bad.text
        assert (await client.gql(PROMOTIONS, token=token))["myVendor"]["promotions"] == []
        done = await browser.post("/dashboard/promotions", {
            "name": "Primavera", "kind": "PERCENTAGE", "value": "15", "startsOn": "2026-12-01",
            "endsOn": "2026-12-31"})
        assert done.status_code == 303
        page = await browser.get("/dashboard/promotions")
        assert "Primavera" in page.text and "Promotion started." in page.text
        ended = await browser.post(end_form(page.text, "/dashboard/promotions"), {},
                                   form_page="/dashboard/promotions")
        assert ended.status_code == 303
    promotions = (await client.gql(PROMOTIONS, token=token))["myVendor"]["promotions"]
    assert promotions == [{"name": "Primavera", "kind": "PERCENTAGE", "value": "15.00",
                           "isActive": False}]


async def promoted(client: Client, quantities: dict[str, int]) -> dict[str, Any]:
    """Per variant id, the promotion a checkout gives its line (None: none)."""
    data = (await client.gql(LINES, {"i": {
        "email": "buyer@example.com", "shippingAddress": BUYER,
        "lines": [{"variantId": v, "quantity": q} for v, q in quantities.items()]}})
            )["checkoutCreate"]
    assert data["errors"] == [], data
    return {line["variant"]["id"]: line["promotionName"] for line in data["checkout"]["lines"]}


async def test_a_promotion_for_chosen_products_with_a_minimum_spend_applies_to_them_only(
        app: Starlette, client: Client) -> None:
    token, _ = await client.vendor("es@example.com", "Bodega ES")
    other, _ = await client.vendor("pt@example.com", "Loja PT", country="PT",
                                   postal_code="8000-138")
    oil, oil_variant = await client.product(token, "Aceite", price="20.00")
    _, wine_variant = await client.product(token, "Vino", price="20.00")
    foreign, _ = await client.product(other, "Mel", price="20.00")
    yesterday = (datetime.now(UTC) - timedelta(days=1)).date().isoformat()
    form = {"name": "Aceite 10", "kind": "PERCENTAGE", "value": "10", "startsOn": yesterday,
            "scope": "PRODUCTS", "minSubtotal": "30"}
    async with Browser(app) as browser:
        await browser.login("es@example.com", PASSWORD)
        page = await browser.get("/dashboard/promotions")
        assert f'name="productIds" type="checkbox" value="{oil}"' in page.text
        assert foreign not in page.text  # only the vendor's own products are offered
        for bad, field in (({"productIds": []}, "productIds"),
                           ({"productIds": [foreign]}, "productIds"),
                           ({"productIds": [oil], "minSubtotal": "treinta"}, "minSubtotal")):
            refused = await browser.post("/dashboard/promotions", {**form, **bad})
            assert refused.status_code == 400, refused.text[:300]
            assert f'id="{field}-error"' in refused.text
        assert (await client.gql(SCOPED, token=token))["myVendor"]["promotions"] == []
        done = await browser.post("/dashboard/promotions", {**form, "productIds": [oil]})
        assert done.status_code == 303, done.text[:500]
        listed = (await browser.get("/dashboard/promotions")).text
        assert "Products: Aceite" in listed and "30.00" in listed
    assert (await client.gql(SCOPED, token=token))["myVendor"]["promotions"] == [
        {"name": "Aceite 10", "productIds": [oil], "categoryIds": [],
         "minSubtotal": {"amount": "30.00"}}]
    # one oil (20 €) is under the minimum; two (40 €) meet it; the wine never gets it
    assert await promoted(client, {oil_variant: 1, wine_variant: 2}) == {
        oil_variant: None, wine_variant: None}
    assert await promoted(client, {oil_variant: 2, wine_variant: 1}) == {
        oil_variant: "Aceite 10", wine_variant: None}


async def test_vouchers_from_the_dashboard_and_platform_vouchers_for_operators_only(
        app: Starlette, client: Client) -> None:
    token, _ = await client.vendor("es@example.com", "Bodega ES")
    other, _ = await client.vendor("pt@example.com", "Loja PT", country="PT",
                                   postal_code="8000-138")
    await client.operator("boss@example.com")
    async with Browser(app) as browser:
        await browser.login("es@example.com", PASSWORD)
        bad = await browser.post("/dashboard/vouchers", {
            "code": "ENVIO", "kind": "FREE_SHIPPING", "value": "3", "startsOn": "2026-12-01"})
        assert bad.status_code == 400 and 'id="value-error"' in bad.text
        made = await browser.post("/dashboard/vouchers", {
            "code": "cinco", "kind": "FIXED", "value": "5,00", "startsOn": "2026-12-01",
            "usageLimit": "100"})
        assert made.status_code == 303
        assert (await browser.get("/dashboard/operator/vouchers")).status_code == 403
    vouchers = (await client.gql(VOUCHERS, token=token))["myVendor"]["vouchers"]
    assert [(v["code"], v["kind"], v["value"], v["usageLimit"]) for v in vouchers] == [
        ("CINCO", "FIXED", "5.00", 100)]
    async with Browser(app) as intruder:  # another vendor's staff cannot end it
        await intruder.login("pt@example.com", PASSWORD)
        refused = await intruder.post(f"/dashboard/vouchers/{vouchers[0]['id']}/end", {},
                                      form_page="/dashboard/vouchers")
        assert refused.status_code == 303
    assert (await client.gql(VOUCHERS, token=token))["myVendor"]["vouchers"][0]["isActive"]
    assert (await client.gql(VOUCHERS, token=other))["myVendor"]["vouchers"] == []
    async with Browser(app) as operator:
        await operator.login("boss@example.com", PASSWORD)
        made = await operator.post("/dashboard/operator/vouchers", {
            "code": "gratis", "kind": "FREE_SHIPPING", "startsOn": "2026-12-01"})
        assert made.status_code == 303
        page = await operator.get("/dashboard/operator/vouchers")
        assert "GRATIS" in page.text
        ended = await operator.post(end_form(page.text, "/dashboard/vouchers"),
                                    {"back": "/dashboard/operator/vouchers"},
                                    form_page="/dashboard/operator/vouchers")
        assert ended.headers["location"].startswith("/dashboard/operator/vouchers")
    listed = (await client.gql("{ platformVouchers { code kind isActive isPlatformFunded } }",
                               token=await client.login("boss@example.com")))
    assert listed["platformVouchers"] == [{"code": "GRATIS", "kind": "FREE_SHIPPING",
                                           "isActive": False, "isPlatformFunded": True}]
