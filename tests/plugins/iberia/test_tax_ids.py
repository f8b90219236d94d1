"""Tax numbers: vendors' NIF/NIE/CIF/NIF-PT on vendorCreate/vendorUpdate and buyers' EU VAT
numbers on checkoutVatIdUpdate (VIES through a fake), with typed errors in es/pt/en."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from plugins.iberia import vies
from plugins.iberia.tax_ids import eu_vat_number, valid_national, valid_pt_nif
from tests.client import Client
from tests.shop import ADDRESS, build, checkout

APPLY = """mutation($i: VendorCreateInput!) { vendorCreate(input: $i) {
  vendor { id } errors { field code message } } }"""
UPDATE = """mutation($id: ID!, $i: VendorUpdateInput!) { vendorUpdate(id: $id, input: $i) {
  vendor { id } errors { field code message } } }"""
VAT = """mutation($id: ID!, $v: String!) { checkoutVatIdUpdate(id: $id, vatId: $v) {
  checkout { vatId lines { taxDecision { rate treatment territory legalNote } }
    totalPrice { tax { amount } gross { amount } } } errors { field code message } } }"""


@pytest.fixture
def fake_vies() -> Iterator[vies.FakeVies]:
    fake = vies.FakeVies({"PT501964819": vies.VALID, "ESB21000005": vies.VALID,
                          "PT502011378": vies.INVALID})
    vies.use(fake)
    yield fake
    vies.use(None)


@pytest.mark.parametrize(("country", "number", "valid"), [
    ("ES", "12345678Z", True),      # DNI (NIF of a person)
    ("ES", "12345678A", False),     # wrong control letter
    ("ES", "X1234567L", True),      # NIE
    ("ES", "X1234567A", False),
    ("ES", "B21000005", True),      # CIF of a company
    ("ES", "B21000006", False),
    ("ES", "ESB21000005", True),    # in VAT form
    ("ES", "1234", False),          # malformed
    ("PT", "501964819", True),      # legal person (5)
    ("PT", "501964818", False),     # wrong check digit
    ("PT", "999999990", False),     # generic consumer number
    ("PT", "PT501964819", True),
    ("PT", "40000000", False),      # malformed (8 digits)
])
def test_national_tax_numbers(country: str, number: str, valid: bool) -> None:
    assert valid_national(country, number) is valid


def test_portuguese_leading_digits() -> None:
    # 4xxxxxxxx with a valid mod-11 check digit, but 4 alone names no taxpayer kind;
    # 45 (non-resident individuals) does.
    assert valid_pt_nif("450000001") and not valid_pt_nif("410000000")


@pytest.mark.parametrize(("given", "country", "expected"), [
    ("FR40303265045", None, "FR40303265045"), ("DE136695976", None, "DE136695976"),
    ("EL094259216", None, "EL094259216"), ("094259216", "GR", "EL094259216"),
    ("501964819", "PT", "PT501964819"), ("NL004495445B01", None, "NL004495445B01"),
    ("IT00743110157", None, "IT00743110157"), ("ATU13585627", None, "ATU13585627"),
    ("DE136695977", None, None), ("PT999999990", None, None), ("US123456789", None, None),
    ("XX", None, None),
])
def test_eu_vat_numbers_in_member_state_formats(given: str, country: str | None,
                                                expected: str | None) -> None:
    assert eu_vat_number(given, country) == expected


@pytest.mark.parametrize(("country", "postal", "tax_id", "language", "start"), [
    ("ES", "28001", "B21000006", "ES", "Este número de identificación fiscal no es válido"),
    ("ES", "28001", "12345", None, "Este número de identificación fiscal no es válido"),
    ("PT", "1100-148", "501964818", None, "Este número de identificação fiscal não é válido"),
    ("PT", "1100-148", "501964818", "EN", "This tax number is not valid for PT"),
    ("PT", "1100-148", "999999990", "PT", "999999990 é o NIF genérico de consumidor final"),
])
async def test_vendors_with_bad_tax_numbers_are_refused_in_their_language(
        client: Client, country: str, postal: str, tax_id: str, language: str | None,
        start: str) -> None:
    token = await client.register("bad-nif@example.com")
    given = {"name": "Loja", "country": country, "postalCode": postal, "taxId": tax_id}
    if language:
        given["languageCode"] = language
    data = (await client.gql(APPLY, {"i": given}, token))["vendorCreate"]
    assert data["vendor"] is None
    [error] = data["errors"]
    assert (error["field"], error["code"]) == ("taxId", "INVALID_TAX_ID")
    assert error["message"].startswith(start), error["message"]
    assert (await client.gql("{ myVendor { id } }", token=token))["myVendor"] is None


async def test_vendor_update_checks_the_new_tax_number(client: Client) -> None:
    token, vendor_id = await client.vendor("upd@example.com", "Conservas", country="PT",
                                           postal_code="8000-138")
    bad = (await client.gql(UPDATE, {"id": vendor_id, "i": {"taxId": "501964818"}},
                            token))["vendorUpdate"]
    assert bad["errors"][0]["code"] == "INVALID_TAX_ID"
    good = (await client.gql(UPDATE, {"id": vendor_id, "i": {"taxId": "501964819"}},
                             token))["vendorUpdate"]
    assert good["errors"] == []
    mine = await client.gql("{ myVendor { taxId } }", token=token)
    assert mine["myVendor"]["taxId"] == "501964819"


async def test_a_valid_business_vat_number_turns_a_sale_into_reverse_charge(
        client: Client, fake_vies: vies.FakeVies) -> None:
    shop = await build(client)
    created = await checkout(client, {"ebook": 1}, shop, shippingAddress=ADDRESS)
    assert created["lines"][0]["taxDecision"]["treatment"] == "STANDARD"  # ES VAT, consumer
    data = (await client.gql(VAT, {"id": created["id"], "v": "PT 501 964 819"}))
    payload = data["checkoutVatIdUpdate"]
    assert payload["errors"] == []
    decision = payload["checkout"]["lines"][0]["taxDecision"]
    assert (decision["rate"], decision["treatment"], decision["territory"]) == \
        ("0", "REVERSE_CHARGE", "PT")
    assert "Reverse charge" in decision["legalNote"]
    assert payload["checkout"]["totalPrice"]["tax"]["amount"] == "0.00"
    # a second check of the same number is answered from the cache
    await client.gql(VAT, {"id": created["id"], "v": "PT501964819"})
    assert fake_vies.calls == ["PT501964819"]


async def test_malformed_and_unregistered_vat_numbers_are_refused(
        client: Client, fake_vies: vies.FakeVies) -> None:
    shop = await build(client)
    created = await checkout(client, {"ebook": 1}, shop, shippingAddress=ADDRESS)
    for number, start in (("PT501964818", "Não é um número de IVA intracomunitário válido"),
                          ("PT502011378", "O VIES indica")):
        payload = (await client.gql(VAT, {"id": created["id"], "v": number})
                   )["checkoutVatIdUpdate"]
        assert payload["checkout"] is None
        assert payload["errors"][0]["code"] == "INVALID_VAT_ID"
        assert payload["errors"][0]["message"].startswith(start)
    assert fake_vies.calls == ["PT502011378"]  # the bad checksum never reached VIES


async def test_vies_unavailable_keeps_the_number_unconfirmed_and_charges_vat(
        client: Client, fake_vies: vies.FakeVies) -> None:
    """Checkout policy: "service unavailable" is never "invalid". The number is stored,
    marked UNAVAILABLE, VAT is charged as to a consumer (with a note), the order can be
    placed, and setting the number again re-asks VIES (unavailable answers are not cached)."""
    shop = await build(client)
    created = await checkout(client, {"ebook": 1}, shop, shippingAddress=ADDRESS)
    payload = (await client.gql(VAT, {"id": created["id"], "v": "PT500000000"})
               )["checkoutVatIdUpdate"]
    assert payload["errors"] == [] and payload["checkout"]["vatId"] == "PT500000000"
    decision = payload["checkout"]["lines"][0]["taxDecision"]
    assert decision["treatment"] == "STANDARD" and decision["rate"] == "0.21"
    assert "not confirmed (VIES unavailable)" in decision["legalNote"]
    fake_vies.answers["PT500000000"] = vies.VALID
    again = (await client.gql(VAT, {"id": created["id"], "v": "PT500000000"})
             )["checkoutVatIdUpdate"]
    assert again["checkout"]["lines"][0]["taxDecision"]["treatment"] == "REVERSE_CHARGE"
    assert fake_vies.calls == ["PT500000000", "PT500000000"]


def test_the_vies_cache_keeps_the_most_recent_numbers_only(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every buyer can type a new number: the process keeps a bounded number of answers
    (least recently used dropped), so memory does not grow with them."""
    monkeypatch.setattr(vies, "CACHE_ENTRIES", 2)
    fake = vies.FakeVies({"PT501964819": vies.VALID, "ESB21000005": vies.VALID,
                          "PT502011378": vies.INVALID})
    cached = vies.CachedVies(fake)
    for number in ("PT501964819", "ESB21000005", "PT501964819", "PT502011378"):
        cached.check(number)
    assert fake.calls == ["PT501964819", "ESB21000005", "PT502011378"]  # one hit
    assert cached.check("PT501964819").status == vies.VALID  # kept: recently used
    assert cached.check("ESB21000005").status == vies.VALID  # dropped: asked again
    assert fake.calls[-1] == "ESB21000005" and len(fake.calls) == 4
