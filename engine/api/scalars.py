"""Custom scalars: ``Decimal`` travels as a string ("12.50"), never as a float.

Resolvers and inputs annotate plain ``decimal.Decimal``; ``SCALAR_MAP`` (given to the
schema config) replaces strawberry's default Decimal handling with a strict parser.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import strawberry
from strawberry.types.scalar import ScalarDefinition

MAX_DECIMAL_LENGTH = 40


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

SCALAR_MAP: dict[object, ScalarDefinition] = {Decimal: DECIMAL_SCALAR}
