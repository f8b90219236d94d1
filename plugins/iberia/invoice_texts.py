"""Invoice labels in es, pt, en, fr, ar, ro and uk (fallback: en), and the invoice's language.

The legal mentions (grounds of exemption, reverse charge, non-subject supplies) are in
:mod:`plugins.iberia.invoice_mentions`: always the issuer's law.
"""

from __future__ import annotations

LANGUAGES = ("es", "pt", "en", "fr", "ar", "ro", "uk")

_ROWS = {
    # key: (es, pt, en, fr, ar, ro, uk)
    "INVOICE": ("Factura", "Fatura", "Invoice", "Facture", "فاتورة", "Factură", "Рахунок-фактура"),
    "SIMPLIFIED_INVOICE": ("Factura simplificada", "Fatura simplificada", "Simplified invoice",
                           "Facture simplifiée", "فاتورة مبسطة", "Factură simplificată",
                           "Спрощений рахунок-фактура"),
    "CREDIT_NOTE": ("Factura rectificativa", "Nota de crédito", "Credit note", "Avoir",
                    "إشعار دائن", "Factură de stornare", "Кредит-нота"),
    "NUMBER": ("Número", "Número", "Number", "Numéro", "الرقم", "Număr", "Номер"),
    "DATE": ("Fecha de expedición", "Data de emissão", "Date of issue", "Date d'émission",
             "تاريخ الإصدار", "Data emiterii", "Дата видачі"),
    "ISSUER": ("Emisor", "Emitente", "Issuer", "Émetteur", "المُصدِر", "Emitent", "Постачальник"),
    "BUYER": ("Destinatario", "Adquirente", "Customer", "Client", "العميل", "Client", "Покупець"),
    "TAX_ID": ("NIF", "NIF", "Tax ID", "N° d'identification fiscale", "الرقم الضريبي",
               "Cod fiscal", "Податковий номер"),
    "ADDRESS": ("Domicilio", "Morada", "Address", "Adresse", "العنوان", "Adresă", "Адреса"),
    "DESCRIPTION": ("Descripción", "Descrição", "Description", "Désignation", "الوصف",
                    "Descriere", "Опис"),
    "QUANTITY": ("Cantidad", "Quantidade", "Quantity", "Quantité", "الكمية", "Cantitate",
                 "Кількість"),
    "BASE": ("Base imponible", "Valor tributável", "Taxable amount", "Base imposable",
             "المبلغ الخاضع للضريبة", "Bază de impozitare", "Оподатковувана сума"),
    "RATE": ("Tipo", "Taxa", "Rate", "Taux", "النسبة", "Cotă", "Ставка"),
    "TAX": ("Cuota de IVA", "IVA", "VAT", "TVA", "ضريبة القيمة المضافة", "TVA", "ПДВ"),
    "TOTAL": ("Total", "Total", "Total", "Total", "المجموع", "Total", "Разом"),
    "SHIPPING": ("Envío", "Envio", "Shipping", "Livraison", "الشحن", "Transport", "Доставка"),
    "RECTIFIES": ("Rectifica la factura", "Retifica a fatura", "Corrects invoice",
                  "Rectifie la facture", "تصحح الفاتورة", "Corectează factura",
                  "Виправляє рахунок"),
    "PARTIAL_REFUND": ("Devolución parcial", "Devolução parcial", "Partial refund",
                       "Remboursement partiel", "استرداد جزئي", "Rambursare parțială",
                       "Часткове повернення"),
    "HASH": ("Huella", "Hash", "Hash", "Empreinte", "البصمة", "Amprentă", "Хеш"),
    "PREVIOUS": ("Registro anterior", "Documento anterior", "Previous record",
                 "Enregistrement précédent", "السجل السابق", "Înregistrarea anterioară",
                 "Попередній запис"),
}

LABELS: dict[str, dict[str, str]] = {
    key: dict(zip(LANGUAGES, texts, strict=True)) for key, texts in _ROWS.items()}


def label(key: str, language: str) -> str:
    texts = LABELS[key]
    return texts.get(language, texts["en"])


def invoice_language(requested: str | None, buyer_country: str | None) -> str:
    """The buyer's language when supported (``EN``/``es-ES``/``uk``...), else the buyer
    country's, else English."""
    code = (requested or "").lower().replace("_", "-").split("-")[0]
    if code in LANGUAGES:
        return code
    return {"ES": "es", "PT": "pt", "FR": "fr", "RO": "ro"}.get((buyer_country or "").upper(),
                                                                "en")
