"""Products CSV: export, and import validated row by row (nothing written on any error)."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import UploadFile
from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard import csv_rows
from plugins.dashboard.forms import MESSAGES
from plugins.dashboard.guard import PREFIX, signed_in, to_login

FIELD_COLUMNS = {"variantName": "variantName", "taxClass": "taxClass", "name": "name",
                 "kind": "kind", "sku": "sku", "price": "price", "stock": "stock",
                 "description": "description"}
MAX_BYTES = 512 * 1024


@signed_in
async def export(visit: Visit) -> Response:
    products: list[dict[str, Any]] = []
    after = None
    while True:  # 100 products a document; a file, not a page
        result = await visit.graphql("ProductsExport", after=after)
        if result.unauthenticated:
            return to_login(visit)
        vendor = result.data.get("myVendor")
        if vendor is None:
            return visit.not_found()
        connection = vendor["products"]
        products.extend(edge["node"] for edge in connection["edges"])
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]
    return Response(csv_rows.export(products), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="products.csv"'})


@signed_in
async def import_page(visit: Visit) -> Response:
    errors: list[tuple[int, str, str]] = []
    if visit.request.method == "POST":
        upload = visit.form.get("file")
        content = await upload.read(MAX_BYTES + 1) if isinstance(upload, UploadFile) else b""
        if len(content) > MAX_BYTES:
            errors = [(0, "", visit.gettext("The file is too large (at most 512 KB)."))]
        else:
            parsed = csv_rows.parse(visit, content)
            errors = parsed.errors
            if not errors:
                result = await visit.graphql("ProductImport", rows=parsed.rows)
                payload = result.data.get("productImport") or {}
                errors = [(e["row"], FIELD_COLUMNS.get(e["field"] or "", e["field"] or ""),
                           visit.gettext(MESSAGES[e["code"]]) if e["code"] in MESSAGES
                           else e["message"]) for e in payload.get("rowErrors") or []]
                errors += [(0, "", e["message"]) for e in payload.get("errors") or []]
                errors += [(0, "", e["message"]) for e in result.errors]
                if not errors:
                    count = len(payload.get("products") or [])
                    return visit.redirect(f"{PREFIX}/products", notice=visit.ngettext(
                        "%(num)d product imported.", "%(num)d products imported.", count))
    return visit.render("import.html", errors=errors, columns=csv_rows.COLUMNS,
                        status_code=400 if errors else 200)
