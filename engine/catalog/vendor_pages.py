"""``Vendor.products`` for many vendors at once: one statement pages every vendor.

A listing that asks ``vendor { products(first: n) }`` for each of its products would run one
query per vendor. Here the request's DataLoader groups the calls that share page arguments,
filter, scope and language, and one SELECT numbers each vendor's products with
``row_number() OVER (PARTITION BY vendor_id ORDER BY id)`` and keeps ``n + 1`` per vendor (the
extra row tells whether another page follows). ``totalCount`` is one grouped COUNT likewise.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased
from strawberry.dataloader import DataLoader

from engine.api.pagination import Page, PageArgs, decode_cursor
from engine.catalog.listing import ProductFilter, Scope, filtered, product_select, visible
from engine.catalog.models import Product
from engine.runtime import Runtime
from engine.search.match import hits

#: (page arguments, filter without vendor, scope, language)
Group = tuple[PageArgs, ProductFilter, Scope, str | None]
PageKey = tuple[int, PageArgs, ProductFilter, Scope, str | None]
CountKey = tuple[int, ProductFilter, Scope]


def _grouped(keys: Sequence[tuple[Any, ...]]) -> dict[tuple[Any, ...], list[int]]:
    groups: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for vendor_id, *rest in keys:
        groups[tuple(rest)].append(vendor_id)
    return groups


def _filtered(session: Any, query: Select[Any], flt: ProductFilter) -> Select[Any]:
    found = hits(session.bind.dialect.name, flt.search) if flt.search else None
    return filtered(query, flt, found)


def _page(rows: list[Any], args: PageArgs) -> Page:
    if args.first is not None:
        return Page(rows[: args.first], len(rows) > args.first, args.after is not None)
    assert args.last is not None
    return Page(rows[-args.last:], args.before is not None, len(rows) > args.last)


async def _pages(session: Any, group: Group, vendor_ids: list[int]) -> dict[int, Page]:
    args, flt, scope, language = group
    size = args.first if args.first is not None else args.last
    assert size is not None
    query = _filtered(session, visible(product_select(language), scope), flt)
    query = query.where(Product.vendor_id.in_(vendor_ids))
    if args.after is not None:
        query = query.where(Product.id > decode_cursor(args.after, "after"))
    if args.before is not None:
        query = query.where(Product.id < decode_cursor(args.before, "before"))
    order = Product.id.asc() if args.first is not None else Product.id.desc()
    ranked = query.add_columns(func.row_number().over(
        partition_by=Product.vendor_id, order_by=order).label("page_rank")).subquery()
    product = aliased(Product, ranked)
    rows = await session.execute(
        select(product, ranked.c.t_name, ranked.c.t_description)
        .where(ranked.c.page_rank <= size + 1).order_by(ranked.c.vendor_id, ranked.c.id))
    by_vendor: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        by_vendor[row[0].vendor_id].append(row)
    return {vendor_id: _page(by_vendor[vendor_id], args) for vendor_id in vendor_ids}


def vendor_product_pages(runtime: Runtime) -> DataLoader[PageKey, Page]:
    """Pages by (vendor id, args, filter, scope, language); check ``args`` before loading
    (``check_page_args``), so that one bad call cannot fail its whole batch."""

    async def load(keys: Sequence[PageKey]) -> list[Page]:
        found: dict[PageKey, Page] = {}
        async with runtime.db.read() as session:
            for rest, vendor_ids in _grouped(keys).items():
                group: Group = rest  # type: ignore[assignment]
                for vendor_id, page in (await _pages(session, group, vendor_ids)).items():
                    found[(vendor_id, *group)] = page
        return [found[key] for key in keys]

    return DataLoader(load_fn=load)


def vendor_product_counts(runtime: Runtime) -> DataLoader[CountKey, int]:
    async def load(keys: Sequence[CountKey]) -> list[int]:
        found: dict[CountKey, int] = {}
        async with runtime.db.read() as session:
            for (flt, scope), vendor_ids in _grouped(keys).items():
                counting = cast("Select[Any]", select(Product.vendor_id, func.count()))
                query = _filtered(session, visible(counting, scope), flt)
                rows = await session.execute(query.where(Product.vendor_id.in_(vendor_ids))
                                             .group_by(Product.vendor_id))
                counts = {vendor_id: int(total) for vendor_id, total in rows}
                for vendor_id in vendor_ids:
                    found[(vendor_id, flt, scope)] = counts.get(vendor_id, 0)
        return [found[key] for key in keys]

    return DataLoader(load_fn=load)
