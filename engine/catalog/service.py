"""Product operations for vendor staff: create, update, delete, with translations.

Variants and stock live in ``engine.catalog.variants``; reads in ``engine.catalog.listing``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.accounts.models import User
from engine.catalog.file_keys import MAX_KEY_LENGTH, check_vendor_key
from engine.catalog.kinds import product_kinds, tax_classes
from engine.catalog.models import Category, Product, ProductTranslation
from engine.errors import Collector, NotFound, PermissionDenied, ValidationError
from engine.events.outbox import record
from engine.input_rules import clean_slug, clean_text
from engine.media.files import product_files, remove_unused
from engine.runtime import Runtime
from engine.slugs import unique_slug
from engine.vendors.access import require_user, require_vendor_staff
from engine.vendors.models import Vendor

NAME_MAX = 200
DESCRIPTION_MAX = 20000


@dataclass
class TranslationData:
    language_code: str
    name: str | None = None
    description: str | None = None


@dataclass
class ProductData:
    """Product fields as given; ``None`` means 'leave unchanged' on update."""

    name: str | None = None
    description: str | None = None
    kind: str | None = None
    category_id: int | None = None
    clear_category: bool = False
    tax_class: str | None = None
    is_published: bool | None = None
    slug: str | None = None
    language_code: str | None = None
    digital_asset: str | None = None
    attributes: dict[str, str] | None = None
    translations: list[TranslationData] = field(default_factory=list)


async def owned_product(session: AsyncSession, user: User | None, product_id: int,
                        *, lock: bool = False) -> Product:
    """The product if the caller may manage it (its vendor's staff, or an operator)."""
    user = require_user(user)
    product = await session.get(Product, product_id, with_for_update=lock)
    if user.is_operator:
        if product is None:
            raise NotFound("id", "Product not found.")
        return product
    membership = await require_vendor_staff(session, user)
    if product is None:
        raise NotFound("id", "Product not found.")
    if product.vendor_id != membership.vendor_id:
        raise PermissionDenied("You can only manage your own vendor's products.")
    return product


async def _clean(runtime: Runtime, session: AsyncSession, data: ProductData, vendor_id: int,
                 *, creating: bool) -> dict[str, Any]:
    errors = Collector()
    out: dict[str, Any] = {}
    if creating or data.name is not None:
        out["name"] = clean_text(errors, "name", data.name, max_length=NAME_MAX)
    if data.description is not None:
        out["description"] = clean_text(errors, "description", data.description,
                                        max_length=DESCRIPTION_MAX, required=False,
                                        multiline=True)
    if creating or data.kind is not None:
        if data.kind not in product_kinds(runtime.plugins):
            errors.add("kind", "INVALID", "Unknown product kind.")
        out["kind"] = data.kind
    if data.tax_class is not None:
        if data.tax_class not in tax_classes(runtime.plugins):
            errors.add("taxClass", "INVALID", "Unknown tax class; see the taxClasses query.")
        out["tax_class"] = data.tax_class
    if data.category_id is not None:
        if await session.get(Category, data.category_id) is None:
            errors.add("categoryId", "NOT_FOUND", "Category not found.")
        out["category_id"] = data.category_id
    elif data.clear_category:
        out["category_id"] = None
    if data.is_published is not None:
        out["is_published"] = data.is_published
    if data.language_code is not None:
        out["language_code"] = data.language_code
    if data.slug is not None:
        out["slug"] = clean_slug(errors, "slug", data.slug)
    if data.digital_asset is not None:
        out["digital_asset"] = clean_asset(errors, data.digital_asset, vendor_id)
    if data.attributes is not None:
        out["attributes"] = clean_attributes(errors, data.attributes)
    seen: set[str] = set()
    for index, tr in enumerate(data.translations):
        if tr.language_code in seen:
            errors.add(f"translations.{index}.languageCode", "DUPLICATED",
                       "Each language may appear once.")
        seen.add(tr.language_code)
        clean_text(errors, f"translations.{index}.name", tr.name, max_length=NAME_MAX)
        clean_text(errors, f"translations.{index}.description", tr.description,
                   max_length=DESCRIPTION_MAX, required=False, multiline=True)
    errors.raise_if_any()
    return out


ATTRIBUTE_KEY = re.compile(r"[a-z][a-z0-9_]{0,39}")
MAX_ATTRIBUTES = 30


def clean_attributes(errors: Collector, given: dict[str, str]) -> dict[str, str]:
    """Attribute keys are snake_case; values are short text; an empty value removes a key."""
    cleaned: dict[str, str] = {}
    for key, value in given.items():
        if not ATTRIBUTE_KEY.fullmatch(key):
            errors.add("attributes", "INVALID", f"Bad attribute key {key[:40]!r}: use snake_case.")
            continue
        text = clean_text(errors, f"attributes.{key}", value, max_length=200, required=False)
        if text:
            cleaned[key] = text
    if len(cleaned) > MAX_ATTRIBUTES:
        errors.add("attributes", "INVALID", f"At most {MAX_ATTRIBUTES} attributes.")
    return cleaned


def clean_asset(errors: Collector, value: str, vendor_id: int) -> str | None:
    """An https URL, or a file key under the vendor's own prefix (``engine.catalog.file_keys``);
    "" clears it."""
    asset = value.strip()
    if not asset:
        return None
    if asset.startswith("https://"):
        if len(asset) > MAX_KEY_LENGTH or any(c.isspace() or not c.isprintable() for c in asset):
            errors.add("digitalAsset", "INVALID", "Use an https URL or a file key.")
        return asset
    try:
        check_vendor_key(vendor_id, asset)
    except ValidationError as exc:
        errors.errors.extend(exc.errors)
    return asset


async def _save_translations(session: AsyncSession, product_id: int,
                             translations: list[TranslationData]) -> None:
    for tr in translations:
        row = await session.scalar(select(ProductTranslation).where(
            ProductTranslation.product_id == product_id,
            ProductTranslation.language_code == tr.language_code))
        name = (tr.name or "").strip()
        description = (tr.description or "").strip()
        if row is None:
            session.add(ProductTranslation(product_id=product_id, language_code=tr.language_code,
                                           name=name, description=description))
        else:
            row.name = name
            if tr.description is not None:
                row.description = description


async def _check_slug(session: AsyncSession, slug: str, exclude_id: int | None) -> None:
    query = select(Product.id).where(Product.slug == slug)
    if exclude_id is not None:
        query = query.where(Product.id != exclude_id)
    if await session.scalar(query) is not None:
        errors = Collector()
        errors.add("slug", "UNIQUE", "Another product uses this slug.")
        errors.raise_if_any()


async def create_product(runtime: Runtime, user: User | None, data: ProductData) -> Product:
    async with runtime.transaction() as session:
        membership = await require_vendor_staff(session, user)
        return await insert_product(runtime, session, membership.vendor_id, data)


async def insert_product(runtime: Runtime, session: AsyncSession, vendor_id: int,
                         data: ProductData) -> Product:
    """Validate and add a product of ``vendor_id`` in the caller's transaction."""
    values = await _clean(runtime, session, data, vendor_id, creating=True)
    runtime.plugins.hook.ruta_product_validate(
        data=dict(values), vendor_id=vendor_id, product_id=None)
    if "language_code" not in values:
        vendor = await session.get(Vendor, vendor_id)
        values["language_code"] = vendor.language_code if vendor else "EN"
    if "slug" in values:
        await _check_slug(session, values["slug"], None)
    else:
        values["slug"] = await unique_slug(session, Product, values["name"])
    product = Product(vendor_id=vendor_id, **values)
    session.add(product)
    await session.flush()
    await _save_translations(session, product.id, data.translations)
    await record(session, runtime.plugins, "ruta_product_created", product_id=product.id,
                 vendor_id=product.vendor_id)
    return product


async def update_product(runtime: Runtime, user: User | None, product_id: int,
                         data: ProductData) -> Product:
    async with runtime.transaction() as session:
        product = await owned_product(session, user, product_id, lock=True)
        values = await _clean(runtime, session, data, product.vendor_id, creating=False)
        runtime.plugins.hook.ruta_product_validate(
            data=dict(values), vendor_id=product.vendor_id, product_id=product.id)
        if "slug" in values:
            await _check_slug(session, values["slug"], product.id)
        if "attributes" in values:  # partial: given keys change, empty values remove
            merged = {**(product.attributes or {}), **values["attributes"]}
            values["attributes"] = {k: v for k, v in merged.items()
                                    if (data.attributes or {}).get(k, v).strip()}
        for key, value in values.items():
            setattr(product, key, value)
        await _save_translations(session, product.id, data.translations)
        await record(session, runtime.plugins, "ruta_product_updated", product_id=product.id,
                     vendor_id=product.vendor_id)
    return product


async def delete_product(runtime: Runtime, user: User | None, product_id: int) -> Product:
    """Its pictures go with it (rows, then unshared files after commit); a digital file
    stays, since paid order lines keep pointing at it."""
    async with runtime.transaction() as session:
        product = await owned_product(session, user, product_id, lock=True)
        pictures = await product_files(session, product.id)
        await session.delete(product)
        await record(session, runtime.plugins, "ruta_product_deleted", product_id=product.id,
                     vendor_id=product.vendor_id)
    await remove_unused(runtime, pictures)
    return product
