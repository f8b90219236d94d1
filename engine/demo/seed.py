"""Write the demo marketplace (idempotent: does nothing if the operator exists)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from engine.accounts.models import User
from engine.accounts.passwords import hash_password
from engine.catalog.models import (
    Category,
    CategoryTranslation,
    Product,
    ProductTranslation,
    ProductVariant,
)
from engine.db.types import utcnow
from engine.demo.data import (
    CATEGORIES,
    DEMO_PASSWORD,
    DEMO_USERS,
    PRODUCTS,
    SHIPPING_METHODS,
    VENDORS,
)
from engine.demo.index import DemoIndex
from engine.demo.media import seed_media
from engine.input_rules import slugify
from engine.plugins.calls import gather_hook
from engine.runtime import Runtime
from engine.shipping.models import ShippingMethod
from engine.vendors.models import Vendor, VendorInvitation, VendorMembership, VendorTranslation


def _variant(product: Product, spec: tuple[Any, ...], today: datetime) -> ProductVariant:
    sku, name, price, stock = spec[:4]
    variant = ProductVariant(product_id=product.id, vendor_id=product.vendor_id, sku=sku,
                             name=name, price=price, stock=stock or 0)
    if stock is None:
        days, hour, hours, capacity = spec[4:]
        variant.starts_at = today + timedelta(days=days, hours=hour)
        variant.ends_at = variant.starts_at + timedelta(hours=hours)
        variant.capacity = capacity
    return variant


async def seed(runtime: Runtime) -> bool:
    """Create the demo data, then let plugins add theirs (``ruta_demo_seed``); returns False
    if it was already there."""
    index = DemoIndex()
    async with runtime.transaction() as session:
        if await session.scalar(select(User.id).where(User.email == DEMO_USERS[0][0])):
            return False
        password = hash_password(DEMO_PASSWORD)
        users = {email: User(email=email, password_hash=password, is_operator=role == "operator",
                             language_code=_language(email))
                 for email, role in DEMO_USERS}
        session.add_all(users.values())
        await session.flush()
        vendors = []
        for spec in VENDORS:
            vendor = Vendor(
                slug=slugify(spec["name"]), name=spec["name"],
                status=spec["status"], country=spec["country"], postal_code=spec["postal_code"],
                region=spec["region"], tax_id=spec["tax_id"],
                prices_include_tax=spec["prices_include_tax"], language_code=spec["language_code"],
                description=spec["description"],
                commission_rate=runtime.settings.default_commission_rate)
            session.add(vendor)
            await session.flush()
            session.add(VendorMembership(vendor_id=vendor.id, user_id=users[spec["owner"]].id,
                                         role="OWNER"))
            session.add_all(VendorTranslation(vendor_id=vendor.id, language_code=lang,
                                              description=text)
                            for lang, text in spec["translations"].items())
            vendors.append(vendor)
        # The customer has a pending invitation to the first vendor's staff (accept it with
        # vendorStaffInvitationAccept to try the seller dashboard as staff).
        session.add(VendorInvitation(vendor_id=vendors[0].id, email="customer@ruta.example",
                                     invited_by=users[VENDORS[0]["owner"]].id))
        session.add_all(ShippingMethod(vendor_id=vendors[index].id, name=name,
                                       countries=list(countries), price=price,
                                       free_over=free_over)
                        for index, name, countries, price, free_over in SHIPPING_METHODS)
        categories: dict[str, Category] = {}

        async def add_category(slug: str, name: str, names: dict[str, str], parent: int | None,
                               position: int) -> None:
            category = Category(slug=slug, name=name, parent_id=parent, position=position)
            session.add(category)
            await session.flush()
            session.add_all(CategoryTranslation(category_id=category.id, language_code=lang,
                                                name=text) for lang, text in names.items())
            categories[slug] = category

        for position, (slug, name, names, children) in enumerate(CATEGORIES):
            await add_category(slug, name, names, None, position)
            for child_position, (c_slug, c_name, c_names) in enumerate(children):
                await add_category(c_slug, c_name, c_names, categories[slug].id, child_position)
        today = utcnow().replace(hour=0, minute=0, second=0, microsecond=0)
        for spec in PRODUCTS:
            vendor = vendors[spec["vendor"]]
            source = vendor.language_code
            product = Product(
                vendor_id=vendor.id, category_id=categories[spec["category"]].id,
                name=spec["name"][source], slug=spec["slug"],
                description=spec["description"][source], kind=spec["kind"],
                is_published=True, language_code=source,
                tax_class=spec.get("tax_class", "STANDARD"),
                digital_asset=spec.get("digital_asset"))
            session.add(product)
            await session.flush()
            session.add_all(ProductTranslation(product_id=product.id, language_code=lang,
                                               name=text, description=spec["description"][lang])
                            for lang, text in spec["name"].items() if lang != source)
            variants = [_variant(product, variant, today) for variant in spec["variants"]]
            session.add_all(variants)
            await session.flush()
            index.products[product.slug] = product.id
            index.variants.update((v.sku, v.id) for v in variants)
        index.users.update((email, user.id) for email, user in users.items())
        index.vendors.update((v.slug, v.id) for v in vendors)
        index.categories.update((slug, c.id) for slug, c in categories.items())
    await gather_hook(runtime.plugins.hook.ruta_demo_seed, runtime=runtime, demo=index)
    await seed_media(runtime)
    return True


def _language(email: str) -> str:
    local = email.split("@", 1)[0]
    return "ES" if local.endswith(".es") else "PT" if local.endswith(".pt") else "EN"
