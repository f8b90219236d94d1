"""Cache versions: one row per name, bumped by the transactions that change what it covers.

``catalog``   every write to products, variants (except their stock), categories, vendors,
              their translations, shipping methods and plugin tables marked ``catalog``;
``stock``     stock and seats taken (``catalog_variant.stock`` / ``seats_taken``): only
              documents that select a stock field depend on it;
``tax_facts`` facts a tax plugin prices with that are not catalog rows (a vendor crossing
              the OSS threshold, an OSS opt-in).

A bump is ``UPDATE cache_version SET version = version + 1`` inside the writing
transaction, so it commits (and becomes visible to every worker) together with the change.
Readers take all rows with one ``SELECT``. (The bump is an upsert, so a missing row
is created.)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import BigInteger, String, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import Mapped, Session, mapped_column

from engine.db.base import Base

CATALOG = "catalog"
STOCK = "stock"
TAX_FACTS = "tax_facts"
NAMES = (CATALOG, STOCK, TAX_FACTS)

Versions = Mapping[str, int]


class CacheVersion(Base):
    __tablename__ = "cache_version"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=0)


_SELECT = select(CacheVersion.name, CacheVersion.version)


async def read_versions(conn: AsyncConnection | AsyncSession) -> dict[str, int]:
    """Every version, in one statement."""
    rows = await conn.execute(_SELECT)
    return {name: int(version) for name, version in rows}


def check_names(names: Iterable[str]) -> list[str]:
    found = sorted(set(names))
    unknown = [n for n in found if n not in NAMES]
    if unknown:
        raise ValueError(f"unknown cache version(s) {unknown}; known: {list(NAMES)}")
    return found


def bump_now(session: Session, names: Iterable[str]) -> None:
    """Increment ``names`` in the session's transaction (sync: used from session events)."""
    found = check_names(names)
    if not found:
        return
    dialect = session.get_bind().dialect.name
    if dialect not in ("postgresql", "sqlite"):
        session.execute(update(CacheVersion).where(CacheVersion.name.in_(found))
                        .values(version=CacheVersion.version + 1))
        return
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(CacheVersion).values([{"name": n, "version": 1} for n in found])
    session.execute(statement.on_conflict_do_update(
        index_elements=[CacheVersion.name], set_={"version": CacheVersion.version + 1}))
