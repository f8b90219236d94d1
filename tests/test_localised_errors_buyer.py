"""What a buyer can get wrong comes back in French, Arabic, Romanian and Ukrainian too.

The buyer-facing messages are those raised by the modules of
``engine.i18n.audience.BUYER_FACING_MODULES`` (checkout, vouchers, addresses, postal codes,
accounts, reviews, orders and payments, e-learning progress, mentoring bookings, event
registration, ...). Each has a translation in every buyer language with the same
placeholders; the API answers with it for an explicit ``languageCode``, for the signed-in
user's language and for ``Accept-Language``.
"""

from __future__ import annotations

import re
from typing import Any

from engine.i18n.audience import (
    BUYER_FACING_MODULES,
    BUYER_LANGUAGES,
    buyer_facing,
    is_buyer_facing,
)
from engine.i18n.catalogs import read_catalog
from engine.i18n.extract import sources
from tests.client import Client
from tests.shop import ADDRESS, ADDRESS_UPDATE, CREATE, build, checkout
from tests.test_localised_errors import UPDATE

PLACEHOLDER = re.compile(r"\{([a-z_0-9]+)\}")
APPLY = """mutation($id: ID!, $c: String!) { checkoutVoucherApply(id: $id, code: $c) {
  errors { field code message } } }"""
BAD_ES_CODE = {**ADDRESS, "city": "Huelva", "postalCode": "2170", "country": "ES"}
POSTAL_FR = ("Ce n'est pas un code postal espagnol valide : utilisez cinq chiffres commençant "
             "par un numéro de province de 01 à 52, p. ex. 21700.")
POSTAL_AR = ("هذا ليس رمزًا بريديًا إسبانيًا صالحًا: استخدم خمسة أرقام تبدأ برقم مقاطعة من 01 "
             "إلى 52، مثل 21700.")
POSTAL_RO = ("Acesta nu este un cod poștal spaniol valid: folosiți cinci cifre care încep cu un "
             "număr de provincie între 01 și 52, de ex. 21700.")
VOUCHER = {"fr": "Ce code de réduction n'est pas valable pour le moment.",
           "ar": "رمز الخصم هذا غير صالح حاليًا.",
           "ro": "Acest cod de reducere nu este valabil acum.",
           "uk": "Цей промокод зараз недійсний."}


def test_every_buyer_facing_message_is_in_french_arabic_romanian_and_ukrainian() -> None:
    messages = buyer_facing()
    assert len(messages) > 190
    for language in BUYER_LANGUAGES:
        catalog = {m.id: m.string for m in read_catalog(language) if m.id}
        missing = sorted(m for m in messages if not catalog.get(m))
        assert missing == [], f"{language}: translate these in messages.po: {missing}"
        for msgid in messages:
            translation = catalog[msgid]
            assert isinstance(translation, str) and translation.strip() != msgid, (
                language, msgid)
            assert sorted(PLACEHOLDER.findall(translation)) == sorted(
                PLACEHOLDER.findall(msgid)), (language, msgid, translation)


def test_the_rule_names_modules_that_raise_messages() -> None:
    modules = {module for found in sources().values() for module in found}
    for rule in BUYER_FACING_MODULES:
        matched = [module for module in modules
                   if module == rule or (rule.endswith("/") and module.startswith(rule))]
        assert matched, f"{rule} raises no message: renamed or moved?"
    assert not any(rule.startswith("plugins/jobs") for rule in BUYER_FACING_MODULES)


def test_the_rule_covers_the_buyer_side_and_leaves_the_dashboard_side() -> None:
    messages = buyer_facing()
    for msgid in ("Give a shipping or a billing address.", "This voucher code is not valid now.",
                  "Only paid, non-refunded purchases can be reviewed.", "No such booking.",
                  "Enrol in the course first.", "Please answer: {question}.",
                  "The link is invalid, expired or already used.", "No such funding request.",
                  "This voucher is no longer valid: remove it to go on."):
        assert msgid in messages, msgid
    for msgid in ("Another product uses this slug.", "Only operators set commissions.",
                  "Nothing is left to refund.", "A quiz has 1 to {max_questions} questions."):
        assert msgid not in messages, msgid
    assert is_buyer_facing("engine/checkout/complete.py")
    assert not is_buyer_facing("engine/catalog/service.py")
    assert not is_buyer_facing("plugins/elearning/authoring.py")


async def post(client: Client, query: str, variables: dict[str, Any], *,
               token: str | None = None, language: str | None = None) -> dict[str, Any]:
    headers = {"Accept-Language": language} if language else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    response = await client.http.post("/graphql", json={"query": query, "variables": variables},
                                      headers=headers)
    body: dict[str, Any] = response.json()
    assert not body.get("errors"), body
    data: dict[str, Any] = body["data"]
    return data


async def test_a_visitor_gets_checkout_errors_in_french_arabic_and_ukrainian(
        client: Client) -> None:
    shop = await build(client)
    line = [{"variantId": shop.variants["wine"], "quantity": 1}]
    created = await post(client, CREATE, {"i": {"email": "a@example.com", "lines": line,
                                                "shippingAddress": BAD_ES_CODE,
                                                "languageCode": "FR"}}, language="ar")
    [error] = created["checkoutCreate"]["errors"]
    assert (error["field"], error["code"], error["message"]) == (
        "shippingAddress.postalCode", "INVALID_POSTAL_CODE", POSTAL_FR)
    cart = await checkout(client, {"wine": 1}, shop)
    bad = await post(client, ADDRESS_UPDATE, {"id": cart["id"], "a": BAD_ES_CODE},
                     language="ar-MA,ar;q=0.9,fr;q=0.5")
    assert [(e["code"], e["message"]) for e in bad["checkoutAddressUpdate"]["errors"]] == [
        ("INVALID_POSTAL_CODE", POSTAL_AR)]
    none = await post(client, ADDRESS_UPDATE, {"id": cart["id"], "a": None}, language="uk")
    assert [(e["code"], e["message"]) for e in none["checkoutAddressUpdate"]["errors"]] == [
        ("REQUIRED", "Вкажіть адресу доставки або платіжну адресу.")]  # noqa: RUF001
    for language, message in VOUCHER.items():
        refused = await post(client, APPLY, {"id": cart["id"], "c": "NOPE"}, language=language)
        assert [(e["code"], e["message"]) for e in refused["checkoutVoucherApply"]["errors"]] == [
            ("VOUCHER_INVALID", message)], language
    english = await post(client, APPLY, {"id": cart["id"], "c": "NOPE"})
    assert english["checkoutVoucherApply"]["errors"][0]["message"] == (
        "This voucher code is not valid now.")


async def test_a_signed_in_buyer_gets_them_in_their_own_language(client: Client) -> None:
    shop = await build(client)
    token = await client.register("ioana@example.com")
    changed = await post(client, UPDATE, {"i": {"languageCode": "RO"}}, token=token)
    assert changed["accountUpdate"]["user"]["languageCode"] == "RO"
    cart = await checkout(client, {"wine": 1}, shop, token)
    refused = await post(client, APPLY, {"id": cart["id"], "c": "NOPE"}, token=token,
                         language="fr")
    assert [(e["code"], e["message"]) for e in refused["checkoutVoucherApply"]["errors"]] == [
        ("VOUCHER_INVALID", VOUCHER["ro"])]
    bad = await post(client, ADDRESS_UPDATE, {"id": cart["id"], "a": BAD_ES_CODE},
                     token=token, language="ar")
    assert [(e["code"], e["message"]) for e in bad["checkoutAddressUpdate"]["errors"]] == [
        ("INVALID_POSTAL_CODE", POSTAL_RO)]
