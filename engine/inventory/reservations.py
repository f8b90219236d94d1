"""Taking and releasing stock and seats.

Each change is one conditional ``UPDATE ... WHERE stock >= n`` (or ``seats_taken + n <=
capacity``) whose row count says whether it happened: atomic on PostgreSQL (the row is
locked by the update) and on SQLite (write transactions begin IMMEDIATE). Callers take rows
in primary-key order so concurrent orders cannot deadlock. The database's CHECK constraints
are the last line: stock never goes below zero, seats never above capacity.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from engine.catalog.models import ProductVariant


async def take_stock(session: AsyncSession, variant_id: int, quantity: int) -> bool:
    result = await session.execute(
        update(ProductVariant)
        .where(ProductVariant.id == variant_id, ProductVariant.stock >= quantity)
        .values(stock=ProductVariant.stock - quantity))
    return getattr(result, "rowcount", 0) == 1


async def take_seats(session: AsyncSession, variant_id: int, seats: int) -> bool:
    result = await session.execute(
        update(ProductVariant)
        .where(ProductVariant.id == variant_id,
               ProductVariant.seats_taken + seats <= ProductVariant.capacity)
        .values(seats_taken=ProductVariant.seats_taken + seats))
    return getattr(result, "rowcount", 0) == 1


async def give_back_stock(session: AsyncSession, variant_id: int, quantity: int) -> None:
    await session.execute(update(ProductVariant).where(ProductVariant.id == variant_id)
                          .values(stock=ProductVariant.stock + quantity))


async def give_back_seats(session: AsyncSession, variant_id: int, seats: int) -> None:
    await session.execute(update(ProductVariant).where(ProductVariant.id == variant_id)
                          .values(seats_taken=ProductVariant.seats_taken - seats))
