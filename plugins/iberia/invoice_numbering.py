"""Gapless invoice numbers: a counter row incremented with UPDATE ... RETURNING inside the
invoice's own transaction. Concurrent issuers queue on the row (PostgreSQL row lock; SQLite
serialises writers); a rolled-back invoice gives its number back."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from plugins.iberia.models import InvoiceCounter

SERIES_INVOICE = "F"
SERIES_CREDIT = "R"
#: The platform's own invoices to its vendors for its commission (one series of its own).
SERIES_COMMISSION = "C"


def number_counter(issuer_key: str, series: str, year: int) -> str:
    return f"{issuer_key}:{series}:{year}"


def chain_counter(issuer_key: str) -> str:
    return f"{issuer_key}:chain"


def code_of(series: str, year: int, number: int) -> str:
    """``F2026-000001`` (invoices), ``R2026-000001`` (rectifying invoices),
    ``C2026-000001`` (the platform's commission invoices)."""
    return f"{series}{year}-{number:06d}"


async def next_value(session: AsyncSession, name: str) -> int:
    for _ in range(2):
        value = (await session.execute(
            update(InvoiceCounter).where(InvoiceCounter.name == name)
            .values(value=InvoiceCounter.value + 1).returning(InvoiceCounter.value)
        )).scalar_one_or_none()
        if value is not None:
            return int(value)
        dialect = (await session.connection()).dialect.name
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        await session.execute(insert(InvoiceCounter).values(name=name, value=0)
                              .on_conflict_do_nothing(index_elements=["name"]))
    raise RuntimeError(f"invoice counter {name!r} could not be created")
