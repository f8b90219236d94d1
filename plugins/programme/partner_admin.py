"""Operators add partner organisations and correct their details (kind, country, region,
contact e-mail) and logo (uploaded like a product picture, ``store_public_image``)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from strawberry.file_uploads import Upload

from engine.plugins.api import NotFound, Runtime, ValidationError, clean_text, store_public_image
from plugins.programme.access import Viewer, require_operator
from plugins.programme.models import Partner

KINDS = ("COUNCIL", "NGO", "ASSOCIATION", "BUSINESS_CONFEDERATION")
COUNTRIES = ("ES", "PT")


@dataclass(frozen=True)
class PartnerData:
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    region: str | None = None
    contact_email: str | None = None


def _columns(data: PartnerData, creating: bool) -> dict[str, str]:
    out: dict[str, str] = {}
    if data.name is not None or creating:
        out["name"] = clean_text(data.name, field="name", max_length=160) or ""
    if data.kind is not None or creating:
        if data.kind not in KINDS:
            raise ValidationError("kind", "INVALID", "Choose one of: " + ", ".join(KINDS) + ".")
        out["kind"] = data.kind
    if data.country is not None or creating:
        country = (data.country or "").upper()
        if country not in COUNTRIES:
            raise ValidationError("country", "UNSUPPORTED_COUNTRY",
                                  "The programme runs in Spain and Portugal.")
        out["country"] = country
    if data.region is not None or creating:
        out["region"] = clean_text(data.region, field="region", max_length=80) or ""
    if data.contact_email is not None:
        email = data.contact_email.strip()
        if email and ("@" not in email or len(email) > 254 or " " in email):
            raise ValidationError("contactEmail", "INVALID", "This e-mail is not valid.")
        out["contact_email"] = email
    return out


async def create(runtime: Runtime, viewer: Viewer | None, data: PartnerData) -> Partner:
    require_operator(viewer)
    columns = _columns(data, creating=True)
    try:
        async with runtime.db.write() as session:
            partner = Partner(**columns)
            session.add(partner)
            await session.flush()
            return partner
    except IntegrityError as exc:
        raise ValidationError("name", "DUPLICATED", "A partner has this name already.") from exc


async def update(runtime: Runtime, viewer: Viewer | None, partner_id: int,
                 data: PartnerData) -> Partner:
    require_operator(viewer)
    columns = _columns(data, creating=False)
    try:
        async with runtime.db.write() as session:
            partner = await session.get(Partner, partner_id)
            if partner is None:
                raise NotFound("id", "No such partner.")
            for key, value in columns.items():
                setattr(partner, key, value)
            await session.flush()
            return partner
    except IntegrityError as exc:
        raise ValidationError("name", "DUPLICATED", "A partner has this name already.") from exc


async def set_logo(runtime: Runtime, viewer: Viewer | None, partner_id: int,
                   file: Upload) -> Partner:
    require_operator(viewer)
    async with runtime.db.read() as session:
        if await session.get(Partner, partner_id) is None:
            raise NotFound("id", "No such partner.")
    url = await store_public_image(runtime, "logos", file)
    async with runtime.db.write() as session:
        partner = await session.get(Partner, partner_id)
        if partner is None:
            raise NotFound("id", "No such partner.")
        partner.logo_url = url
        await session.flush()
        return partner
