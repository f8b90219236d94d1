"""Listing inputs: ``ProductFilterInput`` (search, category, vendors, kind, prices) and
``sortBy: ProductOrder { field direction }``."""

from __future__ import annotations

import enum
from decimal import Decimal

import strawberry

from engine.api.ids import decode_id, decode_optional
from engine.catalog.listing import ProductFilter
from engine.catalog.types import ProductKind
from engine.errors import ValidationError
from engine.search.sorting import Sort, SortField


@strawberry.enum(description="Orders a product listing.")
class ProductOrderField(enum.StrEnum):
    RELEVANCE = "RELEVANCE"
    PRICE = "PRICE"
    NEWEST = "NEWEST"
    NAME = "NAME"


@strawberry.enum
class OrderDirection(enum.StrEnum):
    ASC = "ASC"
    DESC = "DESC"


MAX_SEARCH = 100


MAX_VENDOR_IDS = 50


@strawberry.input
class ProductFilterInput:
    search: str | None = strawberry.field(
        default=None, description="Words matched (ignoring case and accents) against names, "
        "descriptions and every translation.")
    category_id: strawberry.ID | None = None
    vendor_id: strawberry.ID | None = None
    vendor_ids: list[strawberry.ID] | None = None
    kind: ProductKind | None = None
    price_min: Decimal | None = strawberry.field(
        default=None, description="On the cheapest variant's price as the vendor set it.")
    price_max: Decimal | None = None

    def to_filter(self) -> ProductFilter:
        if self.search is not None and len(self.search) > MAX_SEARCH:
            raise ValidationError("filter.search", "TOO_LONG",
                                  f"Search at most {MAX_SEARCH} characters.")
        if len(self.vendor_ids or ()) > MAX_VENDOR_IDS:
            raise ValidationError("filter.vendorIds", "INVALID",
                                  f"At most {MAX_VENDOR_IDS} vendors.")
        for name, value in (("priceMin", self.price_min), ("priceMax", self.price_max)):
            if value is not None and value < 0:
                raise ValidationError(f"filter.{name}", "INVALID", "Prices are not negative.")
        return ProductFilter(
            search=self.search,
            category_id=decode_optional(self.category_id, "Category", field="filter.categoryId"),
            vendor_id=decode_optional(self.vendor_id, "Vendor", field="filter.vendorId"),
            vendor_ids=tuple(decode_id(v, "Vendor", field=f"filter.vendorIds.{i}")
                             for i, v in enumerate(self.vendor_ids or ())),
            kind=self.kind.value if self.kind is not None else None,
            price_min=self.price_min, price_max=self.price_max,
        )


@strawberry.input
class ProductOrder:
    field: ProductOrderField
    direction: OrderDirection = OrderDirection.ASC

    def to_sort(self) -> Sort:
        return Sort(SortField(self.field.value), self.direction is OrderDirection.DESC)


