"""Vendors declare their head count by date (direct and indirect jobs); the latest
declaration up to a report's end is the one counted."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from engine.plugins.api import Runtime, ValidationError
from plugins.programme.models import JobsDeclaration

MAX_JOBS = 100_000


async def declare(runtime: Runtime, vendor_id: int, as_of: date, direct: int,
                  indirect: int) -> JobsDeclaration:
    """Record (or correct) the declaration of ``vendor_id`` on ``as_of``."""
    for name, value in (("direct", direct), ("indirect", indirect)):
        if not 0 <= value <= MAX_JOBS:
            raise ValidationError(name, "INVALID", f"Jobs are 0 to {MAX_JOBS}.")
    async with runtime.db.write() as session:
        found = await session.scalar(select(JobsDeclaration).where(
            JobsDeclaration.vendor_id == vendor_id,
            JobsDeclaration.as_of == as_of.isoformat()).with_for_update())
        if found is None:
            found = JobsDeclaration(vendor_id=vendor_id, as_of=as_of.isoformat())
            session.add(found)
        found.direct, found.indirect = direct, indirect
        await session.flush()
        return found
