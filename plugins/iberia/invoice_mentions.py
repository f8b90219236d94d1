"""Legal mentions on an invoice: the ground is always the **issuer's** law, written in the
invoice's language, with the issuer's official language always present.

The invoicing rules that apply are the issuer's member state's under reverse charge and
the OSS schemes (VAT Directive 2006/112/EC art. 219a), and in practice for its domestic
supplies: a Spanish issuer cites Ley 37/1992 (LIVA) and RD 1619/2012 (art. 6.1 j)-m)
mentions: "Inversión del sujeto pasivo", the exemption's article); a Portuguese issuer
cites the Código do IVA (CIVA) and the RITI (CIVA art. 36.º n.º 5 e) the exemption's
ground; n.º 13 the wording "IVA - autoliquidação"). References are language-neutral
(article numbers with the law's own abbreviation); the phrase around them is translated.
"""

from __future__ import annotations

#: Official language of the issuer's country (always printed).
OFFICIAL = {"ES": "es", "PT": "pt"}

#: The ground per treatment in each issuer's law.
REFS: dict[str, dict[str, str]] = {
    "REVERSE_CHARGE": {
        "ES": "art. 69.Uno.1º LIVA; art. 196 Directiva 2006/112/CE",
        "PT": "art. 6.º, n.º 6, al. a) CIVA; art. 196.º Diretiva 2006/112/CE"},
    "INTRA_EU_EXEMPT": {
        "ES": "art. 25 LIVA", "PT": "art. 14.º, n.º 1, al. a) RITI"},
    "EXPORT_EXEMPT": {
        "ES": "art. 21 LIVA", "PT": "art. 14.º, n.º 1, al. a) CIVA"},
    "EXEMPT": {
        "ES": "art. 20.Uno.9º LIVA", "PT": "art. 9.º, n.ºs 9) e 10) CIVA"},
    "OUTSIDE_SCOPE": {
        "ES": "arts. 68-70 LIVA", "PT": "art. 6.º CIVA"},
    "DEEMED_SUPPLIER": {
        "ES": "art. 9 bis Reglamento de Ejecución (UE) 282/2011",
        "PT": "art. 9.º-A Regulamento de Execução (UE) 282/2011"},
}

PHRASES: dict[str, dict[str, str]] = {
    "REVERSE_CHARGE": {
        "es": "Inversión del sujeto pasivo ({ref}).",
        "pt": "IVA - autoliquidação ({ref}).",
        "en": "Reverse charge: the customer accounts for the VAT ({ref}).",
        "fr": "Autoliquidation : la TVA est due par le preneur ({ref}).",
        "ar": "التحويل العكسي: يسدد العميل ضريبة القيمة المضافة ({ref}).",
        "ro": "Taxare inversă: TVA se datorează de către beneficiar ({ref}).",
        "uk": "Зворотне оподаткування: ПДВ сплачує покупець ({ref}).",
    },
    "INTRA_EU_EXEMPT": {
        "es": "Entrega intracomunitaria exenta ({ref}).",
        "pt": "Isento - transmissão intracomunitária de bens ({ref}).",
        "en": "Exempt intra-Community supply of goods ({ref}).",
        "fr": "Exonération de TVA, livraison intracommunautaire de biens ({ref}).",
        "ar": "معفاة: توريد سلع داخل الاتحاد الأوروبي ({ref}).",
        "ro": "Scutit: livrare intracomunitară de bunuri ({ref}).",
        "uk": "Звільнено: постачання товарів у межах ЄС ({ref}).",
    },
    "EXPORT_EXEMPT": {
        "es": "Exportación exenta ({ref}).",
        "pt": "Isento - exportação ({ref}).",
        "en": "Exempt export ({ref}).",
        "fr": "Exonération de TVA, exportation ({ref}).",
        "ar": "معفاة: تصدير ({ref}).",
        "ro": "Scutit: export ({ref}).",
        "uk": "Звільнено: експорт ({ref}).",
    },
    "EXEMPT": {
        "es": "Operación exenta: enseñanza y formación profesional ({ref}).",
        "pt": "Isento: ensino e formação profissional ({ref}).",
        "en": "Exempt supply: education and vocational training ({ref}).",
        "fr": "Exonération de TVA : enseignement et formation professionnelle ({ref}).",
        "ar": "عملية معفاة: التعليم والتدريب المهني ({ref}).",
        "ro": "Operațiune scutită: educație și formare profesională ({ref}).",
        "uk": "Звільнена операція: освіта та професійне навчання ({ref}).",
    },
    "OUTSIDE_SCOPE": {
        "es": "Operación no sujeta: lugar de realización fuera del territorio de aplicación "
              "del impuesto ({ref}).",
        "pt": "Operação não sujeita: localizada fora do território nacional ({ref}).",
        "en": "Not subject to VAT here: place of supply outside the issuer's VAT territory "
              "({ref}).",
        "fr": "Opération non soumise : lieu de la prestation hors du territoire de "
              "l'émetteur ({ref}).",
        "ar": "عملية غير خاضعة: مكان التوريد خارج النطاق الضريبي للمُصدِر ({ref}).",
        "ro": "Operațiune neimpozabilă: locul livrării în afara teritoriului emitentului "
              "({ref}).",
        "uk": "Операція не оподатковується: місце постачання поза територією "
              "постачальника ({ref}).",
    },
    "DEEMED_SUPPLIER": {
        "es": "La plataforma actúa como proveedor presunto ({ref}).",
        "pt": "A plataforma atua como fornecedor presumido ({ref}).",
        "en": "The platform is the deemed supplier ({ref}).",
        "fr": "La plateforme est réputée être le fournisseur ({ref}).",
        "ar": "تُعدّ المنصة المورِّد المفترض ({ref}).",
        "ro": "Platforma este considerată furnizor ({ref}).",
        "uk": "Платформа вважається постачальником ({ref}).",
    },
}


def law_of(issuer_country: str | None) -> str:
    return "PT" if issuer_country == "PT" else "ES"


def legal_mentions(treatment: str, issuer_country: str | None, language: str) -> list[str]:
    """The mention in ``language`` citing the issuer's law, then (when different) the same
    in the issuer's official language; empty for rated treatments."""
    phrases, refs = PHRASES.get(treatment), REFS.get(treatment)
    if phrases is None or refs is None:
        return []
    law = law_of(issuer_country)
    ref = refs[law]
    out = [phrases.get(language, phrases["en"]).format(ref=ref)]
    official = phrases[OFFICIAL[law]].format(ref=ref)
    if official not in out:
        out.append(official)
    return out
