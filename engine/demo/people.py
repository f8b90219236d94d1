"""Demo accounts for plugins' ``ruta_demo_seed`` (with the demo password). Exported to
plugins as ``engine.plugins.api.add_demo_people``: plugins may not write the core's tables
themselves."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from engine.accounts.models import User
from engine.accounts.passwords import hash_password
from engine.demo.data import DEMO_PASSWORD


@dataclass(frozen=True)
class DemoPerson:
    email: str
    language: str = "ES"
    country: str = "ES"


async def add_demo_people(session: AsyncSession, people: Sequence[DemoPerson]
                          ) -> dict[str, int]:
    """Create the accounts; returns user ids by e-mail. Demo use only."""
    password = hash_password(DEMO_PASSWORD)
    users = {p.email: User(email=p.email, password_hash=password, language_code=p.language,
                           country=p.country) for p in people}
    session.add_all(users.values())
    await session.flush()
    return {email: user.id for email, user in users.items()}
