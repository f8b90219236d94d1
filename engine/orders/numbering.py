"""Gapless, human-friendly numbers: a counter row incremented inside the caller's
transaction. Concurrent transactions queue on the row; a rollback gives the number back."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from engine.orders.models import OrderCounter


async def _ensure_counter(session: AsyncSession, name: str) -> None:
    dialect = (await session.connection()).dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    await session.execute(insert(OrderCounter).values(name=name, value=0)
                          .on_conflict_do_nothing(index_elements=["name"]))


async def next_number(session: AsyncSession, name: str) -> int:
    """The next number of sequence ``name`` (1, 2, 3...), inside the caller's transaction."""
    for _ in range(2):
        result = await session.execute(
            update(OrderCounter).where(OrderCounter.name == name)
            .values(value=OrderCounter.value + 1).returning(OrderCounter.value))
        value = result.scalar_one_or_none()
        if value is not None:
            return int(value)
        await _ensure_counter(session, name)
    raise RuntimeError(f"counter {name!r} could not be created")
