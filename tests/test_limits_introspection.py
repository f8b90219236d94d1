"""Issue 10, item 13: production answers no introspection (unless RUTA_ALLOW_INTROSPECTION)
and no "Did you mean ...?" for types, fields, arguments, input fields or enum values."""

from __future__ import annotations

from typing import Any

import pytest

from engine import create_app
from engine.settings import Settings, settings_from_env
from tests.client import Client

STRONG = "k" * 40
INTROSPECTION = ["{ __schema { types { name } } }", '{ __type(name: "Product") { name } }']

#: (query, variables) each of which earns a suggestion from graphql-core.
MISTAKES: list[tuple[str, dict[str, Any]]] = [
    ("{ produts(first: 1) { totalCount } }", {}),  # field
    ("{ products(fist: 1) { totalCount } }", {}),  # argument
    ('{ products(first: 1, filter: { serch: "x" }) { totalCount } }', {}),  # input field
    ("{ products(first: 1, languageCode: PTT) { totalCount } }", {}),  # enum value
    ("query($l: LanguageCodeEnu) { products(first: 1, languageCode: $l) { totalCount } }",
     {}),  # type
    ("query($l: LanguageCodeEnum) { products(first: 1, languageCode: $l) { totalCount } }",
     {"l": "PTT"}),  # enum value in a variable
    ("query($f: ProductFilterInput) { products(first: 1, filter: $f) { totalCount } }",
     {"f": {"serch": "x"}}),  # input field in a variable
]


def app(database_url: str, **settings: Any) -> Any:
    return create_app(Settings(secret_key=STRONG, database_url=database_url, **settings))


@pytest.mark.parametrize("query", INTROSPECTION)
async def test_production_refuses_introspection(database_url: str, query: str) -> None:
    async with Client(app(database_url, mode="production")) as client:
        body = await client.raw(query)
        assert body.get("data") is None
        assert body["errors"][0]["extensions"]["code"] == "INTROSPECTION_DISABLED"
        assert (await client.gql("{ __typename }")) == {"__typename": "Query"}


async def test_introspection_can_be_allowed_in_production_and_is_on_elsewhere(
        database_url: str) -> None:
    for settings in ({"mode": "production", "allow_introspection": True}, {}):
        async with Client(app(database_url, **settings)) as client:
            data = await client.gql(INTROSPECTION[1])
            assert data == {"__type": {"name": "Product"}}
    async with Client(app(database_url, allow_introspection=False)) as client:
        body = await client.raw(INTROSPECTION[0])
        assert body["errors"][0]["extensions"]["code"] == "INTROSPECTION_DISABLED"


def test_the_setting_is_read_from_the_environment() -> None:
    production = {"RUTA_MODE": "production", "RUTA_SECRET_KEY": STRONG}
    assert not settings_from_env(production).introspection_allowed
    assert settings_from_env({**production, "RUTA_ALLOW_INTROSPECTION": "1"}
                             ).introspection_allowed
    assert settings_from_env({}).introspection_allowed
    assert not settings_from_env({"RUTA_ALLOW_INTROSPECTION": "0"}).introspection_allowed


@pytest.mark.parametrize(("query", "variables"), MISTAKES)
async def test_production_suggests_nothing(database_url: str, query: str,
                                           variables: dict[str, Any]) -> None:
    async with Client(app(database_url)) as client:
        suggested = (await client.raw(query, variables))["errors"][0]["message"]
    assert "Did you mean" in suggested
    async with Client(app(database_url, mode="production")) as client:
        body = await client.raw(query, variables)
    message = body["errors"][0]["message"]
    assert "Did you mean" not in message and message
    assert set(message.split()) <= set(suggested.split())  # the same message, less the hint
