"""The QR code strings printed on an invoice (pure functions of the stored snapshot).

**Portuguese issuers** — Portaria 195/2020 and the AT's "Especificações Técnicas Código QR"
(fields ``key:value`` joined by ``*``, amounts with 2 decimals and a point): A issuer NIF,
B buyer NIF (999999990 for a consumer), C buyer country, D document type (FT invoice, FS
simplified invoice, NC credit note), E status (N normal), F date (YYYYMMDD), G unique
document id, H ATCUD, I1 tax space (PT, PT-AC, PT-MA) with I2 exempt base, I3/I4 reduced
base/VAT, I5/I6 intermediate, I7/I8 normal, L not subject / not taxed base, N total VAT,
O total with VAT, Q four characters of the document's hash, R certificate number.
Ruta is not AT-certified software: R is ``0`` and Q comes from Ruta's own hash chain (the
certified signature's characters 1, 11, 21, 31 are not available) — see the README.

**Spanish issuers** — Orden HAC/1177/2024 art. 21 (RD 1007/2023, Reglamento de sistemas
informáticos de facturación): a URL with ``nif``, ``numserie``, ``fecha`` (dd-mm-yyyy) and
``importe``. Records are not sent to the AEAT, so the URL is the one for systems that do
not send them (``ValidarQRNoVerifactu``) and no "VERI*FACTU" legend is ever printed.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from plugins.iberia.tax_ids import GENERIC_CONSUMER_NIF, compact

AEAT_QR_URL = "https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQRNoVerifactu"
TAX_SPACES = {"PT": "PT", "PT-20": "PT-AC", "PT-30": "PT-MA"}
#: Rate classes per Portuguese tax space (CIVA art. 18.º): reduced, intermediate, normal.
PT_CLASSES = {"PT": ("0.06", "0.13", "0.23"), "PT-AC": ("0.04", "0.09", "0.16"),
              "PT-MA": ("0.04", "0.12", "0.22")}  # 2 decimals, as _rate() writes them
EXEMPT = ("EXEMPT", "INTRA_EU_EXEMPT", "EXPORT_EXEMPT", "ZERO")
NOT_SUBJECT = ("OUTSIDE_SCOPE", "REVERSE_CHARGE")
DOC_TYPES = {("INVOICE", "COMPLETE"): "FT", ("INVOICE", "SIMPLIFIED"): "FS",
             ("CREDIT_NOTE", "COMPLETE"): "NC", ("CREDIT_NOTE", "SIMPLIFIED"): "NC"}


def _money(value: Decimal) -> str:
    return f"{abs(value):.2f}"


def _nif(tax_id: str | None, country: str) -> str:
    number = compact(tax_id or "")
    return number.removeprefix(country) if number else GENERIC_CONSUMER_NIF


def atcud(validation_code: str | None, number: int) -> str:
    """The series' validation code from the AT, a hyphen and the document's number
    (Decreto-Lei 28/2019 art. 7.º n.º 3); ``0`` while the series has no code."""
    return f"{validation_code}-{number}" if validation_code else "0"


def portuguese_qr(content: Mapping[str, Any], series: str, number: int, hash_: str,
                  validation_code: str | None, territory: str = "PT") -> str:
    """``series`` as registered with the AT (e.g. ``F2026``); G is ``<type> <series>/<n>``."""
    issuer, buyer = content["issuer"], content["buyer"]
    buyer_country = str(buyer.get("country") or "PT")
    space = TAX_SPACES.get(territory, "PT")
    reduced, intermediate, normal = PT_CLASSES[space]
    sums: dict[str, Decimal] = {}
    for line in content["breakdown"]:
        base, tax = Decimal(line["base"]), Decimal(line["tax"])
        if line["treatment"] in NOT_SUBJECT:
            key = "L"
        elif line["treatment"] in EXEMPT or Decimal(line["rate"]) == 0:
            key = "I2"
        else:
            klass = {reduced: "I3", intermediate: "I5", normal: "I7"}.get(
                _rate(line["rate"]), "I7")
            sums[klass] = sums.get(klass, Decimal(0)) + base
            vat_key = f"I{int(klass[1]) + 1}"
            sums[vat_key] = sums.get(vat_key, Decimal(0)) + tax
            continue
        sums[key] = sums.get(key, Decimal(0)) + base
    doc_type = DOC_TYPES[(content["kind"], content.get("form", "COMPLETE"))]
    totals = content["totals"]
    fields = [("A", _nif(issuer.get("tax_id"), "PT")),
              ("B", _nif(buyer.get("tax_id"), buyer_country)), ("C", buyer_country),
              ("D", doc_type), ("E", "N"), ("F", content["issued_at"][:10].replace("-", "")),
              ("G", f"{doc_type} {series}/{number}"), ("H", atcud(validation_code, number)),
              ("I1", space)]
    fields += [(key, _money(sums[key])) for key in ("I2", "I3", "I4", "I5", "I6", "I7", "I8")
               if key in sums]
    if "L" in sums:
        fields.append(("L", _money(sums["L"])))
    fields += [("N", _money(Decimal(totals["tax"]))), ("O", _money(Decimal(totals["gross"]))),
               ("Q", hash_[0] + hash_[10] + hash_[20] + hash_[30]), ("R", "0")]
    return "*".join(f"{key}:{value}" for key, value in fields)


def _rate(rate: str) -> str:
    return f"{Decimal(rate):.2f}"


def spanish_qr(content: Mapping[str, Any], code: str) -> str:
    issued = content["issued_at"][:10]
    year, month, day = issued.split("-")
    query = urlencode({"nif": compact(content["issuer"].get("tax_id") or ""), "numserie": code,
                       "fecha": f"{day}-{month}-{year}",
                       "importe": f"{Decimal(content['totals']['gross']):.2f}"})
    return f"{AEAT_QR_URL}?{query}"
