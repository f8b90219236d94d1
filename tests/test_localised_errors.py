"""Error messages in the request's language: explicit languageCode, else the user's
language, else Accept-Language; codes never change. Catalogs cover every message."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from engine.i18n.catalogs import REQUIRED, read_catalog, translate
from engine.i18n.extract import collect, messages_in
from tests.client import Client

REGISTER = """mutation($i: AccountRegisterInput!) { accountRegister(input: $i) {
  errors { field code message } } }"""
TOKEN = """mutation($e: String!, $p: String!) { tokenCreate(email: $e, password: $p) {
  token errors { field code message } } }"""
UPDATE = """mutation($i: AccountUpdateInput!) { accountUpdate(input: $i) {
  user { languageCode } errors { field code message } } }"""
PLACEHOLDER = re.compile(r"\{([a-z_0-9]+)\}")


async def post(client: Client, query: str, variables: dict[str, Any], *,
               token: str | None = None, language: str | None = None) -> dict[str, Any]:
    headers = {"Accept-Language": language} if language else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    response = await client.http.post("/graphql", json={"query": query, "variables": variables},
                                      headers=headers)
    body: dict[str, Any] = response.json()
    return body


def test_every_message_has_a_spanish_portuguese_and_english_translation() -> None:
    messages = collect()
    assert len(messages) > 200
    for language in REQUIRED:
        catalog = {m.id: m.string for m in read_catalog(language) if m.id}
        missing = sorted(m for m in messages if not catalog.get(m))
        assert missing == [], f"{language}: translate these in messages.po: {missing}"
        for msgid in messages:
            assert set(PLACEHOLDER.findall(catalog[msgid])) == set(PLACEHOLDER.findall(msgid)), (
                language, msgid)


def test_the_extraction_sees_f_strings_as_named_placeholders() -> None:
    source = ('errors.add("password", "TOO_SHORT", f"Use at least {passwords.MIN_LENGTH} '
              'characters.")\nraise NotFound("id", "Vendor not found.")\nsession.add(row)\n')
    assert set(messages_in(source)) == {"Use at least {min_length} characters.",
                                        "Vendor not found."}


def test_no_compiled_catalog_is_committed() -> None:
    root = Path(__file__).parents[1] / "engine" / "i18n" / "locale"
    assert list(root.rglob("*.mo")) == []
    assert len(list(root.rglob("messages.po"))) >= 3


def test_rendered_messages_with_variable_parts_are_translated() -> None:
    assert translate("Use at least 8 characters.", "es") == "Usa al menos 8 caracteres."
    assert translate("Only 3 left in stock.", "pt") == "Só restam 3 em stock."
    assert translate("Something the catalog never saw.", "es") == "Something the catalog never saw."


async def test_an_explicit_language_code_chooses_the_language(client: Client) -> None:
    body = await post(client, REGISTER, {"i": {"email": "ana@example.com", "password": "short",
                                               "languageCode": "ES"}}, language="pt")
    [error] = body["data"]["accountRegister"]["errors"]
    assert error == {"field": "password", "code": "PASSWORD_TOO_SHORT",
                     "message": "Usa al menos 8 caracteres."}


async def test_accept_language_chooses_when_nothing_else_does(client: Client) -> None:
    await client.register("ana@example.com")
    body = await post(client, TOKEN, {"e": "ana@example.com", "p": "wrong-password"},
                      language="pt-PT,pt;q=0.9,en;q=0.5")
    [error] = body["data"]["tokenCreate"]["errors"]
    assert (error["code"], error["message"]) == ("INVALID_CREDENTIALS",
                                                 "E-mail ou palavra-passe incorretos.")
    english = await post(client, TOKEN, {"e": "ana@example.com", "p": "wrong-password"})
    assert english["data"]["tokenCreate"]["errors"][0]["message"] == "Wrong e-mail or password."
    spanish = await post(client, "{ me { id } }", {}, token="not-a-token", language="es")
    assert spanish["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert spanish["errors"][0]["message"] == (
        "El token de acceso no es válido, ha caducado o se ha revocado.")


async def test_the_signed_in_users_language_beats_accept_language(client: Client) -> None:
    token = await client.register("ana@example.com")
    changed = await post(client, UPDATE, {"i": {"languageCode": "PT"}}, token=token)
    assert changed["data"]["accountUpdate"]["user"]["languageCode"] == "PT"
    body = await post(client, UPDATE, {"i": {"timeZone": "Mars/Olympus"}}, token=token,
                      language="es")
    [error] = body["data"]["accountUpdate"]["errors"]
    assert (error["code"], error["message"]) == (
        "INVALID_TIME_ZONE", "Um fuso horário IANA, p. ex. Europe/Lisbon.")
