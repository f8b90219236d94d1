"""Vendor operations: apply, approve, update, and the visibility rule for reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from babel.languages import get_official_languages
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from engine.accounts.models import User
from engine.errors import Collector, NotFound, ValidationError
from engine.events.outbox import record
from engine.input_rules import clean_text
from engine.locales import LANGUAGE_CODES
from engine.postal_codes import clean_postal_code
from engine.runtime import Runtime
from engine.slugs import unique_slug
from engine.vendors.access import (
    can_manage_vendor,
    membership_of,
    require_operator,
    require_user,
    require_vendor_staff,
)
from engine.vendors.models import Vendor, VendorMembership, VendorTranslation

TAX_ID_MAX = 32


@dataclass
class VendorData:
    """Vendor fields as given by the caller; ``None`` means 'leave unchanged' on update."""

    name: str | None = None
    country: str | None = None
    postal_code: str | None = None
    region: str | None = None
    tax_id: str | None = None
    prices_include_tax: bool | None = None
    description: str | None = None
    language_code: str | None = None
    commission_rate: Decimal | None = None
    translations: list[tuple[str, str]] = field(default_factory=list)


def _clean(runtime: Runtime, data: VendorData, *, creating: bool,
           current_country: str | None = None) -> dict[str, Any]:
    errors = Collector()
    out: dict[str, Any] = {}
    if creating or data.name is not None:
        out["name"] = clean_text(errors, "name", data.name, max_length=120, min_length=2)
    if creating or data.country is not None:
        if data.country not in runtime.settings.supported_countries:
            served = ", ".join(runtime.settings.supported_countries)
            errors.add("country", "UNSUPPORTED_COUNTRY", f"Vendors must be based in {served}.")
        out["country"] = data.country
    if creating or data.postal_code is not None:
        out["postal_code"] = clean_postal_code(errors, "postalCode", data.postal_code,
                                               data.country or current_country)
    if creating or data.tax_id is not None:
        tax_id = clean_text(errors, "taxId", data.tax_id, max_length=TAX_ID_MAX)
        out["tax_id"] = tax_id.replace(" ", "").upper() if tax_id else tax_id
    if data.region is not None:
        out["region"] = clean_text(errors, "region", data.region, max_length=80, required=False)
    if data.prices_include_tax is not None:
        out["prices_include_tax"] = data.prices_include_tax
    if data.description is not None:
        out["description"] = clean_text(errors, "description", data.description,
                                        max_length=5000, required=False, multiline=True)
    if data.language_code is not None:
        out["language_code"] = data.language_code
    if data.commission_rate is not None:
        if not (Decimal(0) <= data.commission_rate < Decimal(1)) or \
                data.commission_rate != data.commission_rate.quantize(Decimal("0.0001")):
            errors.add("commissionRate", "INVALID", "A rate in [0, 1) with at most 4 decimals.")
        out["commission_rate"] = data.commission_rate.quantize(Decimal("0.0001"))
    seen: set[str] = set()
    for index, (language, text) in enumerate(data.translations):
        if language in seen:
            errors.add(f"translations.{index}.languageCode", "DUPLICATED",
                       "Each language may appear once.")
        seen.add(language)
        clean_text(errors, f"translations.{index}.description", text, max_length=5000,
                   multiline=True)
    errors.raise_if_any()
    return out


def default_language(country: str, user: User) -> str:
    """The country's main official language if the platform offers it, else the user's."""
    for language in get_official_languages(country):
        if language.upper() in LANGUAGE_CODES:
            return str(language.upper())
    return user.language_code


async def _save_translations(
    session: AsyncSession, vendor_id: int, translations: list[tuple[str, str]]
) -> None:
    for language, text in translations:
        existing = await session.scalar(select(VendorTranslation).where(
            VendorTranslation.vendor_id == vendor_id, VendorTranslation.language_code == language))
        if existing is None:
            session.add(VendorTranslation(vendor_id=vendor_id, language_code=language,
                                          description=text.strip()))
        else:
            existing.description = text.strip()


async def apply(runtime: Runtime, user: User | None, data: VendorData) -> Vendor:
    """A signed-in user applies to sell; the vendor starts PENDING with the user as owner."""
    user = require_user(user)
    if data.commission_rate is not None and not user.is_operator:
        raise ValidationError("commissionRate", "FORBIDDEN", "Only operators set commissions.")
    values = _clean(runtime, data, creating=True)
    runtime.plugins.hook.ruta_vendor_validate(data=dict(values), vendor_id=None)
    try:
        return await _insert_vendor(runtime, user, values, data.translations)
    except IntegrityError:  # a concurrent application by the same user (or slug) won
        raise ValidationError(None, "ALREADY_VENDOR", "You already belong to a vendor.") from None


async def _insert_vendor(runtime: Runtime, user: User, values: dict[str, Any],
                         translations: list[tuple[str, str]]) -> Vendor:
    async with runtime.transaction() as session:
        if await membership_of(session, user.id) is not None:
            raise ValidationError(None, "ALREADY_VENDOR", "You already belong to a vendor.")
        values.setdefault("commission_rate", runtime.settings.default_commission_rate)
        values.setdefault("language_code", default_language(values["country"], user))
        vendor = Vendor(slug=await unique_slug(session, Vendor, values["name"]), status="PENDING",
                        **values)
        session.add(vendor)
        await session.flush()
        session.add(VendorMembership(vendor_id=vendor.id, user_id=user.id, role="OWNER"))
        await _save_translations(session, vendor.id, translations)
        await record(session, runtime.plugins, "ruta_vendor_applied", vendor_id=vendor.id,
                     user_id=user.id)
    return vendor


async def approve(runtime: Runtime, user: User | None, vendor_id: int) -> Vendor:
    require_operator(user)
    async with runtime.transaction() as session:
        vendor = await session.get(Vendor, vendor_id, with_for_update=True)
        if vendor is None:
            raise NotFound("id", "Vendor not found.")
        if vendor.status == "APPROVED":
            raise ValidationError("id", "INVALID_STATUS", "The vendor is already approved.")
        vendor.status = "APPROVED"
        await record(session, runtime.plugins, "ruta_vendor_approved", vendor_id=vendor.id)
    return vendor


async def update(runtime: Runtime, user: User | None, vendor_id: int, data: VendorData) -> Vendor:
    """The vendor's owner (or an operator) edits it; only operators change commissions."""
    user = require_user(user)
    async with runtime.transaction() as session:
        if not user.is_operator:
            membership = await require_vendor_staff(session, user, owner=True)
            if membership.vendor_id != vendor_id:
                raise NotFound("id", "Vendor not found.")
            if data.commission_rate is not None:
                raise ValidationError("commissionRate", "FORBIDDEN",
                                      "Only operators set commissions.")
        vendor = await session.get(Vendor, vendor_id)
        if vendor is None:
            raise NotFound("id", "Vendor not found.")
        values = _clean(runtime, data, creating=False, current_country=vendor.country)
        runtime.plugins.hook.ruta_vendor_validate(
            data={"country": vendor.country, "postal_code": vendor.postal_code,
                  "tax_id": vendor.tax_id, **values}, vendor_id=vendor.id)
        if "name" in values and values["name"] != vendor.name:
            vendor.slug = await unique_slug(session, Vendor, values["name"], exclude_id=vendor.id)
        for key, value in values.items():
            setattr(vendor, key, value)
        await _save_translations(session, vendor.id, data.translations)
    return vendor


async def get_visible(
    session: AsyncSession, user: User | None, *, vendor_id: int | None = None,
    slug: str | None = None,
) -> Vendor | None:
    """An approved vendor for anyone; a pending or suspended one only for its staff/operators."""
    query = select(Vendor)
    query = query.where(Vendor.id == vendor_id) if vendor_id is not None else \
        query.where(Vendor.slug == slug)
    vendor = await session.scalar(query)
    if vendor is None:
        return None
    if vendor.status == "APPROVED" or await can_manage_vendor(session, user, vendor.id):
        return vendor
    return None


async def vendor_of(session: AsyncSession, user: User | None) -> Vendor | None:
    if user is None:
        return None
    membership = await membership_of(session, user.id)
    return None if membership is None else await session.get(Vendor, membership.vendor_id)
