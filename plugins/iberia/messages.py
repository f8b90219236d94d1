"""User-facing messages of the plugin in es, pt, en, fr, ar, ro and uk (fallback: en)."""

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

#: The same messages for buyers and vendors who read French, Arabic, Romanian or Ukrainian.
EXTRA: dict[str, dict[str, str]] = {
    "INVALID_TAX_ID": {
        "fr": ("Ce numéro fiscal n'est pas valide pour {country} (format ou chiffre de"
               ' contrôle incorrect).'),
        "ar": 'هذا الرقم الضريبي غير صالح لـ {country} (تنسيق أو رقم تحقق غير صحيح).',
        "ro": ('Acest cod fiscal nu este valabil pentru {country} (format sau cifră de'
               ' control greșită).'),
        "uk": ('Цей податковий номер недійсний для {country} (неправильний формат або '
               'контрольна цифра).'),
    },
    "GENERIC_CONSUMER_NIF": {
        "fr": ('999999990 est le numéro générique du consommateur final ; indiquez le '
               "numéro fiscal de l'entreprise."),
        "ar": 'الرقم 999999990 هو الرقم العام للمستهلك النهائي؛ أدخل الرقم الضريبي الخاص بالشركة.',
        "ro": ('999999990 este numărul generic al consumatorului final; indicați codul'
               ' fiscal al firmei.'),
        "uk": ('999999990 — загальний номер кінцевого споживача; вкажіть власний '
               'податковий номер підприємства.'),
    },
    "INVALID_VAT_ID": {
        "fr": ("Ce n'est pas un numéro de TVA intracommunautaire valide (format ou "
               'chiffre de contrôle incorrect).'),
        "ar": 'هذا ليس رقم ضريبة قيمة مضافة أوروبيًا صالحًا (تنسيق أو رقم تحقق غير صحيح).',
        "ro": 'Nu este un cod de TVA intracomunitar valabil (format sau cifră de control greșită).',
        "uk": 'Це недійсний номер платника ПДВ ЄС (неправильний формат або контрольна цифра).',
    },
    "VAT_ID_NOT_REGISTERED": {
        "fr": ("VIES indique que ce numéro de TVA n'est pas enregistré pour les "
               'échanges intracommunautaires.'),
        "ar": 'يفيد نظام VIES بأن رقم الضريبة هذا غير مسجل للتجارة داخل الاتحاد الأوروبي.',
        "ro": ('VIES indică faptul că acest cod de TVA nu este înregistrat pentru '
               'operațiuni intracomunitare.'),
        "uk": 'VIES повідомляє, що цей номер ПДВ не зареєстрований для торгівлі в межах ЄС.',
    },
}
for _code, _texts in EXTRA.items():
    MESSAGES[_code].update(_texts)

LANGUAGE_OF_COUNTRY = {"ES": "es", "PT": "pt", "BR": "pt", "FR": "fr", "RO": "ro",
                       "UA": "uk", "MA": "ar"}
LANGUAGES = ("es", "pt", "en", "fr", "ar", "ro", "uk")


def language_for(requested: str | None, country: str | None) -> str:
    """The requested language if we have it, else the country's, else English."""
    for candidate in ((requested or "").lower(), LANGUAGE_OF_COUNTRY.get(country or "", "")):
        if candidate in LANGUAGES:
            return candidate
    return "en"


def message(code: str, language: str, **values: str) -> str:
    texts = MESSAGES[code]
    return texts.get(language, texts["en"]).format(**values)
