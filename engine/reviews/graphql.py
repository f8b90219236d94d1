"""Reviews in the API: ``reviewCreate``, ``reviewHide`` (operators), ``reviews`` and the
``rating`` / ``reviewCount`` fields of ``Product`` and ``Vendor``."""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal

import strawberry
from sqlalchemy import select

from engine.api.context import Info
from engine.api.enums import LanguageCodeEnum
from engine.api.errors import attempt, error_code_enum, payload_errors
from engine.api.ids import decode_id, decode_optional, encode_id
from engine.api.pagination import Connection, PageArgs, connection, count_of, fetch_page
from engine.catalog.types import ProductType
from engine.errors import ValidationError
from engine.reviews import service
from engine.reviews.loaders import product_ratings, vendor_ratings
from engine.reviews.models import Review
from engine.vendors.types import VendorType

ReviewErrorCode = strawberry.enum(
    error_code_enum("ReviewErrorCode", ("NOT_A_BUYER", "REFUNDED", "ALREADY_REVIEWED",
                                        "INVALID_RATING")),
    description="Why a review was refused.")


@strawberry.enum
class ReviewTarget(enum.StrEnum):
    PRODUCT = "PRODUCT"
    VENDOR = "VENDOR"


@strawberry.type(name="Review")
class ReviewType:
    id: strawberry.ID
    target: ReviewTarget
    rating: int
    text: str
    language_code: LanguageCodeEnum  # type: ignore[valid-type]
    created_at: datetime
    is_hidden: bool

    @classmethod
    def of(cls, review: Review) -> ReviewType:
        return cls(id=encode_id("Review", review.id),
                   target=review.target,  # type: ignore[arg-type]
                   rating=review.rating, text=review.text,
                   language_code=review.language_code, created_at=review.created_at,
                   is_hidden=review.is_hidden)


@strawberry.type
class ReviewError:
    field: str | None
    code: ReviewErrorCode  # type: ignore[valid-type]
    message: str


@strawberry.type
class ReviewPayload:
    review: ReviewType | None
    errors: list[ReviewError]


@strawberry.input
class ReviewCreateInput:
    order_line_id: strawberry.ID
    target: ReviewTarget
    rating: int
    text: str | None = None
    language_code: LanguageCodeEnum  # type: ignore[valid-type]


def _payload(review: Review | None, exc: ValidationError | None) -> ReviewPayload:
    return ReviewPayload(review=ReviewType.of(review) if review else None,
                         errors=payload_errors(exc, ReviewError, ReviewErrorCode) if exc else [])


@strawberry.type
class ReviewMutation:
    @strawberry.mutation(description="Review a product or vendor you bought from (paid and "
                                      "not refunded; a product once, a vendor once per "
                                      "order line).")
    async def review_create(self, info: Info, input: ReviewCreateInput) -> ReviewPayload:
        user = await info.context.user()
        review, exc = await attempt(lambda: service.create_review(
            info.context.runtime, user, service.ReviewData(
                order_line_id=decode_id(input.order_line_id, "OrderLine", field="orderLineId"),
                target=input.target.value, rating=input.rating, text=input.text,
                language_code=str(input.language_code))))
        return _payload(review, exc)

    @strawberry.mutation(description="Hide a review, giving the reason (operators).")
    async def review_hide(self, info: Info, id: strawberry.ID, reason: str) -> ReviewPayload:
        user = await info.context.user()
        review, exc = await attempt(lambda: service.hide_review(
            info.context.runtime, user, decode_id(id, "Review"), reason))
        return _payload(review, exc)


@strawberry.type(name="PurchasedProduct", description="A product you paid for, with your review.")
class PurchasedProductType:
    order_line_id: strawberry.ID = strawberry.field(
        description="The newest paid line it came on: review it through this line.")
    product_name: str
    variant_name: str
    vendor_name: str
    purchased_at: datetime
    review: ReviewType | None = strawberry.field(
        description="Your review of the product; null while you have not written one.")

    @classmethod
    def of(cls, item: service.PurchasedProduct) -> PurchasedProductType:
        return cls(order_line_id=strawberry.ID(encode_id("OrderLine", item.line.id)),
                   product_name=item.line.product_name, variant_name=item.line.variant_name,
                   vendor_name=item.vendor_name, purchased_at=item.purchased_at,
                   review=ReviewType.of(item.review) if item.review else None)


@strawberry.type
class ReviewQuery:
    @strawberry.field(description="The products of your paid purchases, one per product, "
                                  "newest purchase first (at most 100), each with your "
                                  "review or null: what you may still review.")
    async def my_purchased_products(self, info: Info, first: int = 50
                                    ) -> list[PurchasedProductType]:
        user = await info.context.user()
        items = await service.purchased_products(info.context.runtime, user,
                                                 min(first, 100))
        return [PurchasedProductType.of(item) for item in items]

    @strawberry.field(description="Visible reviews of a product or of a vendor, oldest first.")
    async def reviews(self, info: Info, first: int | None = None, after: str | None = None,
                      product_id: strawberry.ID | None = None,
                      vendor_id: strawberry.ID | None = None) -> Connection[ReviewType]:
        product = decode_optional(product_id, "Product", field="productId")
        vendor = decode_optional(vendor_id, "Vendor", field="vendorId")
        if (product is None) == (vendor is None):
            raise ValidationError("productId", "REQUIRED", "Pass productId or vendorId.")
        condition = (Review.product_id == product) & (Review.target == "PRODUCT") \
            if product is not None else (Review.vendor_id == vendor) & (Review.target == "VENDOR")
        query = select(Review).where(condition, Review.is_hidden.is_(False))
        runtime = info.context.runtime
        async with runtime.db.read() as session:
            page = await fetch_page(session, query, Review.id, PageArgs(first, after),
                                    lambda row: row[0].id)

        async def count() -> int:
            async with runtime.db.read() as session:
                return int(await session.scalar(count_of(query)) or 0)

        return connection(page, lambda row: ReviewType.of(row[0]), lambda row: int(row[0].id),
                          count)


async def product_rating(root: ProductType, info: Info) -> Decimal | None:
    """Average of the visible reviews' ratings (one decimal), null without reviews."""
    return (await info.context.loader("product_ratings", product_ratings).load(root.pk))[0]


async def product_review_count(root: ProductType, info: Info) -> int:
    """Number of visible reviews."""
    return (await info.context.loader("product_ratings", product_ratings).load(root.pk))[1]


async def vendor_rating(root: VendorType, info: Info) -> Decimal | None:
    """Average of the visible vendor reviews' ratings (one decimal), null without reviews."""
    return (await info.context.loader("vendor_ratings", vendor_ratings).load(root.model.id))[0]


async def vendor_review_count(root: VendorType, info: Info) -> int:
    """Number of visible vendor reviews."""
    return (await info.context.loader("vendor_ratings", vendor_ratings).load(root.model.id))[1]


def fields_for(type_name: str) -> list[object]:
    if type_name == "Product":
        return [strawberry.field(resolver=product_rating, name="rating",
                                 description=product_rating.__doc__),
                strawberry.field(resolver=product_review_count, name="reviewCount",
                                 description=product_review_count.__doc__)]
    if type_name == "Vendor":
        return [strawberry.field(resolver=vendor_rating, name="rating",
                                 description=vendor_rating.__doc__),
                strawberry.field(resolver=vendor_review_count, name="reviewCount",
                                 description=vendor_review_count.__doc__)]
    return []
