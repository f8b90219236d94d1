"""Catalog reads: which products a viewer may see, filtered, with translated text.

One SELECT returns the page's rows together with their translated name and description.
Text search, sorting and facets are in ``engine.search``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, Subquery, or_, select

from engine.catalog.models import Category, CategoryTranslation, Product, ProductTranslation
from engine.search.sorting import cheapest_price
from engine.translations import translated
from engine.vendors.models import Vendor


@dataclass(frozen=True)
class ProductFilter:
    search: str | None = None
    category_id: int | None = None
    vendor_id: int | None = None
    kind: str | None = None
    vendor_ids: tuple[int, ...] = ()
    #: On the cheapest variant's price, as the vendor entered it.
    price_min: Decimal | None = None
    price_max: Decimal | None = None


@dataclass(frozen=True)
class Scope:
    """``public``: published products of approved vendors; plus ``vendor_id``'s own
    products of any state; ``everything`` for operators."""

    vendor_id: int | None = None
    everything: bool = False
    only_vendor: bool = False


def product_select(language: str | None) -> Select[Any]:
    name = translated(ProductTranslation, ProductTranslation.product_id, Product.id, "name",
                      Product.name, Product.language_code, language)
    description = translated(ProductTranslation, ProductTranslation.product_id, Product.id,
                             "description", Product.description, Product.language_code, language)
    return select(Product, name.label("t_name"), description.label("t_description"))


def visible(query: Select[Any], scope: Scope) -> Select[Any]:
    if scope.only_vendor:
        return query.where(Product.vendor_id == scope.vendor_id)
    if scope.everything:
        return query
    public = Product.is_published & Product.vendor_id.in_(
        select(Vendor.id).where(Vendor.status == "APPROVED"))
    if scope.vendor_id is not None:
        return query.where(or_(public, Product.vendor_id == scope.vendor_id))
    return query.where(public)


def category_and_descendants(category_id: int) -> Select[Any]:
    """Ids of a category and every category below it (a recursive CTE)."""
    tree = select(Category.id).where(Category.id == category_id).cte("tree", recursive=True)
    tree = tree.union_all(select(Category.id).where(Category.parent_id == tree.c.id))
    return select(tree.c.id)


def filtered(query: Select[Any], flt: ProductFilter, hits: Subquery | None = None
             ) -> Select[Any]:
    """``query`` narrowed by ``flt``; ``hits`` (``engine.search.match.hits``) joins the
    products matching ``flt.search``."""
    if flt.category_id is not None:
        query = query.where(Product.category_id.in_(category_and_descendants(flt.category_id)))
    if flt.vendor_id is not None:
        query = query.where(Product.vendor_id == flt.vendor_id)
    if flt.vendor_ids:
        query = query.where(Product.vendor_id.in_(flt.vendor_ids))
    if flt.kind is not None:
        query = query.where(Product.kind == flt.kind)
    if flt.price_min is not None:
        query = query.where(cheapest_price() >= flt.price_min)
    if flt.price_max is not None:
        query = query.where(cheapest_price() <= flt.price_max)
    if hits is not None:
        query = query.join(hits, hits.c.product_id == Product.id)
    return query


def category_select(language: str | None) -> Select[Any]:
    name = translated(CategoryTranslation, CategoryTranslation.category_id, Category.id, "name",
                      Category.name, None, language)
    return select(Category, name.label("t_name"))
