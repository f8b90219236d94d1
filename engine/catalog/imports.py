"""Import products in bulk (``productImport``): all rows or none.

Each row is one product with one variant. Every row is validated exactly as
``productCreate`` and ``productVariantCreate`` would (the same checks, the same validation
hooks); rows run in one transaction, each in a savepoint, so every row's errors are found in
one pass. If any row is refused, nothing is written and each error names its row.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.accounts.models import User
from engine.catalog.models import Product
from engine.catalog.service import ProductData, insert_product
from engine.catalog.variants import VariantData, insert_variant
from engine.errors import FieldError, ValidationError
from engine.runtime import Runtime
from engine.vendors.access import require_vendor_staff

MAX_ROWS = 1000


@dataclass
class ImportRow:
    product: ProductData
    variant: VariantData


@dataclass
class RowError:
    row: int
    error: FieldError


class ImportRefused(Exception):
    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(f"{len(errors)} row errors")
        self.errors = errors


async def import_products(runtime: Runtime, user: User | None,
                          rows: list[ImportRow]) -> list[Product]:
    """Create every row's product and variant, or raise :class:`ImportRefused`."""
    if not rows or len(rows) > MAX_ROWS:
        raise ValidationError("rows", "INVALID", f"Import between 1 and {MAX_ROWS} rows.")
    errors: list[RowError] = []
    created: list[Product] = []
    async with runtime.transaction() as session:
        membership = await require_vendor_staff(session, user)
        for number, row in enumerate(rows, start=1):
            savepoint = await session.begin_nested()
            try:
                product = await insert_product(runtime, session, membership.vendor_id,
                                               row.product)
                await insert_variant(runtime, session, product, row.variant)
            except ValidationError as exc:
                await savepoint.rollback()
                errors.extend(RowError(number, error) for error in exc.errors)
                continue
            await savepoint.commit()
            created.append(product)
        if errors:
            raise ImportRefused(errors)  # leaving the block rolls everything back
    return created
