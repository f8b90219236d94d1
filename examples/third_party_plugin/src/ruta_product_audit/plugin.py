"""The plugin object Ruta registers (entry point ``ruta.plugins`` → ``product_audit``).

Composition hooks (run once when the app is built) hand Ruta the model, the migration
directory and the GraphQL parts; lifecycle hooks (run after commit, from Ruta's outbox,
each in isolation and retried on failure) write the audit trail.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select

from engine.plugins.api import GraphQLContribution, Runtime, hookimpl
from ruta_product_audit.graphql import ProductAuditQuery, product_fields
from ruta_product_audit.models import AuditEvent, ProductAuditEntry

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

#: Events that happen once per product: a redelivery must not record them twice.
ONCE = (AuditEvent.CREATED, AuditEvent.DELETED)


# --- composition ------------------------------------------------------------------------


@hookimpl
def ruta_models() -> Sequence[type]:
    return [ProductAuditEntry]


@hookimpl
def ruta_migration_locations() -> Sequence[str]:
    return [str(MIGRATIONS)]


@hookimpl
def ruta_graphql_schema() -> GraphQLContribution:
    return GraphQLContribution(query=[ProductAuditQuery])


@hookimpl
def ruta_graphql_type_fields(type_name: str) -> Sequence[Any]:
    return product_fields() if type_name == "Product" else []


# --- lifecycle --------------------------------------------------------------------------


async def record(runtime: Runtime, product_id: int, vendor_id: int, event: AuditEvent) -> None:
    """Append one entry; ``CREATED`` / ``DELETED`` at most once per product.

    Ruta delivers each event at least once. The hooks get no event id, so a repeated
    ``UPDATED`` cannot be told from a second real update and is recorded again (harmless
    for an audit trail); the once-only events are checked first instead of relying on a
    unique constraint, so a duplicate is skipped rather than failing the delivery.
    """
    async with runtime.db.write() as session:
        if event in ONCE:
            seen = await session.scalar(
                select(ProductAuditEntry.id).where(ProductAuditEntry.product_id == product_id,
                                                   ProductAuditEntry.event == event).limit(1))
            if seen is not None:
                return
        session.add(ProductAuditEntry(product_id=product_id, vendor_id=vendor_id,
                                      event=event.value))


@hookimpl
async def ruta_product_created(runtime: Runtime, product_id: int, vendor_id: int) -> None:
    await record(runtime, product_id, vendor_id, AuditEvent.CREATED)


@hookimpl
async def ruta_product_updated(runtime: Runtime, product_id: int, vendor_id: int) -> None:
    await record(runtime, product_id, vendor_id, AuditEvent.UPDATED)


@hookimpl
async def ruta_product_deleted(runtime: Runtime, product_id: int, vendor_id: int) -> None:
    await record(runtime, product_id, vendor_id, AuditEvent.DELETED)
