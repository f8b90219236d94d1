"""Sorting a product listing: RELEVANCE, PRICE (the cheapest variant), NEWEST, NAME.

The product id always breaks ties, so pages are stable. Sorted pages use offset cursors
(``first``/``after`` only); the default order (by id, no search) keeps keyset pagination.
"""

from __future__ import annotations

import base64
import binascii
import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, Subquery, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.api.pagination import Page, PageArgs, check_args
from engine.catalog.models import Product, ProductVariant
from engine.errors import ValidationError

MAX_OFFSET = 10_000


class SortField(enum.StrEnum):
    RELEVANCE = "RELEVANCE"
    PRICE = "PRICE"
    NEWEST = "NEWEST"
    NAME = "NAME"


@dataclass(frozen=True)
class Sort:
    field: SortField
    descending: bool = False


def cheapest_price() -> ColumnElement[Any]:
    """The product's cheapest variant price (what ``Product.pricing`` is based on)."""
    return select(func.min(ProductVariant.price)).where(
        ProductVariant.product_id == Product.id).scalar_subquery()


def order_by(sort: Sort, hits: Subquery | None, name: ColumnElement[Any]) -> list[Any]:
    """ORDER BY terms for ``sort``; RELEVANCE without a search is the default order (by id).

    ``NEWEST`` puts the newest first; ``descending`` reverses any order.
    """
    descending = sort.descending
    key: ColumnElement[Any] | None = None
    if sort.field is SortField.RELEVANCE:
        key = hits.c.rank if hits is not None else None
    elif sort.field is SortField.PRICE:
        key = cheapest_price()
    elif sort.field is SortField.NEWEST:
        key, descending = Product.created_at.expression, not descending
    else:
        key = func.lower(name)
    tie = Product.id.desc() if descending else Product.id.asc()
    if key is None:
        return [tie]
    return [key.desc().nulls_last() if descending else key.asc().nulls_last(), tie]


def encode_offset(offset: int) -> str:
    return base64.b64encode(f"offset:{offset}".encode()).decode()


def decode_offset(value: str) -> int:
    try:
        prefix, _, number = base64.b64decode(value.encode("ascii"), validate=True) \
            .decode().partition(":")
        offset = int(number)
        if prefix != "offset" or not 0 <= offset <= MAX_OFFSET:
            raise ValueError(prefix)
        return offset
    except (binascii.Error, UnicodeError, ValueError):
        raise ValidationError("after", "INVALID_CURSOR", "Malformed cursor.") from None


async def fetch_sorted_page(session: AsyncSession, query: Select[Any], order: list[Any],
                            args: PageArgs) -> tuple[Page, int]:
    """One page of ``query`` in ``order``; returns the page and the offset of its first row."""
    check_args(args)
    if args.first is None or args.before is not None:
        raise ValidationError("last", "INVALID",
                              "Sorted or searched listings page forward: use first/after.")
    start = decode_offset(args.after) + 1 if args.after is not None else 0
    rows = (await session.execute(
        query.order_by(*order).offset(start).limit(args.first + 1))).all()
    return Page(rows[: args.first], len(rows) > args.first, start > 0), start
