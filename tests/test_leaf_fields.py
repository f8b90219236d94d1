"""The short executor path for plain scalar and enum fields (engine/api/fast_fields.py)
answers exactly as graphql-core's generic path, errors included."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import Any

import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.permission import BasePermission
from strawberry.types import Info

from engine.api.fast_fields import (
    LEAF_PLAN,
    OBJECT_PLAN,
    LeafFieldsExecutionContext,
    plan_leaf_fields,
)
from tests.client import Client


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


class Nobody(BasePermission):
    message = "Not for you."

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return False


@strawberry.type
class Part:
    label: str
    weight: int | None

    @strawberry.field
    async def fail(self) -> str:
        raise ValueError(f"no {self.label}")


@strawberry.type
class Thing:
    name: str
    part: Part
    spare: Part | None
    count: int
    note: str | None
    colour: Colour

    @strawberry.field
    def shout(self) -> str:
        return self.name.upper()

    @strawberry.field
    def seen_by(self, info: Info) -> str:
        return f"{self.name} by {info.context['who']} at {info.path.key}"

    @strawberry.field
    def lost(self) -> str:
        return None  # type: ignore[return-value]

    @strawberry.field
    def repeat(self, times: int = 2) -> str:
        return self.name * times

    @strawberry.field(permission_classes=[Nobody])
    def secret(self) -> str:
        return "hidden"


@strawberry.type
class Query:
    @strawberry.field
    def things(self) -> list[Thing]:
        return [Thing(name="a", part=Part(label="pa", weight=1), spare=None, count=1,
                      note=None, colour=Colour.RED),
                Thing(name="b", part=Part(label="pb", weight=None), spare=Part(
                    label="sb", weight=2), count=2, note="n", colour=Colour.BLUE)]

    @strawberry.field
    def broken(self) -> list[Thing | None]:
        # what a careless resolver might hand over: None in a non-null field, a text in
        # an Int, a value that is not a member of the enum
        part, bad = Part(label="p", weight=1), Part(label=None, weight=1)  # type: ignore[arg-type]
        return [Thing(name=None, part=part, spare=None, count=1, note=None,  # type: ignore[arg-type]
                      colour=Colour.RED),
                Thing(name="x", part=part, spare=None, count="many", note=None,  # type: ignore[arg-type]
                      colour=Colour.RED),
                Thing(name="y", part=part, spare=None, count=3, note=None,
                      colour="green"),  # type: ignore[arg-type]
                Thing(name="z", part=part, spare=bad, count=3, note=None, colour=Colour.RED),
                Thing(name="w", part=bad, spare=None, count=3, note=None, colour=Colour.RED)]


def _schemas(*extensions: Any) -> tuple[strawberry.Schema, strawberry.Schema]:
    fast = strawberry.Schema(query=Query, extensions=list(extensions),
                             execution_context_class=LeafFieldsExecutionContext)
    plan_leaf_fields(fast._schema, fast.config.info_class)
    return fast, strawberry.Schema(query=Query, extensions=list(extensions))


def _answer(schema: strawberry.Schema, query: str) -> tuple[Any, list[tuple[str, Any]]]:
    result = schema.execute_sync(query, context_value={"who": "ana"})
    return result.data, sorted((e.message, e.path) for e in result.errors or [])


def test_plain_fields_are_planned_and_resolver_fields_are_not() -> None:
    fast, _ = _schemas()
    thing = fast._schema.type_map["Thing"].fields  # type: ignore[attr-defined]
    assert {name for name, field in thing.items() if LEAF_PLAN in field.extensions} == {
        "name", "count", "note", "colour"}
    assert {name for name, field in thing.items() if OBJECT_PLAN in field.extensions} == {
        "part", "spare"}


def test_the_short_path_answers_as_the_generic_one() -> None:
    fast, generic = _schemas()
    query = ("{ things { name count note colour shout seenBy repeat r3: repeat(times: 3) "
             "part { label weight } spare { label } __typename } }")
    assert _answer(fast, query) == _answer(generic, query)
    assert _answer(fast, query)[0] == {"things": [
        {"name": "a", "count": 1, "note": None, "colour": "RED", "shout": "A",
         "seenBy": "a by ana at seenBy", "repeat": "aa", "r3": "aaa",
         "part": {"label": "pa", "weight": 1}, "spare": None, "__typename": "Thing"},
        {"name": "b", "count": 2, "note": "n", "colour": "BLUE", "shout": "B",
         "seenBy": "b by ana at seenBy", "repeat": "bb", "r3": "bbb",
         "part": {"label": "pb", "weight": None}, "spare": {"label": "sb"},
         "__typename": "Thing"}]}


def test_resolvers_with_arguments_or_permissions_keep_strawberrys_path() -> None:
    fast, generic = _schemas()
    fields = fast._schema.type_map["Thing"].fields  # type: ignore[attr-defined]
    plain = generic._schema.type_map["Thing"].fields  # type: ignore[attr-defined]
    assert fields["shout"].resolve is not plain["shout"].resolve  # the lean one
    assert fields["repeat"].resolve.__name__ == plain["repeat"].resolve.__name__
    assert fields["secret"].resolve.__name__ == plain["secret"].resolve.__name__
    query = "{ things { name secret } }"
    assert _answer(fast, query) == _answer(generic, query)
    assert _answer(fast, query) == (None, [("Not for you.", ["things", 0, "secret"])])


def test_bad_values_give_the_same_errors_and_paths() -> None:
    fast, generic = _schemas()
    query = "{ broken { name count colour spare { label } part { label } } }"
    data, errors = _answer(fast, query)
    assert (data, errors) == _answer(generic, query)
    assert dict((tuple(path), message) for message, path in errors) == {
        ("broken", 0, "name"): "Cannot return null for non-nullable field Thing.name.",
        ("broken", 1, "count"): "Int cannot represent non-integer value: 'many'",
        ("broken", 2, "colour"): "Enum 'Colour' cannot represent value: 'green'",
        ("broken", 3, "spare", "label"): "Cannot return null for non-nullable field Part.label.",
        ("broken", 4, "part", "label"): "Cannot return null for non-nullable field Part.label."}
    # each null stops at the nearest nullable field: the item, or the optional ``spare``
    assert data == {"broken": [None, None, None, {
        "name": "z", "count": 3, "colour": "RED", "spare": None, "part": {"label": "p"}},
        None]}


class Upper(SchemaExtension):
    """Field middleware: the short path must step aside and let it see every field."""

    def resolve(self, _next: Any, root: Any, info: Any, *args: Any, **kwargs: Any) -> Any:
        value = _next(root, info, *args, **kwargs)
        return value.upper() if isinstance(value, str) else value

    def on_operation(self) -> Iterator[None]:
        yield


def test_a_field_middleware_still_sees_plain_fields() -> None:
    fast, generic = _schemas(Upper)
    query = "{ things { name note } }"
    assert _answer(fast, query) == _answer(generic, query)
    assert _answer(fast, query)[0] == {"things": [{"name": "A", "note": None},
                                                  {"name": "B", "note": "N"}]}


def test_the_apps_schema_takes_the_short_path_for_the_listings_plain_fields(
        client: Client) -> None:
    schema = client.app.state.schema
    assert schema.execution_context_class is LeafFieldsExecutionContext
    types = schema._schema.type_map
    planned = {f"{type_name}.{name}" for type_name in ("Product", "ProductVariant", "Vendor",
                                                        "Money")
               for name, field in types[type_name].fields.items()  # type: ignore[attr-defined]
               if LEAF_PLAN in field.extensions}
    assert {"Product.name", "Product.slug", "Product.kind", "ProductVariant.sku",
            "Vendor.name", "Money.amount", "Money.currency"} <= planned
    # resolver fields keep strawberry's path (arguments, Info, permissions)
    assert not planned & {"Product.vendor", "Product.variants",
                          "ProductVariant.quantityAvailable", "ProductVariant.pricing"}


async def test_an_error_awaited_below_a_plain_object_field_is_located_as_before() -> None:
    fast, generic = _schemas()
    query = "{ things { name spare { label fail } } }"
    answers = []
    for schema in (fast, generic):
        result = await schema.execute(query, context_value={"who": "ana"})
        answers.append((result.data, [(e.message, e.path) for e in result.errors or []]))
    assert answers[0] == answers[1]
    # the optional ``spare`` of the second thing takes the null; the first has none
    assert answers[0] == ({"things": [{"name": "a", "spare": None},
                                      {"name": "b", "spare": None}]},
                          [("no sb", ["things", 1, "spare", "fail"])])


def test_planned_fields_are_answered_without_a_resolve_info(monkeypatch: Any) -> None:
    fast, _ = _schemas()
    built: list[str] = []
    original = LeafFieldsExecutionContext.build_resolve_info

    def counting(self: Any, field_def: Any, field_nodes: Any, *args: Any) -> Any:
        built.append(field_nodes[0].name.value)
        return original(self, field_def, field_nodes, *args)

    monkeypatch.setattr(LeafFieldsExecutionContext, "build_resolve_info", counting)
    assert _answer(fast, "{ things { name count part { label } shout seenBy } }")[1] == []
    # only for the resolver that reads more than ``info.context`` (``seenBy`` reads
    # ``info.path``); the leaves, ``part`` and the lean resolvers go without
    assert built == ["seenBy", "seenBy"]


def test_a_lean_resolver_that_breaks_its_type_gets_the_generic_error() -> None:
    fast, generic = _schemas()
    query = "{ broken { name lost } }"
    assert _answer(fast, query) == _answer(generic, query)
    assert _answer(fast, "{ things { lost } }") == (None, [
        ("Cannot return null for non-nullable field Thing.lost.", ["things", 0, "lost"])])
