"""Demo people for plugins' ``ruta_demo_seed``: accounts (with the demo password) and,
for some, a vendor they founded. Exported to plugins as ``engine.plugins.api.add_demo_people``
(plugins may not touch the core's tables themselves)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from engine.accounts.models import User
from engine.accounts.passwords import hash_password
from engine.demo.data import DEMO_PASSWORD
from engine.input_rules import slugify
from engine.vendors.models import Vendor, VendorMembership


@dataclass(frozen=True)
class DemoPerson:
    email: str
    language: str = "ES"
    country: str = "ES"
    #: the vendor this person founded, if any (name, postal code, region, status, founded)
    vendor_name: str | None = None
    vendor_postal_code: str = "21700"
    vendor_region: str | None = None
    vendor_status: str = "APPROVED"
    vendor_founded_at: datetime | None = None


@dataclass(frozen=True)
class DemoPersonIds:
    user_id: int
    vendor_id: int | None


async def add_demo_people(session: AsyncSession, people: Sequence[DemoPerson],
                          commission_rate: object) -> dict[str, DemoPersonIds]:
    """Create the accounts (and vendors); returns ids by e-mail. Demo use only."""
    password = hash_password(DEMO_PASSWORD)
    out: dict[str, DemoPersonIds] = {}
    for person in people:
        user = User(email=person.email, password_hash=password, language_code=person.language,
                    country=person.country)
        session.add(user)
        await session.flush()
        vendor_id = None
        if person.vendor_name:
            vendor = Vendor(slug=slugify(person.vendor_name), name=person.vendor_name,
                            status=person.vendor_status, country=person.country,
                            postal_code=person.vendor_postal_code, region=person.vendor_region,
                            tax_id="B21000005", prices_include_tax=True,
                            language_code=person.language, commission_rate=commission_rate)
            if person.vendor_founded_at:
                vendor.created_at = person.vendor_founded_at
            session.add(vendor)
            await session.flush()
            session.add(VendorMembership(vendor_id=vendor.id, user_id=user.id, role="OWNER"))
            vendor_id = vendor.id
        out[person.email] = DemoPersonIds(user.id, vendor_id)
    return out
