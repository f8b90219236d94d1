"""Writing reviews: only the buyer of a paid, non-refunded order line may review its product
(once per product, however often they bought it) and its vendor (once per line); operators
hide reviews (with a reason). A line is refunded when a refund gave it back (by ``lineIds``
or with the rest of its vendor order) or its whole vendor order was refunded: the other
lines of a partly refunded vendor order stay reviewable. ``purchased_products`` lists what
a buyer may review."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from engine.accounts.models import User
from engine.errors import Collector, NotFound, ValidationError
from engine.input_rules import clean_text
from engine.orders.models import Order, OrderLine, VendorOrder
from engine.payments.refunded_lines import is_refunded
from engine.reviews.models import Review
from engine.runtime import Runtime
from engine.vendors.access import require_operator, require_user
from engine.vendors.models import Vendor

TARGETS = ("PRODUCT", "VENDOR")
#: Orders and vendor orders whose lines entitle a review (paid, not refunded or cancelled).
ORDER_PAID = ("PAID", "FULFILLED", "COMPLETED", "PARTIALLY_REFUNDED")
VENDOR_ORDER_PAID = ("PAID", "ACCEPTED", "FULFILLED", "COMPLETED", "PARTIALLY_REFUNDED")


@dataclass
class ReviewData:
    order_line_id: int
    target: str
    rating: int
    text: str | None
    language_code: str


def _clean(data: ReviewData) -> str:
    errors = Collector()
    if data.target not in TARGETS:
        errors.add("target", "INVALID", "Review a PRODUCT or a VENDOR.")
    if not 1 <= data.rating <= 5:
        errors.add("rating", "INVALID_RATING", "A rating is a whole number from 1 to 5.")
    text = clean_text(errors, "text", data.text or "", max_length=5000, required=False)
    errors.raise_if_any()
    return text or ""


async def create_review(runtime: Runtime, user: User | None, data: ReviewData) -> Review:
    buyer = require_user(user)
    text = _clean(data)
    async with runtime.transaction() as session:
        row = (await session.execute(
            select(OrderLine, Order.status, VendorOrder.status, is_refunded(OrderLine.id))
            .join(Order, Order.id == OrderLine.order_id)
            .join(VendorOrder, VendorOrder.id == OrderLine.vendor_order_id)
            .where(OrderLine.id == data.order_line_id, Order.user_id == buyer.id))).first()
        if row is None:
            raise NotFound("orderLineId", "Order line not found among your orders.")
        line, order_status, vendor_status, refunded = row
        if refunded or "REFUNDED" in (order_status, vendor_status):
            raise ValidationError("orderLineId", "REFUNDED",
                                  "This purchase was refunded, so it cannot be reviewed.")
        if order_status not in ORDER_PAID or vendor_status not in VENDOR_ORDER_PAID:
            raise ValidationError("orderLineId", "NOT_A_BUYER",
                                  "Only paid, non-refunded purchases can be reviewed.")
        if data.target == "PRODUCT" and line.product_id is None:
            raise ValidationError("orderLineId", "NOT_FOUND", "The product no longer exists.")
        if data.target == "PRODUCT" and await session.scalar(
                select(Review.id).where(Review.user_id == buyer.id, Review.target == "PRODUCT",
                                        Review.product_id == line.product_id).limit(1)):
            raise ValidationError("orderLineId", "ALREADY_REVIEWED",
                                  "You have already reviewed this product.")
        review = Review(target=data.target, order_line_id=line.id, user_id=buyer.id,
                        product_id=line.product_id if data.target == "PRODUCT" else None,
                        vendor_id=line.vendor_id, rating=data.rating, text=text,
                        language_code=data.language_code, is_hidden=False)
        session.add(review)
        try:
            await session.flush()
        except IntegrityError:
            raise ValidationError("orderLineId", "ALREADY_REVIEWED",
                                  "You have already reviewed this purchase.") from None
    return review


async def hide_review(runtime: Runtime, user: User | None, review_id: int,
                      reason: str) -> Review:
    require_operator(user)
    errors = Collector()
    cleaned = clean_text(errors, "reason", reason, max_length=500)
    errors.raise_if_any()
    async with runtime.transaction() as session:
        review = await session.get(Review, review_id, with_for_update=True)
        if review is None:
            raise NotFound("id", "Review not found.")
        review.is_hidden, review.hidden_reason = True, cleaned
    return review


#: How many paid lines ``purchased_products`` reads at most (newest first).
PURCHASES_SCANNED = 500


@dataclass
class PurchasedProduct:
    """A product the buyer paid for: the newest line it came on, and their review if any."""

    line: OrderLine
    vendor_name: str
    purchased_at: datetime
    review: Review | None


async def purchased_products(runtime: Runtime, user: User | None,
                             limit: int) -> list[PurchasedProduct]:
    """The signed-in buyer's paid, non-refunded products, one per product, newest purchase
    first, each with the buyer's product review (``None`` while not written)."""
    buyer = require_user(user)
    async with runtime.db.read() as session:
        rows = (await session.execute(
            select(OrderLine, Vendor.name, Order.created_at)
            .join(Order, Order.id == OrderLine.order_id)
            .join(VendorOrder, VendorOrder.id == OrderLine.vendor_order_id)
            .join(Vendor, Vendor.id == OrderLine.vendor_id)
            .where(Order.user_id == buyer.id, Order.status.in_(ORDER_PAID),
                   VendorOrder.status.in_(VENDOR_ORDER_PAID), OrderLine.product_id.is_not(None),
                   ~is_refunded(OrderLine.id))
            .order_by(Order.created_at.desc(), OrderLine.id.desc())
            .limit(PURCHASES_SCANNED))).all()
        reviews = {review.product_id: review for review in await session.scalars(
            select(Review).where(Review.user_id == buyer.id, Review.target == "PRODUCT"))}
    seen: dict[int, PurchasedProduct] = {}
    for line, vendor_name, created_at in rows:
        if line.product_id is not None and line.product_id not in seen:
            seen[line.product_id] = PurchasedProduct(line, vendor_name, created_at,
                                                     reviews.get(line.product_id))
    return list(seen.values())[:max(0, limit)]
