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
from starlette.routing import BaseRoute

from engine.plugins.api import GraphQLContribution, Runtime, WebKit, hookimpl
from ruta_product_audit.graphql import ProductAuditQuery, product_fields
from ruta_product_audit.models import AuditEvent, ProductAuditEntry
from ruta_product_audit.web_pages import routes

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


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


@hookimpl
def ruta_web_routes(web: WebKit) -> Sequence[BaseRoute]:
    """A web page at ``/product-audit/`` (see :mod:`ruta_product_audit.web_pages`)."""
    return routes(web)


# --- lifecycle --------------------------------------------------------------------------


async def record(runtime: Runtime, event_id: int, product_id: int, vendor_id: int,
                 event: AuditEvent) -> None:
    """Append one entry per event, idempotent by ``event_id``.

    Ruta delivers each event at least once and passes the same ``event_id`` on every
    redelivery: an entry already recorded for it means this is a redelivery, and nothing is
    written (the unique index on ``event_id`` guards against two concurrent deliveries).
    """
    async with runtime.db.write() as session:
        seen = await session.scalar(
            select(ProductAuditEntry.id).where(ProductAuditEntry.event_id == event_id))
        if seen is not None:
            return
        session.add(ProductAuditEntry(product_id=product_id, vendor_id=vendor_id,
                                      event=event.value, event_id=event_id))


@hookimpl
async def ruta_product_created(runtime: Runtime, event_id: int, product_id: int,
                               vendor_id: int) -> None:
    await record(runtime, event_id, product_id, vendor_id, AuditEvent.CREATED)


@hookimpl
async def ruta_product_updated(runtime: Runtime, event_id: int, product_id: int,
                               vendor_id: int) -> None:
    await record(runtime, event_id, product_id, vendor_id, AuditEvent.UPDATED)


@hookimpl
async def ruta_product_deleted(runtime: Runtime, event_id: int, product_id: int,
                               vendor_id: int) -> None:
    await record(runtime, event_id, product_id, vendor_id, AuditEvent.DELETED)
