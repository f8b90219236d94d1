"""Once-only forms: a form token's nonce is claimed in the database before the form acts.

A double-clicked button or a re-sent POST carries the same nonce: the second claim fails (the
primary key already exists) and the caller is sent where the first submission led, without
acting again. Claims older than :data:`KEEP` are deleted as new ones arrive.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError

from engine.db.types import utcnow
from engine.runtime import Runtime
from engine.web.models import WebFormSubmission

#: How long a used nonce is remembered (form tokens expire sooner, see ``engine.web.csrf``).
KEEP = timedelta(days=2)


async def claim(runtime: Runtime, nonce: str) -> bool:
    """Record ``nonce`` as used; False when it was used before."""
    try:
        async with runtime.db.write() as session:
            session.add(WebFormSubmission(nonce=nonce))
            await session.flush()
            await session.execute(delete(WebFormSubmission)
                                  .where(WebFormSubmission.created_at < utcnow() - KEEP))
    except IntegrityError:
        return False
    return True


async def remember_outcome(runtime: Runtime, nonce: str, location: str) -> None:
    """Where the first submission led (a repeat is redirected there)."""
    async with runtime.db.write() as session:
        await session.execute(update(WebFormSubmission)
                              .where(WebFormSubmission.nonce == nonce)
                              .values(location=location[:2000]))


async def outcome(runtime: Runtime, nonce: str) -> str | None:
    async with runtime.db.read() as session:
        row = await session.get(WebFormSubmission, nonce)
        return row.location if row is not None else None
