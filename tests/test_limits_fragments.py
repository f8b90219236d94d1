"""Issue 10, item 1: a chain of fragments that each spread the next twice is refused during
validation, in time linear in the document, before any resolver runs."""

from __future__ import annotations

from typing import Any

import pytest
import strawberry
from strawberry.extensions import ValidationCache

from engine.api import fragment_budget
from engine.api.limits import limit_extensions
from engine.settings import Settings
from tests.limits_spy import Spy


def fan_out(levels: int, leaf: str = "__typename") -> str:
    """``{ ...F0 } fragment F0 on Query { __typename ...F1 ...F1 } ... fragment Fn on Query
    { leaf }``: 2^(levels+1) selections once expanded."""
    parts = ["{ ...F0 }"]
    parts += [f"fragment F{i} on Query {{ __typename ...F{i + 1} ...F{i + 1} }}"
              for i in range(levels)]
    parts.append(f"fragment F{levels} on Query {{ {leaf} }}")
    return " ".join(parts)


@pytest.mark.parametrize("levels", [20, 22, 60])
async def test_fragment_fan_out_is_refused_before_any_resolver_runs(plugged: Any,
                                                                     levels: int) -> None:
    spy = Spy()
    async with plugged(spy) as client:
        body = await client.raw(fan_out(levels, leaf="__typename spy"))
    assert body.get("data") is None
    [error] = body["errors"]
    assert error["extensions"]["code"] == "DOCUMENT_TOO_LARGE"
    assert error["extensions"]["maximum"] == fragment_budget.MAX_SELECTIONS
    assert spy.calls == 0


async def test_a_short_chain_of_fragments_still_answers(plugged: Any) -> None:
    spy = Spy()
    async with plugged(spy) as client:
        body = await client.raw(fan_out(4, leaf="__typename spy"))
    assert "errors" not in body, body
    assert body["data"] == {"__typename": "Query", "spy": 1}


async def test_aliases_and_depth_count_at_every_spread(client: Any) -> None:
    aliases = "{ ...A ...A } fragment A on Query { " + " ".join(
        f"a{i}: __typename" for i in range(16)) + " }"
    body = await client.raw(aliases)
    assert body["errors"][0]["extensions"]["code"] == "TOO_MANY_ALIASES"
    assert "32 aliases found" in body["errors"][0]["message"]
    deep = ("{ products(first: 1) { ...P } } fragment P on ProductConnection "
            "{ edges { node { vendor { products(first: 1) { edges { node { vendor { "
            "products(first: 1) { edges { node { name } } } } } } } } } } }")
    body = await client.raw(deep)
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_DEEP", body


def test_validation_work_is_linear_in_the_chain(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each fragment is measured once: a 60-level chain costs 61 fragment summaries."""
    measured: list[int] = []
    original = fragment_budget.shape_of

    def counting(*args: Any) -> fragment_budget.Shape:
        measured.append(1)
        return original(*args)

    monkeypatch.setattr(fragment_budget, "shape_of", counting)
    schema = strawberry.Schema(query=Query, extensions=limit_extensions(Settings()))
    result = schema.execute_sync(fan_out(60))
    assert result.errors and result.errors[0].extensions == {
        "code": "DOCUMENT_TOO_LARGE", "maximum": fragment_budget.MAX_SELECTIONS}
    assert len(measured) == 61 + 1  # every fragment, then the operation


@strawberry.type
class Query:
    @strawberry.field
    def hello(self) -> str:
        return "hi"


def test_refusals_survive_strawberry_validation_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules are the same classes on every request, so cached results stay valid."""
    validated: list[int] = []
    original = fragment_budget.summaries

    def counting(*args: Any) -> Any:
        validated.append(1)
        return original(*args)

    monkeypatch.setattr(fragment_budget, "summaries", counting)
    schema = strawberry.Schema(query=Query, extensions=[
        *limit_extensions(Settings()), lambda: ValidationCache(maxsize=16)])
    document = fan_out(30, leaf="hello")
    for _ in range(3):
        result = schema.execute_sync(document)
        assert result.errors and result.errors[0].extensions
        assert result.errors[0].extensions["code"] == "DOCUMENT_TOO_LARGE"
    assert len(validated) == 1
    assert schema.execute_sync("{ hello }").data == {"hello": "hi"}


@pytest.mark.parametrize("document", [
    "{ " + "spy " * 900 + "}",
    "{ " + " ".join(f"...F{i}" for i in range(300)) + " } "
    + " ".join(f"fragment F{i} on Query {{ spy }}" for i in range(300)),
])
async def test_fields_repeated_in_one_selection_are_bounded(plugged: Any, document: str) -> None:
    """graphql-core checks every pair of same-named fields of a selection (quadratic): a
    document under the token limit could hold it for seconds; it is refused first."""
    spy = Spy()
    async with plugged(spy) as client:
        body = await client.raw(document)
        assert body["errors"][0]["extensions"]["code"] == "DOCUMENT_TOO_LARGE"
        assert spy.calls == 0
        ten = await client.raw("{ " + "spy " * 10 + "}")  # merged into one field, run once
    assert ten == {"data": {"spy": 1}}
