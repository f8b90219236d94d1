"""GraphQL: ``Product.auditTrail`` (a field on a core type) and ``productAuditEntries``.

Resolvers reach Ruta only through ``engine.plugins.api`` and what every resolver gets:
``root`` (the core object, for ``Product`` a ``ProductType`` whose ``pk`` is the product's
database id) and ``info.context`` (``runtime``, per-request ``loader(...)``, ``user()``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Self

import strawberry
from graphql import GraphQLError
from sqlalchemy import func, select
from strawberry.dataloader import DataLoader

from engine.plugins.api import Info, ProductType, Runtime, encode_id
from ruta_product_audit.models import AuditEvent, ProductAuditEntry

MAX_ENTRIES = 100
TRAIL_LOADER = "product_audit.trail"



strawberry.enum(AuditEvent, name="ProductAuditEvent",
                description="What happened to a product (see ProductAuditEntry).")


@strawberry.type(name="ProductAuditEntry", description="One recorded change of a product.")
class ProductAuditEntryType:
    id: strawberry.ID
    event: AuditEvent
    product_id: strawberry.ID = strawberry.field(
        description="The product's ID (the product may have been deleted since).")
    vendor_id: strawberry.ID
    recorded_at: datetime = strawberry.field(
        description="When the change was recorded (just after it was committed).")

    @classmethod
    def of(cls, entry: ProductAuditEntry) -> Self:
        return cls(id=encode_id("ProductAuditEntry", entry.id), event=AuditEvent(entry.event),
                   product_id=encode_id("Product", entry.product_id),
                   vendor_id=encode_id("Vendor", entry.vendor_id), recorded_at=entry.created_at)


def _check_count(name: str, value: int) -> None:
    if not 0 <= value <= MAX_ENTRIES:
        raise GraphQLError(f"{name} must be between 0 and {MAX_ENTRIES}.",
                           extensions={"code": "INVALID"})


def trail_loader(runtime: Runtime) -> DataLoader[tuple[int, int], list[ProductAuditEntry]]:
    """Keys ``(product pk, last)``: the product's ``last`` newest entries, oldest first.

    One query per distinct ``last`` in the request, however many products are listed.
    """

    async def load(keys: Sequence[tuple[int, int]]) -> list[list[ProductAuditEntry]]:
        by_last: dict[int, set[int]] = defaultdict(set)
        for product_pk, last in keys:
            by_last[last].add(product_pk)
        found: dict[tuple[int, int], list[ProductAuditEntry]] = defaultdict(list)
        async with runtime.db.read() as session:
            for last, product_pks in by_last.items():
                rank = func.row_number().over(partition_by=ProductAuditEntry.product_id,
                                              order_by=ProductAuditEntry.id.desc())
                ranked = (select(ProductAuditEntry.id, rank.label("rank"))
                          .where(ProductAuditEntry.product_id.in_(product_pks)).subquery())
                rows = await session.scalars(
                    select(ProductAuditEntry)
                    .join(ranked, ranked.c.id == ProductAuditEntry.id)
                    .where(ranked.c.rank <= last)
                    .order_by(ProductAuditEntry.id))
                for entry in rows:
                    found[(entry.product_id, last)].append(entry)
        return [found.get(key, []) for key in keys]

    return DataLoader(load_fn=load)


async def audit_trail(root: ProductType, info: Info, last: int = 20) -> list[ProductAuditEntryType]:
    """The product's most recent changes (the last ones, at most 100), oldest first."""
    _check_count("last", last)
    if last == 0:
        return []
    entries = await info.context.loader(TRAIL_LOADER, trail_loader).load((root.pk, last))
    return [ProductAuditEntryType.of(entry) for entry in entries]


def product_fields() -> list[Any]:
    """Fields added to the core ``Product`` type (fresh objects for every schema build)."""
    return [strawberry.field(resolver=audit_trail, name="auditTrail",
                             description=audit_trail.__doc__)]


@strawberry.type
class ProductAuditQuery:
    @strawberry.field(description="The marketplace's latest product changes, newest first "
                                  "(operators only; at most 100).")
    async def product_audit_entries(self, info: Info, first: int) -> list[ProductAuditEntryType]:
        _check_count("first", first)
        viewer = await info.context.user()
        if viewer is None:
            raise GraphQLError("Sign in as an operator to read the product audit log.",
                               extensions={"code": "UNAUTHENTICATED"})
        if not viewer.is_operator:
            raise GraphQLError("Only operators may read the product audit log.",
                               extensions={"code": "PERMISSION_DENIED"})
        async with info.context.runtime.db.read() as session:
            entries = await session.scalars(
                select(ProductAuditEntry).order_by(ProductAuditEntry.id.desc()).limit(first))
            return [ProductAuditEntryType.of(entry) for entry in entries]
