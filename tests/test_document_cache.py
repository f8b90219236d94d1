"""Parsed and validated documents are cached per process, and a verdict never leaks from
one schema to another (apps with different plugin sets coexist in one process)."""

from __future__ import annotations

from typing import Any

from strawberry.extensions.parser_cache import _get_parse_cache
from strawberry.extensions.validation_cache import _get_validate_cache

from engine.api.schema import DOCUMENT_CACHE_SIZE
from tests.client import Client

COURSES = "{ courses(first: 1) { totalCount } }"


async def test_a_repeated_document_is_parsed_and_validated_once(client: Client) -> None:
    query = "{ products(first: 1) { totalCount } } # cache probe"
    await client.gql(query)
    parsed = _get_parse_cache(DOCUMENT_CACHE_SIZE).cache_info().hits
    validated = _get_validate_cache(DOCUMENT_CACHE_SIZE).cache_info().hits
    await client.gql(query)
    assert _get_parse_cache(DOCUMENT_CACHE_SIZE).cache_info().hits == parsed + 1
    assert _get_validate_cache(DOCUMENT_CACHE_SIZE).cache_info().hits == validated + 1


async def test_validation_is_cached_per_schema(client: Client, plugged: Any) -> None:
    assert (await client.gql(COURSES))["courses"]["totalCount"] == 0
    async with plugged(core_only=True) as core:
        body = await core.raw(COURSES)
        assert "Cannot query field 'courses'" in body["errors"][0]["message"], body
    assert (await client.gql(COURSES))["courses"]["totalCount"] == 0
