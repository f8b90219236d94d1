"""The product form: what it shows and how its fields become ``ProductCreate/UpdateInput``."""

from __future__ import annotations

from typing import Any

from engine.plugins.api import Visit
from plugins.dashboard.forms import N_, text

KINDS = {
    "PHYSICAL": N_("Goods that are shipped"),
    "DIGITAL": N_("Downloads"),
    "SERVICE": N_("Services"),
    "COURSE": N_("Courses"),
    "EVENT": N_("Events"),
}
BOOKABLE = ("SERVICE", "COURSE", "EVENT")
LANGS = ("es", "pt", "en")


def options(data: dict[str, Any]) -> dict[str, Any]:
    categories = []
    for edge in (data.get("categories") or {}).get("edges") or []:
        node = edge["node"]
        categories.append((node["id"], node["name"]))
        categories.extend((child["id"], f"— {child['name']}") for child in node["children"])
    return {"tax_classes": data.get("taxClasses") or [], "categories": categories,
            "kinds": KINDS}


def values_from_product(product: dict[str, Any]) -> dict[str, str]:
    values = {"name": product["name"], "description": product["description"],
              "kind": product["kind"], "taxClass": product["taxClass"],
              "categoryId": (product.get("category") or {}).get("id", ""),
              "attributes": "\n".join(f"{a['key']}: {a['value']}"
                                      for a in product.get("attributes") or [])}
    for translation in product.get("translations") or []:
        code = translation["languageCode"].lower()
        values[f"name_{code}"] = translation["name"]
        values[f"description_{code}"] = translation["description"]
    return values


def values_from_form(visit: Visit) -> dict[str, str]:
    names = ["name", "description", "kind", "taxClass", "categoryId", "attributes"]
    names += [f"{field}_{code}" for code in LANGS for field in ("name", "description")]
    return {name: text(visit, name) for name in names}


def product_input(values: dict[str, str], source_lang: str) -> dict[str, Any]:
    attributes = []
    for line in values["attributes"].splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and value.strip():
            attributes.append({"key": key.strip(), "value": value.strip()})
    translations = [
        {"languageCode": code.upper(), "name": values[f"name_{code}"],
         "description": values[f"description_{code}"]}
        for code in LANGS if code != source_lang and values.get(f"name_{code}")]
    return {"name": values["name"], "description": values["description"],
            "kind": values["kind"] or "PHYSICAL", "taxClass": values["taxClass"] or None,
            "categoryId": values["categoryId"] or None, "attributes": attributes,
            "translations": translations}
