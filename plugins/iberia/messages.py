"""User-facing messages of the plugin in es, pt and en (fallback: en)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "INVALID_TAX_ID": {
        "en": "This tax number is not valid for {country} (wrong format or check digit).",
        "es": "Este número de identificación fiscal no es válido para {country} (formato o "
              "dígito de control incorrecto).",
        "pt": "Este número de identificação fiscal não é válido para {country} (formato ou "
              "dígito de controlo incorreto).",
    },
    "GENERIC_CONSUMER_NIF": {
        "en": "999999990 is the generic number for final consumers; give the business's own "
              "tax number.",
        "es": "999999990 es el número genérico de consumidor final; indique el número fiscal "
              "propio de la empresa.",
        "pt": "999999990 é o NIF genérico de consumidor final; indique o NIF próprio da "
              "empresa.",
    },
    "INVALID_VAT_ID": {
        "en": "This is not a valid EU VAT number (wrong format or check digit).",
        "es": "No es un número de IVA intracomunitario válido (formato o dígito de control "
              "incorrecto).",
        "pt": "Não é um número de IVA intracomunitário válido (formato ou dígito de controlo "
              "incorreto).",
    },
    "VAT_ID_NOT_REGISTERED": {
        "en": "VIES reports this VAT number as not registered for intra-EU trade.",
        "es": "VIES indica que este número de IVA no está registrado para operaciones "
              "intracomunitarias.",
        "pt": "O VIES indica que este número de IVA não está registado para operações "
              "intracomunitárias.",
    },
}

LANGUAGE_OF_COUNTRY = {"ES": "es", "PT": "pt", "BR": "pt"}


def language_for(requested: str | None, country: str | None) -> str:
    """The requested language if we have it, else the country's, else English."""
    for candidate in ((requested or "").lower(), LANGUAGE_OF_COUNTRY.get(country or "", "")):
        if candidate in ("es", "pt", "en"):
            return candidate
    return "en"


def message(code: str, language: str, **values: str) -> str:
    texts = MESSAGES[code]
    return texts.get(language, texts["en"]).format(**values)
