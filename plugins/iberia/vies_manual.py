"""Manual VIES confirmations: when VIES cannot answer, an operator who confirmed a VAT number
another way (the member state's tax office, a consultation reference) records it with its
evidence. Rows are never edited or deleted (the audit trail: what, when, who); the latest
one for a number applies to the next checkouts (``ruta_pricing_facts``)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import Collector, PermissionDenied, Runtime, clean_text
from plugins.iberia.facts import ManualConfirmation
from plugins.iberia.models import ViesConfirmation
from plugins.iberia.tax_ids import compact, eu_vat_number


async def record_confirmation(runtime: Runtime, operator_id: int, is_operator: bool,
                              vat_id: str, reference: str, consulted_on: date
                              ) -> ViesConfirmation:
    if not is_operator:
        raise PermissionDenied()
    errors = Collector()
    number = eu_vat_number(vat_id)
    if number is None:
        errors.add("vatId", "INVALID_VAT_ID", "Give a valid EU VAT number with its country "
                   "prefix (e.g. PT501964843).")
    cleaned = clean_text(reference, field="reference", max_length=100, errors=errors)
    if consulted_on > datetime.now(UTC).date():
        errors.add("consultedOn", "INVALID", "The consultation cannot be in the future.")
    errors.raise_if_any()
    async with runtime.transaction() as session:
        assert number is not None and cleaned is not None
        row = ViesConfirmation(vat_id=number, reference=cleaned, consulted_on=consulted_on,
                               confirmed_by=operator_id)
        session.add(row)
    return row


async def latest_confirmation(session: AsyncSession, vat_id: str) -> ManualConfirmation | None:
    row = await session.scalar(
        select(ViesConfirmation).where(ViesConfirmation.vat_id == compact(vat_id))
        .order_by(ViesConfirmation.id.desc()).limit(1))
    return ManualConfirmation(row.vat_id, row.reference, row.consulted_on) if row else None
