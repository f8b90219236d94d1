"""What the e-learning plugin reads of the core, through ``engine.plugins.api``: an order's
COURSE lines and buyer, a product's facts, the public product listing, users' e-mails."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins import api as plugin_api
from engine.plugins.api import ProductFacts, category_and_descendants, public_products

__all__ = ["CourseLine", "OrderCourses", "ProductFacts", "category_and_descendants",
           "cheapest_price", "course_product_select", "is_public", "order_course_lines",
           "product_category_column", "product_facts", "product_id_column", "user_emails",
           "user_names"]


@dataclass(frozen=True)
class CourseLine:
    product_id: int
    variant_id: int | None
    vendor_order_id: int


@dataclass(frozen=True)
class OrderCourses:
    user_id: int | None
    status: str
    lines: list[CourseLine]


async def product_facts(session: AsyncSession, product_id: int) -> ProductFacts | None:
    return await plugin_api.product_facts(session, product_id)


async def order_course_lines(session: AsyncSession, order_id: int,
                             vendor_order_id: int | None = None) -> OrderCourses | None:
    """The buyer (the order's user, else the account with the order's e-mail) and the
    order's COURSE lines (only ``vendor_order_id``'s when given)."""
    order = await plugin_api.order_facts(session, order_id)
    if order is None:
        return None
    lines = [CourseLine(line.product_id, line.variant_id, vo.id)
             for vo, line in order.lines("COURSE")
             if line.product_id is not None and vendor_order_id in (None, vo.id)]
    return OrderCourses(order.buyer_user_id, order.status, lines)


def course_product_select(language: str | None) -> Any:
    """Published products of approved vendors, with name/description in ``language``."""
    return public_products(language)


def product_id_column() -> Any:
    return plugin_api.PRODUCT_ID


def product_category_column() -> Any:
    return plugin_api.PRODUCT_CATEGORY_ID


async def user_emails(session: AsyncSession, ids: Sequence[int]) -> dict[int, str]:
    return await plugin_api.user_emails(session, ids)


async def user_names(session: AsyncSession, ids: Sequence[int]) -> dict[int, str]:
    return await plugin_api.user_names(session, ids)


async def cheapest_price(session: AsyncSession, product_id: int) -> Any:
    """The lowest variant price of a product (a Decimal), or None without variants."""
    facts = await plugin_api.product_facts(session, product_id)
    return facts.min_price if facts else None


async def is_public(session: AsyncSession, product_id: int) -> bool:
    """The catalog's visibility rule: published, and its vendor approved."""
    product = product_id_column()
    row = (await session.execute(public_products(None).where(product == product_id)
                                 .limit(1))).first()
    return row is not None
