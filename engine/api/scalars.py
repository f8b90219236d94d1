"""Custom scalars: ``Decimal`` travels as a string ("12.50"), never as a float; ``DateTime``
input is ISO 8601 within the years ``MIN_YEAR``..``MAX_YEAR``.

Resolvers and inputs annotate plain ``decimal.Decimal`` and ``datetime.datetime``;
``SCALAR_MAP`` (given to the schema config) replaces strawberry's default handling with
strict parsers.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation

import strawberry
from graphql import GraphQLError
from strawberry.types.scalar import ScalarDefinition

MAX_DECIMAL_LENGTH = 40
MAX_DATETIME_LENGTH = 64
MIN_YEAR = 1900
MAX_YEAR = 2200


def _parse_decimal(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError("Decimal values are strings like \"12.50\" (or integers)")
    text = str(value).strip()
    if not text or len(text) > MAX_DECIMAL_LENGTH:
        raise ValueError(f"Invalid decimal: {text[:MAX_DECIMAL_LENGTH]!r}")
    try:
        result = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"Invalid decimal: {text!r}") from None
    if not result.is_finite():
        raise ValueError(f"Invalid decimal: {text!r}")
    return result


def _serialize(value: Decimal) -> str:
    return format(value, "f")


DECIMAL_SCALAR: ScalarDefinition = strawberry.scalar(
    name="Decimal",
    description="An exact decimal number serialised as a string, e.g. \"12.50\".",
    serialize=_serialize,
    parse_value=_parse_decimal,
)

def _parse_datetime(value: object) -> datetime:
    """ISO 8601 (``2026-05-01T10:00:00+02:00``), years 1900 to 2200; else a typed error."""
    if not isinstance(value, str) or len(value) > MAX_DATETIME_LENGTH:
        raise GraphQLError("DateTime values are ISO 8601 strings, e.g. "
                           "\"2026-05-01T10:00:00+02:00\".",
                           extensions={"code": "INVALID_DATETIME"})
    try:
        result = datetime.fromisoformat(value)
    except (ValueError, OverflowError):
        raise GraphQLError(f"Invalid DateTime: {value!r}.",
                           extensions={"code": "INVALID_DATETIME"}) from None
    if not MIN_YEAR <= result.year <= MAX_YEAR:
        raise GraphQLError(f"DateTime out of range: years {MIN_YEAR} to {MAX_YEAR} only.",
                           extensions={"code": "INVALID_DATETIME"})
    return result


DATETIME_SCALAR: ScalarDefinition = strawberry.scalar(
    name="DateTime",
    description="Date with time (isoformat)",
    serialize=datetime.isoformat,
    parse_value=_parse_datetime,
)

SCALAR_MAP: dict[object, ScalarDefinition] = {Decimal: DECIMAL_SCALAR, datetime: DATETIME_SCALAR}
