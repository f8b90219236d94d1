"""The e-mail channel: a MIME message (plain text + HTML, attachments, a stable
``Message-ID``, RFC 8058 ``List-Unsubscribe`` on non-transactional mail) sent over SMTP
with ``aiosmtplib``."""

from __future__ import annotations

import base64
from email import policy
from email.message import EmailMessage
from email.utils import formatdate, parseaddr
from urllib.parse import unquote, urlsplit

from engine.notifications import unsubscribe
from engine.notifications.models import Notification
from engine.settings import Settings

TIMEOUT = 30


def message_id(settings: Settings, notification_id: int) -> str:
    domain = parseaddr(settings.mail_from)[1].rpartition("@")[2] or "ruta.example"
    return f"<notification-{notification_id}@{domain}>"


#: Header lines up to RFC 5322's 998 characters: a long ``List-Unsubscribe`` URL must
#: stay one unencoded token (the default 78 turns it into RFC 2047 encoded words, which
#: mail clients do not read as a URL).
POLICY = policy.SMTP.clone(max_line_length=998)


def build(settings: Settings, note: Notification) -> EmailMessage:
    message = EmailMessage(policy=POLICY)
    message["From"] = settings.mail_from
    message["To"] = note.email
    message["Subject"] = note.subject
    message["Date"] = formatdate(note.created_at.timestamp(), usegmt=True)
    message["Message-ID"] = message_id(settings, note.id)  # the same on every retry
    message["X-Ruta-Message-Type"] = note.type
    if settings.mail_reply_to:
        message["Reply-To"] = settings.mail_reply_to
    if not note.transactional and note.user_id is not None:
        url = unsubscribe.link(settings, note.user_id, note.category)
        message["List-Unsubscribe"] = f"<{url}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(note.body_text)
    message.add_alternative(note.body_html, subtype="html")
    for item in note.attachments or ():
        maintype, _, subtype = item["content_type"].partition("/")
        data = base64.b64decode(item["data"])
        if maintype == "text":  # text parts are added as text (e.g. text/calendar)
            message.add_attachment(data.decode(), subtype=subtype, filename=item["filename"])
        else:
            message.add_attachment(data, maintype=maintype, subtype=subtype,
                                   filename=item["filename"])
    message["Content-Language"] = note.language.lower()  # after the body: set_content clears it
    return message


async def send(settings: Settings, message: EmailMessage) -> None:
    assert settings.smtp_url is not None
    url = urlsplit(settings.smtp_url)
    tls = url.scheme == "smtps"
    import aiosmtplib  # on first use: workers that never send mail never load it

    # flattened here with POLICY: aiosmtplib would flatten with 78-character header lines
    await aiosmtplib.send(
        message.as_bytes(policy=POLICY), sender=parseaddr(str(message["From"]))[1],
        recipients=[parseaddr(str(message["To"]))[1]], hostname=url.hostname or "127.0.0.1",
        port=url.port or (465 if tls else 25),
        username=unquote(url.username) if url.username else None,
        password=unquote(url.password) if url.password else None,
        use_tls=tls, timeout=TIMEOUT)
