"""Every string input of every mutation, core or plugin (found by introspection), refuses
NUL and over-long text with a typed error before anything runs; names refuse control and
format characters (look-alikes), long texts keep new lines and tabs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from graphql import (
    GraphQLArgument,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
)
from sqlalchemy import func, select

from engine.api.text_inputs import MAX_STRING_INPUT
from engine.catalog.models import Product
from engine.vendors.models import Vendor
from tests.client import Client

PLUGIN_MUTATIONS = {"expertCreate", "expertUpdate", "fundingRequestOpen", "lessonCreate",
                    "courseTranslationSet", "iberiaVendorTaxProfileUpdate", "mentorshipNoteAdd"}


def _unwrap(kind: Any) -> Any:
    while isinstance(kind, (GraphQLNonNull, GraphQLList)):
        kind = kind.of_type
    return kind


def _string_paths(kind: Any, path: tuple[str, ...], seen: frozenset[str] = frozenset()
                  ) -> Iterator[tuple[tuple[str, ...], bool]]:
    """(path, inside a list) of every String reachable in an input type."""
    listed = isinstance(kind.of_type if isinstance(kind, GraphQLNonNull) else kind,
                        GraphQLList)
    base = _unwrap(kind)
    if isinstance(base, GraphQLScalarType) and base.name == "String":
        yield path, listed
    elif isinstance(base, GraphQLInputObjectType) and base.name not in seen:
        for name, field in base.fields.items():
            for inner, inner_listed in _string_paths(field.type, (*path, name),
                                                     seen | {base.name}):
                yield inner, listed or inner_listed


def _value(kind: Any, path: tuple[str, ...], text: str) -> Any:
    """A variable value that holds ``text`` at ``path`` (lists of one element)."""
    listed = isinstance(kind.of_type if isinstance(kind, GraphQLNonNull) else kind,
                        GraphQLList)
    base = _unwrap(kind)
    if not path:
        value: Any = text
    else:
        assert isinstance(base, GraphQLInputObjectType)
        value = {path[0]: _value(base.fields[path[0]].type, path[1:], text)}
    return [value] if listed else value


def _requests(schema: GraphQLSchema, text: str) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    mutation = schema.mutation_type
    assert isinstance(mutation, GraphQLObjectType)
    for name, field in mutation.fields.items():
        args: dict[str, GraphQLArgument] = field.args
        declared = ", ".join(f"${a}: {arg.type}" for a, arg in args.items())
        passed = ", ".join(f"{a}: ${a}" for a in args)
        document = f"mutation({declared}) {{ {name}({passed}) {{ __typename }} }}"
        for arg_name, arg in args.items():
            for path, _ in _string_paths(arg.type, ()):
                label = ".".join((arg_name, *path))
                yield name, label, document, {arg_name: _value(arg.type, path, text)}


@pytest.mark.parametrize(("text", "code"), [
    ("bad\x00text", "INVALID_CHARACTERS"), ("x" * (MAX_STRING_INPUT + 1), "TOO_LONG")])
async def test_every_string_input_of_every_mutation_refuses_nul_and_huge_text(
        client: Client, text: str, code: str) -> None:
    schema = client.app.state.schema._schema
    token = await client.operator()
    seen: set[str] = set()
    for name, label, document, variables in _requests(schema, text):
        body = await client.raw(document, variables, token)
        assert body.get("data") is None, (name, label, body)
        assert body["errors"][0]["extensions"]["code"] == code, (name, label, body)
        seen.add(name)
    assert seen >= PLUGIN_MUTATIONS  # the walk reaches the plugins' mutations
    assert {"productCreate", "vendorCreate", "checkoutCreate", "accountRegister"} <= seen
    async with client.runtime.db.read() as session:
        assert await session.scalar(select(func.count(Product.id))) == 0
        assert await session.scalar(select(func.count(Vendor.id))) == 0


async def test_nul_in_a_string_literal_is_refused_too(client: Client) -> None:
    token = await client.register("ana@example.com")
    body = await client.raw('mutation { vendorCreate(input: { name: "Ta\\u0000sca", '
                            'country: ES, postalCode: "21700", taxId: "B21000001" }) '
                            '{ vendor { id } } }', token=token)
    assert body["data"] is None
    assert body["errors"][0]["extensions"] == {"code": "INVALID_CHARACTERS", "field": "query"}


VENDOR_CREATE = """mutation($i: VendorCreateInput!) { vendorCreate(input: $i) {
  vendor { id } errors { field code } } }"""
PRODUCT_CREATE = """mutation($i: ProductCreateInput!) { productCreate(input: $i) {
  product { id description } errors { field code } } }"""


@pytest.mark.parametrize("name", ["Bodega\u202eetac", "Bode\u200bga", "Bode\u00adga",
                                  "Bodega\x07", "Bodega\nDos", "Bo\u2066dega"])
async def test_names_refuse_control_and_format_characters(client: Client, name: str) -> None:
    token = await client.register("ana@example.com")
    data = await client.gql(VENDOR_CREATE, {"i": {"name": name, "country": "ES",
                                                  "postalCode": "21700",
                                                  "taxId": "B21000001"}}, token)
    assert data["vendorCreate"] == {"vendor": None, "errors": [
        {"field": "name", "code": "INVALID_CHARACTERS"}]}


async def test_long_texts_keep_new_lines_and_tabs_but_not_other_controls(
        client: Client) -> None:
    token, _ = await client.vendor("shop@example.com", "Tienda")
    kept = await client.gql(PRODUCT_CREATE, {"i": {
        "name": "Queso", "kind": "PHYSICAL", "description": "Curado\r\n\t6 meses"}}, token)
    assert kept["productCreate"]["product"]["description"] == "Curado\n\t6 meses"
    bad = await client.gql(PRODUCT_CREATE, {"i": {
        "name": "Queso", "kind": "PHYSICAL", "description": "Curado\x1b[31m"}}, token)
    assert bad["productCreate"]["errors"] == [
        {"field": "description", "code": "INVALID_CHARACTERS"}]
    look_alike = await client.gql(PRODUCT_CREATE, {"i": {
        "name": "Que\u200dso", "kind": "PHYSICAL"}}, token)
    assert look_alike["productCreate"]["errors"] == [
        {"field": "name", "code": "INVALID_CHARACTERS"}]
