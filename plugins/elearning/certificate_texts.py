"""The words printed on a certificate PDF, in the platform's seven languages."""

from __future__ import annotations

LANGUAGES = ("es", "pt", "en", "fr", "ar", "ro", "uk")
TEXTS: dict[str, dict[str, str]] = {
    "TITLE": {"es": "Certificado de finalización", "pt": "Certificado de conclusão",
              "en": "Certificate of completion", "fr": "Certificat de réussite",
              "ar": "شهادة إتمام", "ro": "Certificat de absolvire",
              "uk": "Сертифікат про завершення"},
    "AWARDED_TO": {"es": "Se otorga a", "pt": "Atribuído a", "en": "Awarded to",
                   "fr": "Décerné à", "ar": "تُمنح إلى", "ro": "Acordat lui",
                   "uk": "Видано"},
    "FOR_COURSE": {"es": "por completar el curso", "pt": "por concluir o curso",
                   "en": "for completing the course", "fr": "pour avoir terminé le cours",
                   "ar": "لإتمام الدورة", "ro": "pentru absolvirea cursului",
                   "uk": "за завершення курсу"},
    "DATE": {"es": "Fecha", "pt": "Data", "en": "Date", "fr": "Date", "ar": "التاريخ",
             "ro": "Data", "uk": "Дата"},
    "VALID_UNTIL": {"es": "Válido hasta", "pt": "Válido até", "en": "Valid until",
                    "fr": "Valable jusqu'au", "ar": "صالحة حتى", "ro": "Valabil până la",
                    "uk": "Дійсний до"},
    "ISSUER": {"es": "Emisor", "pt": "Emissor", "en": "Issuer", "fr": "Émetteur",
               "ar": "الجهة المُصدِرة", "ro": "Emitent", "uk": "Видавець"},
    "CREDENTIAL": {"es": "Credencial", "pt": "Credencial", "en": "Credential",
                   "fr": "Identifiant", "ar": "رقم الشهادة", "ro": "Credențial",
                   "uk": "Ідентифікатор"},
    "VERIFY": {"es": "Compruébalo escaneando el código o en", "pt": "Verifique lendo o código "
               "ou em", "en": "Verify by scanning the code or at", "fr": "Vérifiez en scannant "
               "le code ou sur", "ar": "تحقّق بمسح الرمز أو عبر", "ro": "Verificați scanând "
               "codul sau la", "uk": "Перевірте, відсканувавши код, або за адресою"},
}


def label(key: str, language: str) -> str:
    texts = TEXTS[key]
    return texts.get(language, texts["en"])
