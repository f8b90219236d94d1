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
    "ATTENDANCE_TITLE": {"es": "Certificado de asistencia", "pt": "Certificado de presença",
                         "en": "Certificate of attendance", "fr": "Attestation de présence",
                         "ar": "شهادة حضور", "ro": "Certificat de participare",
                         "uk": "Сертифікат про участь"},
    "FOR_ATTENDING": {"es": "por asistir a", "pt": "pela presença em", "en": "for attending",
                      "fr": "pour sa participation à", "ar": "لحضور",
                      "ro": "pentru participarea la", "uk": "за участь у заході"},
    "ATTENDED_ON": {"es": "Fecha de asistencia", "pt": "Data de presença",
                    "en": "Attended on", "fr": "Date de présence", "ar": "تاريخ الحضور",
                    "ro": "Data participării", "uk": "Дата участі"},
    "ORGANISER": {"es": "Organizado por", "pt": "Organizado por", "en": "Organised by",
                  "fr": "Organisé par", "ar": "الجهة المنظِّمة", "ro": "Organizat de",
                  "uk": "Організатор"},
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
