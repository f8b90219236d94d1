"""The baseline for ``bench/listing.py``: a hand-written Starlette endpoint, no GraphQL.

``POST /products`` with ``{"first": 50, "languageCode": "PT"}`` returns exactly the JSON the
GraphQL query in ``bench/listing.py`` returns (``{"data": {"products": ...}}``), from the same
SQL the engine issues: the page (``product_select`` + ``visible`` + ``filtered``, keyset on the
primary key, ``first + 1`` rows), the count (``count_of``), and one statement each for the
page's vendors (``vendor_select``), categories (``category_select``) and variants. It uses
the engine's ``Database`` (same connection recipe) but one read session for the whole
request, as a hand-written endpoint would. ``quantityAvailable`` uses the engine's own
``engine.catalog.kinds.available`` (stock for kinds that track it, seats for bookable
variants, null otherwise).

Run by ``bench/listing.py`` as
``uvicorn --app-dir bench --factory baseline_app:app_from_env`` (reads ``RUTA_DATABASE_URL``).
"""

from __future__ import annotations

import contextlib
import os
from collections import defaultdict
from collections.abc import AsyncIterator
from typing import Any

import pluggy
from sqlalchemy import select
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

import engine.db.models  # noqa: F401  (complete metadata)
from engine.api.ids import encode_id
from engine.api.pagination import MAX_PAGE, count_of
from engine.catalog.kinds import available
from engine.catalog.listing import (
    ProductFilter,
    Scope,
    category_select,
    filtered,
    product_select,
    visible,
)
from engine.catalog.models import Category, Product, ProductVariant
from engine.db.database import Database
from engine.plugins.manager import build_plugin_manager
from engine.vendors.loaders import vendor_select
from engine.vendors.models import Vendor


def _price(value: Any) -> str:
    return format(value, "f")  # the engine's Decimal scalar


async def product_page(db: Database, plugins: pluggy.PluginManager, first: int,
                       language: str | None) -> dict[str, Any]:
    scope, flt = Scope(), ProductFilter()
    async with db.read() as session:
        query = filtered(visible(product_select(language), scope), flt)
        rows = (await session.execute(
            query.order_by(Product.id.asc()).limit(first + 1))).all()[:first]
        total = await session.scalar(count_of(filtered(visible(select(Product.id), scope), flt)))

        vendor_ids = list(dict.fromkeys(row[0].vendor_id for row in rows))
        category_ids = list(dict.fromkeys(
            row[0].category_id for row in rows if row[0].category_id is not None))
        product_ids = [row[0].id for row in rows]

        vendors: dict[int, Vendor] = {}
        if vendor_ids:
            for vrow in await session.execute(
                    vendor_select(language).where(Vendor.id.in_(vendor_ids))):
                vendors[vrow[0].id] = vrow[0]
        categories: dict[int, str] = {}
        if category_ids:
            for crow in await session.execute(
                    category_select(language).where(Category.id.in_(category_ids))):
                categories[crow[0].id] = crow.t_name
        variants: dict[int, list[ProductVariant]] = defaultdict(list)
        if product_ids:
            for variant in await session.scalars(
                    select(ProductVariant).where(ProductVariant.product_id.in_(product_ids))
                    .order_by(ProductVariant.id)):
                variants[variant.product_id].append(variant)

    edges = []
    for row in rows:
        product = row[0]
        vendor = vendors[product.vendor_id]
        category = product.category_id
        edges.append({"node": {
            "id": encode_id("Product", product.id),
            "name": row.t_name,
            "slug": product.slug,
            "kind": product.kind,
            "vendor": {"name": vendor.name, "slug": vendor.slug},
            "category": {"name": categories[category]}
            if category is not None and category in categories else None,
            "variants": [{
                "sku": v.sku,
                "price": {"amount": _price(v.price), "currency": "EUR"},
                "quantityAvailable": available(plugins, v, product.kind),
            } for v in variants.get(product.id, [])],
        }})
    return {"data": {"products": {"totalCount": int(total or 0), "edges": edges}}}


def create_app(database_url: str, disabled_plugins: tuple[str, ...] = ()) -> Starlette:
    db = Database(database_url)
    plugins = build_plugin_manager(disabled=disabled_plugins)  # kinds decide what is counted

    async def products(request: Request) -> Response:
        body = await request.json()
        first = int(body.get("first", 50))
        if not 0 < first <= MAX_PAGE:
            return JSONResponse({"error": "first must be between 1 and 100"}, status_code=400)
        language = body.get("languageCode")
        return JSONResponse(await product_page(db, plugins, first, language))

    async def health(_request: Request) -> Response:
        ok = await db.ping()
        return JSONResponse({"status": "ok" if ok else "unavailable"},
                            status_code=200 if ok else 503)

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await db.dispose()

    app = Starlette(routes=[Route("/products", products, methods=["POST"]),
                            Route("/health", health)], lifespan=lifespan)
    app.state.db = db
    return app


def app_from_env() -> Starlette:
    """Factory for uvicorn (``baseline_app:app_from_env``)."""
    disabled = tuple(name.strip() for name in os.environ.get("RUTA_DISABLED_PLUGINS", "").split(",")
                     if name.strip())
    return create_app(os.environ["RUTA_DATABASE_URL"], disabled)
