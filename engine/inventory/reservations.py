"""Taking and releasing stock and seats.

Each change is a conditional ``UPDATE ... WHERE stock >= n`` (or ``seats_taken + n <=
capacity``) whose row count (or ``RETURNING``) says whether it happened: atomic on PostgreSQL
(the row is locked by the update) and on SQLite (write transactions begin IMMEDIATE).
``take_all`` does a whole order in one statement; its ``id IN (...)`` is an index scan in
primary-key order, so concurrent orders lock rows in the same order and cannot deadlock.
The database's CHECK constraints are the last line: stock never goes below zero, seats
never above capacity.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import case, update
from sqlalchemy.ext.asyncio import AsyncSession

from engine.catalog.models import ProductVariant


async def take_all(session: AsyncSession, stock: Mapping[int, int], seats: Mapping[int, int]
                   ) -> set[int]:
    """Take ``stock`` (variant id -> quantity) and ``seats`` (variant id -> seats) in one
    statement; returns the variant ids taken. A variant whose stock or seats are short is
    left untouched and missing from the answer: the caller refuses the order (and its
    transaction rolls back what was taken)."""
    ids = sorted(set(stock) | set(seats))
    if not ids:
        return set()
    variant = ProductVariant
    less: Any = case(stock, value=variant.id, else_=0) if stock else 0
    more: Any = case(seats, value=variant.id, else_=0) if seats else 0
    statement = update(variant).where(variant.id.in_(ids))
    if stock:
        statement = statement.where(variant.stock >= less).values(stock=variant.stock - less)
    if seats:
        statement = statement.where((more == 0) | (variant.seats_taken + more <= variant.capacity)
                                    ).values(seats_taken=variant.seats_taken + more)
    taken = await session.scalars(statement.returning(variant.id).execution_options(
        synchronize_session=False))
    return set(taken)


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
