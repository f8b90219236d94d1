"""Invoice labels and legal mentions in es, pt and en (fallback: en).

Mentions follow VAT Directive 2006/112/EC art. 226 (11) exemption grounds, (11a) "Reverse
charge"; Spain: RD 1619/2012 (Reglamento de facturación) art. 6.1.j and LIVA arts. 20, 21,
25 and 84; Portugal: Código do IVA art. 36.º n.º 5 e) and 9.º, 14.º, 2.º n.º 1 j).
"""

from __future__ import annotations

LANGUAGES = ("es", "pt", "en")

LABELS: dict[str, dict[str, str]] = {
    "INVOICE": {"es": "Factura", "pt": "Fatura", "en": "Invoice"},
    "SIMPLIFIED_INVOICE": {"es": "Factura simplificada", "pt": "Fatura simplificada",
                           "en": "Simplified invoice"},
    "CREDIT_NOTE": {"es": "Factura rectificativa", "pt": "Nota de crédito",
                    "en": "Credit note"},
    "NUMBER": {"es": "Número", "pt": "Número", "en": "Number"},
    "DATE": {"es": "Fecha de expedición", "pt": "Data de emissão", "en": "Date of issue"},
    "ISSUER": {"es": "Emisor", "pt": "Emitente", "en": "Issuer"},
    "BUYER": {"es": "Destinatario", "pt": "Adquirente", "en": "Customer"},
    "TAX_ID": {"es": "NIF", "pt": "NIF", "en": "Tax ID"},
    "ADDRESS": {"es": "Domicilio", "pt": "Morada", "en": "Address"},
    "DESCRIPTION": {"es": "Descripción", "pt": "Descrição", "en": "Description"},
    "QUANTITY": {"es": "Cantidad", "pt": "Quantidade", "en": "Quantity"},
    "BASE": {"es": "Base imponible", "pt": "Valor tributável", "en": "Taxable amount"},
    "RATE": {"es": "Tipo", "pt": "Taxa", "en": "Rate"},
    "TAX": {"es": "Cuota de IVA", "pt": "IVA", "en": "VAT"},
    "TOTAL": {"es": "Total", "pt": "Total", "en": "Total"},
    "SHIPPING": {"es": "Envío", "pt": "Envio", "en": "Shipping"},
    "RECTIFIES": {"es": "Rectifica la factura", "pt": "Retifica a fatura",
                  "en": "Corrects invoice"},
}

#: Per treatment; ``{note}`` is the decision's own legal note when it has one.
MENTIONS: dict[str, dict[str, str]] = {
    "REVERSE_CHARGE": {
        "es": "Inversión del sujeto pasivo (art. 84.Uno.2º LIVA; art. 196 Directiva "
              "2006/112/CE).",
        "pt": "IVA - autoliquidação (art. 2.º, n.º 1, al. j) CIVA; art. 196.º Diretiva "
              "2006/112/CE).",
        "en": "Reverse charge (Article 196 of Directive 2006/112/EC).",
    },
    "INTRA_EU_EXEMPT": {
        "es": "Entrega intracomunitaria exenta (art. 25 LIVA; art. 138 Directiva 2006/112/CE).",
        "pt": "Isento - transmissão intracomunitária (art. 14.º RITI; art. 138.º Diretiva "
              "2006/112/CE).",
        "en": "Exempt intra-Community supply (Article 138 of Directive 2006/112/EC).",
    },
    "EXPORT_EXEMPT": {
        "es": "Exportación exenta (art. 21 LIVA; art. 146 Directiva 2006/112/CE).",
        "pt": "Isento - exportação (art. 14.º CIVA; art. 146.º Diretiva 2006/112/CE).",
        "en": "Exempt export (Article 146 of Directive 2006/112/EC).",
    },
    "EXEMPT": {
        "es": "Operación exenta (art. 20.Uno.9º LIVA; art. 132.1.i Directiva 2006/112/CE).",
        "pt": "Isento (art. 9.º CIVA; art. 132.º, n.º 1, al. i) Diretiva 2006/112/CE).",
        "en": "Exempt supply (Article 132(1)(i) of Directive 2006/112/EC).",
    },
    "OUTSIDE_SCOPE": {
        "es": "Operación no sujeta al IVA español / fuera del ámbito del IVA de la UE.",
        "pt": "Operação não sujeita a IVA / fora do âmbito do IVA da UE.",
        "en": "Outside the scope of EU VAT.",
    },
    "DEEMED_SUPPLIER": {
        "es": "La plataforma actúa como proveedor presunto (art. 9 bis Reglamento de "
              "Ejecución (UE) 282/2011).",
        "pt": "A plataforma atua como fornecedor presumido (art. 9.º-A Regulamento de "
              "Execução (UE) 282/2011).",
        "en": "The platform is the deemed supplier (Article 9a of Implementing Regulation "
              "(EU) 282/2011).",
    },
}


def label(key: str, language: str) -> str:
    texts = LABELS[key]
    return texts.get(language, texts["en"])


def mention(treatment: str, language: str) -> str | None:
    texts = MENTIONS.get(treatment)
    return texts.get(language, texts["en"]) if texts else None


def invoice_language(requested: str | None, buyer_country: str | None) -> str:
    """The buyer's language when we have it (``EN``/``es-ES``...), else the buyer country's,
    else English."""
    code = (requested or "").lower().replace("_", "-").split("-")[0]
    if code in LANGUAGES:
        return code
    return {"ES": "es", "PT": "pt"}.get((buyer_country or "").upper(), "en")


LABELS["PARTIAL_REFUND"] = {"es": "Devolución parcial", "pt": "Devolução parcial",
                            "en": "Partial refund"}
