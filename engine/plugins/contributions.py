"""Plain value objects that plugins return from composition hooks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class GraphQLContribution:
    """Strawberry classes merged into the schema: root fields and extra types."""

    query: Sequence[type] = ()
    mutation: Sequence[type] = ()
    types: Sequence[type] = ()


@dataclass(frozen=True)
class ProductKindSpec:
    """A product kind: its enum value, whether it ships and whether it is bookable."""

    code: str
    description: str = ""
    shippable: bool = False
    bookable: bool = False


@dataclass(frozen=True)
class TaxClassSpec:
    """A tax class code published by ``taxClasses`` (names what is sold, never a rate)."""

    code: str
    name: str
    description: str = field(default="")
