"""The ``shop`` query and postal codes checked per country on every address."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from engine.checkout.models import Checkout
from engine.postal_codes import normalise
from engine.shop.settings import ShopSettings
from engine.vendors.models import Vendor
from tests.client import Client
from tests.shop import ADDRESS, CREATE, build

SHOP = """query($lang: LanguageCodeEnum) { shop(languageCode: $lang) { name description
  defaultCountry { code name pricesShownWithTax }
  supportedCountries { code name pricesShownWithTax } languages { code name } currencies
  supportEmail termsUrl privacyUrl } }"""


async def test_shop_answers_from_the_settings_in_the_asked_language(plugged: Any) -> None:
    shop = ShopSettings(name="Mercado Raia", description="Del Guadiana al Algarve",
                        default_country="PT", languages=("PT", "ES", "EN"),
                        prices_without_tax=("ES",), support_email="ajuda@raia.example",
                        terms_url="https://raia.example/termos",
                        privacy_url="https://raia.example/privacidade")
    async with plugged(shop=shop) as client:
        data = (await client.gql(SHOP, {"lang": "ES"}))["shop"]
    assert data["name"] == "Mercado Raia" and data["description"] == "Del Guadiana al Algarve"
    assert data["defaultCountry"] == {"code": "PT", "name": "Portugal",
                                      "pricesShownWithTax": True}
    assert data["supportedCountries"] == [
        {"code": "ES", "name": "España", "pricesShownWithTax": False},
        {"code": "PT", "name": "Portugal", "pricesShownWithTax": True}]
    assert [lang["code"] for lang in data["languages"]] == ["PT", "ES", "EN"]
    assert data["languages"][0]["name"] == "portugués"
    assert data["currencies"] == ["EUR"]
    assert data["supportEmail"] == "ajuda@raia.example"
    assert data["termsUrl"] == "https://raia.example/termos"
    assert data["privacyUrl"] == "https://raia.example/privacidade"


async def test_shop_defaults_name_the_first_supported_country(client: Client) -> None:
    data = (await client.gql(SHOP))["shop"]
    assert data["name"] == "Ruta" and data["defaultCountry"]["code"] == "ES"
    assert data["defaultCountry"]["name"] == "Spain" and data["supportEmail"] is None


async def test_bad_postal_codes_are_refused_per_country_with_the_expected_format(
        client: Client) -> None:
    shop = await build(client)
    line = [{"variantId": shop.variants["wine"], "quantity": 1}]
    cases = [("ES", "2170"), ("ES", "53001"), ("ES", "00123"), ("ES", "2170A"),
             ("PT", "800-283"), ("PT", "0800-283"), ("PT", "8000-28"), ("PT", "21700")]
    for country, code in cases:
        address = {**ADDRESS, "country": country, "postalCode": code}
        data = await client.gql(CREATE, {"i": {"email": "a@example.com", "lines": line,
                                               "shippingAddress": address}})
        assert data["checkoutCreate"]["checkout"] is None, (country, code)
        error = data["checkoutCreate"]["errors"][0]
        assert (error["field"], error["code"]) == ("shippingAddress.postalCode",
                                                   "INVALID_POSTAL_CODE"), (country, code)
        assert ("01-52" if country == "ES" else "NNNN-NNN") in error["message"]
    async with client.runtime.db.read() as session:
        assert await session.scalar(select(func.count()).select_from(Checkout)) == 0


async def test_good_postal_codes_are_stored_in_their_standard_form(client: Client) -> None:
    shop = await build(client)
    line = [{"variantId": shop.variants["wine"], "quantity": 1}]
    for country, typed, stored in [("ES", "35001", "35001"), ("ES", "52 001", "52001"),
                                   ("PT", "8000 283", "8000-283"), ("PT", "8000283", "8000-283")]:
        address = {**ADDRESS, "country": country, "postalCode": typed}
        data = await client.gql(
            CREATE.replace("checkout { id", "checkout { shippingAddress { postalCode } id"),
            {"i": {"email": "a@example.com", "lines": line, "shippingAddress": address}})
        assert data["checkoutCreate"]["errors"] == []
        assert data["checkoutCreate"]["checkout"]["shippingAddress"]["postalCode"] == stored
    assert normalise("FR", " 75001 ") == "75001"


async def test_vendors_postal_codes_follow_their_country(client: Client) -> None:
    token = await client.register("raia@example.com")
    apply = """mutation($i: VendorCreateInput!) { vendorCreate(input: $i) {
      vendor { id postalCode } errors { field code message } } }"""
    base = {"name": "Raia", "taxId": "B21000005", "pricesIncludeTax": True}
    refused = await client.gql(apply, {"i": {**base, "country": "PT", "postalCode": "21700"}},
                               token)
    assert refused["vendorCreate"]["errors"][0]["code"] == "INVALID_POSTAL_CODE"
    async with client.runtime.db.read() as session:
        assert await session.scalar(select(func.count()).select_from(Vendor)) == 0
    created = await client.gql(apply, {"i": {**base, "country": "ES", "postalCode": "21700"}},
                               token)
    vendor = created["vendorCreate"]["vendor"]
    update = """mutation($id: ID!, $i: VendorUpdateInput!) { vendorUpdate(id: $id, input: $i) {
      vendor { postalCode } errors { field code message } } }"""
    bad = await client.gql(update, {"id": vendor["id"], "i": {"postalCode": "8000-283"}}, token)
    assert bad["vendorUpdate"]["errors"][0]["code"] == "INVALID_POSTAL_CODE"
