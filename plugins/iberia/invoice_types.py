"""GraphQL types of an invoice snapshot (labels in the invoice's language)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import strawberry

from engine.plugins.api import encode_id
from plugins.iberia.invoice_texts import LABELS, label
from plugins.iberia.models import Invoice


@strawberry.type(name="IberiaInvoiceParty")
class PartyType:
    name: str
    tax_id: str | None
    country: str | None
    address: list[str] = strawberry.field(description="Address lines as printed.")

    @classmethod
    def of(cls, party: dict[str, Any]) -> PartyType:
        address = party.get("address") or {}
        return cls(name=party["name"], tax_id=party.get("tax_id") or None,
                   country=party.get("country"), address=[
                       str(address[k]) for k in ("streetAddress1", "streetAddress2",
                                                 "postalCode", "city", "countryArea", "country")
                       if address.get(k)])


@strawberry.type(name="IberiaInvoiceLine")
class LineType:
    description: str
    quantity: int
    rate: Decimal
    treatment: str
    net: Decimal
    tax: Decimal
    gross: Decimal


@strawberry.type(name="IberiaInvoiceTaxRow", description="Base and tax per rate (sums of the "
                 "rounded line amounts).")
class TaxRowType:
    rate: Decimal
    treatment: str
    base: Decimal
    tax: Decimal


@strawberry.type(name="IberiaLabel")
class LabelType:
    key: str
    text: str


@strawberry.type(name="IberiaInvoice", description="An invoice or credit note (iberia): a "
                 "frozen snapshot in the buyer's language, hash-chained per issuer.")
class InvoiceType:
    id: strawberry.ID
    number: str
    kind: str = strawberry.field(description="INVOICE or CREDIT_NOTE.")
    form: str = strawberry.field(description="COMPLETE or SIMPLIFIED.")
    language: str
    title: str
    issued_at: datetime
    issuer: PartyType
    buyer: PartyType
    lines: list[LineType]
    tax_breakdown: list[TaxRowType]
    mentions: list[str]
    total_net: Decimal
    total_tax: Decimal
    total_gross: Decimal
    currency: str
    rectifies: str | None = strawberry.field(description="The invoice a credit note corrects.")
    labels: list[LabelType]
    hash: str
    previous_hash: str
    order_id: strawberry.ID = strawberry.field(description="The order it belongs to.")

    @classmethod
    def of(cls, row: Invoice) -> InvoiceType:
        c, language = row.content, row.content["language"]
        title = "CREDIT_NOTE" if row.kind == "CREDIT_NOTE" else \
            "SIMPLIFIED_INVOICE" if c["form"] == "SIMPLIFIED" else "INVOICE"
        return cls(
            id=encode_id("IberiaInvoice", row.id), number=row.code, kind=row.kind,
            form=c["form"], language=language, title=label(title, language),
            issued_at=datetime.fromisoformat(c["issued_at"]),
            issuer=PartyType.of(c["issuer"]), buyer=PartyType.of(c["buyer"]),
            lines=[LineType(description=ln["description"], quantity=ln["quantity"],
                            rate=Decimal(ln["rate"]), treatment=ln["treatment"],
                            net=Decimal(ln["net"]), tax=Decimal(ln["tax"]),
                            gross=Decimal(ln["gross"])) for ln in c["lines"]],
            tax_breakdown=[TaxRowType(rate=Decimal(b["rate"]), treatment=b["treatment"],
                                      base=Decimal(b["base"]), tax=Decimal(b["tax"]))
                           for b in c["breakdown"]],
            mentions=list(c["mentions"]), total_net=row.total_net, total_tax=row.total_tax,
            total_gross=row.total_gross, currency=c["currency"],
            rectifies=(c.get("rectifies") or {}).get("code"),
            labels=[LabelType(key=k, text=label(k, language)) for k in LABELS],
            hash=row.hash, previous_hash=row.prev_hash,
            order_id=encode_id("Order", row.order_id))
