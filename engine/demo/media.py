"""Demo pictures for every product (the core's and the plugins') and real PDF files for the
demo e-books, stored like uploads: pictures public (thumbnails after commit), e-books
private under the vendor's prefix and served only through signed links."""

from __future__ import annotations

import asyncio
import hashlib

from sqlalchemy import select

from engine.catalog.file_keys import vendor_prefix
from engine.catalog.models import Product
from engine.demo.pictures import ebook_pdf, product_picture
from engine.events.outbox import record
from engine.media.models import ProductMedia
from engine.runtime import Runtime

EBOOK_TEXT = {
    "recetario-condado": [
        "Recetario del Condado: 40 recetas tradicionales de La Palma del Condado, Huelva.",
        "Pestiños, gazpacho de naranja, atún encebollado y mostachones, paso a paso.",
        "Ejemplar de demostración generado por Ruta."],
    "cocina-donana-ebook": [
        "Cocina de Doñana: arroz con pato, coquinas, pan de campo y tocino de cielo.",
        "Ejemplar de demostración generado por Ruta."],
    "guia-abrir-negocio-pt": [
        "Guia para abrir um negócio em Portugal: NIF, início de atividade nas Finanças,",
        "inscrição na Segurança Social e faturação, passo a passo.",
        "Exemplar de demonstração gerado pela Ruta."],
}


async def seed_media(runtime: Runtime) -> None:
    async with runtime.db.read() as session:
        products = (await session.scalars(select(Product).where(~Product.id.in_(
            select(ProductMedia.product_id))).order_by(Product.id))).all()
    ebooks: dict[int, str] = {}
    for product in products:
        if product.slug in EBOOK_TEXT:
            pdf = await asyncio.to_thread(ebook_pdf, product.name, EBOOK_TEXT[product.slug])
            key = f"{vendor_prefix(product.vendor_id)}{hashlib.sha256(pdf).hexdigest()}/" \
                  f"{product.slug}.pdf"
            await runtime.stores.private.put(key, pdf, "application/pdf")
            ebooks[product.id] = key
    pictures: list[tuple[Product, str]] = []
    for product in products:
        png = await asyncio.to_thread(product_picture, product.name, product.kind, product.slug)
        key = f"products/{hashlib.sha256(png).hexdigest()}.png"
        await runtime.stores.public.put(key, png, "image/png")
        pictures.append((product, key))
    async with runtime.transaction() as session:
        for product, key in pictures:
            media = ProductMedia(product_id=product.id, vendor_id=product.vendor_id,
                                 digest=key.split("/")[1].split(".")[0], key=key,
                                 content_type="image/png", width=800, height=600,
                                 alt=product.name, alt_translations={}, thumbnails={},
                                 position=0)
            session.add(media)
            await session.flush()
            await record(session, runtime.plugins, "ruta_product_media_uploaded",
                         media_id=media.id, product_id=product.id, vendor_id=product.vendor_id)
        for product_id, key in ebooks.items():
            stored = await session.get(Product, product_id)
            if stored is not None:
                stored.digital_asset = key
