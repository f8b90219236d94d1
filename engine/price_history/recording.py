"""Record every price a variant takes, whatever writes it.

An ``after_flush`` session event sees each variant that was inserted or whose ``price``
changed in the flush, and inserts one ``catalog_price_history`` row per variant in the
same transaction (a rolled-back change leaves no history). Bulk ``UPDATE ... SET price``
statements through a session are refused loudly: they would bypass the history.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Update, event, insert, inspect
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from engine.catalog.models import ProductVariant
from engine.db.types import utcnow
from engine.price_history.models import PriceHistory


def _price_changed(variant: ProductVariant) -> bool:
    return bool(inspect(variant).attrs.price.history.has_changes())


@event.listens_for(Session, "after_flush")
def _record_prices(session: Session, _flush: UOWTransaction) -> None:
    changed = [obj for obj in session.new if isinstance(obj, ProductVariant)]
    changed += [obj for obj in session.dirty
                if isinstance(obj, ProductVariant) and _price_changed(obj)]
    if not changed:
        return
    now = utcnow()
    rows: list[dict[str, Any]] = [{"variant_id": v.id, "price": v.price, "changed_at": now}
                                  for v in changed]
    session.connection().execute(insert(PriceHistory), rows)


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_price_updates(state: ORMExecuteState) -> None:
    statement = state.statement
    if isinstance(statement, Update) and getattr(statement.table, "name", None) == \
            ProductVariant.__tablename__:
        keys = {str(getattr(k, "name", None) or getattr(k, "key", k))
                for k in (getattr(statement, "_values", None) or {})}
        if "price" in keys:
            raise RuntimeError("Change a variant's price through the ORM object so that "
                               "its price history is recorded.")
