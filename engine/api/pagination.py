"""Relay connections with keyset pagination on the primary key.

``first``/``after`` or ``last``/``before``; one of ``first``/``last`` is required and both
are capped at 100. ``totalCount`` runs its COUNT only when the client asks for it.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import strawberry
from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.api.ids import parse_pk
from engine.errors import ValidationError

MAX_PAGE = 100
T = TypeVar("T")


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="Number of items matching the filter, over all pages.")
    async def total_count(self) -> int:
        return await self.count()


@dataclass(frozen=True)
class PageArgs:
    first: int | None = None
    after: str | None = None
    last: int | None = None
    before: str | None = None


def encode_cursor(pk: int) -> str:
    return base64.b64encode(f"cursor:{pk}".encode()).decode()


MAX_CURSOR_LENGTH = 100


def decode_cursor(value: str, field: str) -> int:
    """The primary key in a cursor (strict digits, see ``parse_pk``) or INVALID_CURSOR."""
    pk = None
    if len(value) <= MAX_CURSOR_LENGTH:
        try:
            raw = base64.b64decode(value.encode("ascii"), validate=True).decode()
        except (binascii.Error, UnicodeError, ValueError):
            raw = ""
        prefix, _, text = raw.partition(":")
        pk = parse_pk(text) if prefix == "cursor" else None
    if pk is None:
        raise ValidationError(field, "INVALID_CURSOR", "Malformed cursor.")
    return pk


def check_args(args: PageArgs) -> None:
    if (args.first is None) == (args.last is None):
        raise ValidationError("first", "REQUIRED", "Pass exactly one of first or last.")
    size = args.first if args.first is not None else args.last
    name = "first" if args.first is not None else "last"
    assert size is not None
    if not 0 < size <= MAX_PAGE:
        raise ValidationError(name, "INVALID", f"{name} must be between 1 and {MAX_PAGE}.")


def check_page_args(args: PageArgs) -> None:
    """Everything ``fetch_page`` would refuse in ``args``: sizes and cursors."""
    check_args(args)
    for name in ("after", "before"):
        cursor = getattr(args, name)
        if cursor is not None:
            decode_cursor(cursor, name)


@dataclass(frozen=True)
class Page:
    rows: Sequence[Any]
    has_next: bool
    has_previous: bool


async def fetch_page(session: AsyncSession, query: Select[Any], key: Any, args: PageArgs,
                     pk_of: Callable[[Any], int]) -> Page:
    """Run ``query`` keyset-paginated on ``key`` (ascending primary key)."""
    check_args(args)
    if args.first is not None:
        if args.after is not None:
            query = query.where(key > decode_cursor(args.after, "after"))
        if args.before is not None:
            query = query.where(key < decode_cursor(args.before, "before"))
        rows = (await session.execute(query.order_by(key.asc()).limit(args.first + 1))).all()
        return Page(rows[: args.first], len(rows) > args.first, args.after is not None)
    assert args.last is not None
    if args.before is not None:
        query = query.where(key < decode_cursor(args.before, "before"))
    if args.after is not None:
        query = query.where(key > decode_cursor(args.after, "after"))
    rows = (await session.execute(query.order_by(key.desc()).limit(args.last + 1))).all()
    page = list(reversed(rows[: args.last]))
    return Page(page, args.before is not None, len(rows) > args.last)


def count_of(query: Select[Any]) -> Select[Any]:
    return select(func.count()).select_from(query.order_by(None).subquery())


def connection(page: Page, build: Callable[[Any], T], pk_of: Callable[[Any], int],
               count: Callable[[], Awaitable[int]],
               cursor: Callable[[int], str] = encode_cursor) -> Connection[T]:
    """``pk_of`` gives each row's position key, ``cursor`` encodes it (default: keyset)."""
    edges = [Edge(cursor=cursor(pk_of(row)), node=build(row)) for row in page.rows]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next,
            has_previous_page=page.has_previous,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        count=count,
    )
