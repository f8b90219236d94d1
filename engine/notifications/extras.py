"""Links and attachments plugins add to a message for one recipient
(``ruta_notification_extras``), e.g. the invoice PDFs of an order confirmation."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from engine.notifications.spec import Attachment, NotificationExtras, Recipient
from engine.plugins.calls import gather_isolated
from engine.runtime import Runtime

log = logging.getLogger(__name__)

#: The most bytes of attachments plugins' extras add to one copy of a message (the e-mail
#: grows by a third in base64); an attachment that would pass it is left out and logged,
#: so a plugin should also give a link to it (as the iberia plugin does for invoices).
MAX_EXTRA_ATTACHMENT_BYTES = 5 * 1024 * 1024


def bounded(code: str, attachments: Iterable[Attachment]) -> list[Attachment]:
    """The attachments, in order, that fit in ``MAX_EXTRA_ATTACHMENT_BYTES`` together."""
    kept: list[Attachment] = []
    used = 0
    for attachment in attachments:
        if used + len(attachment.data) > MAX_EXTRA_ATTACHMENT_BYTES:
            log.warning("%s: attachment %s (%d bytes) left out: the extras' attachments "
                        "would pass %d bytes", code, attachment.filename,
                        len(attachment.data), MAX_EXTRA_ATTACHMENT_BYTES)
            continue
        kept.append(attachment)
        used += len(attachment.data)
    return kept


async def _extras(runtime: Runtime, code: str, event: Mapping[str, Any],
                  recipient: Recipient) -> list[NotificationExtras]:
    # a plugin's failure must not cost the recipient the message nor the others' extras
    found = await gather_isolated(runtime.plugins.hook.ruta_notification_extras,
                                  runtime=runtime, message_type=code, event=event,
                                  recipient=recipient)
    return [extra for extra in found if isinstance(extra, NotificationExtras)]


async def with_extras(runtime: Runtime, code: str, event: Mapping[str, Any],
                      recipients: Sequence[Recipient]) -> list[Recipient]:
    """Each recipient with every plugin's links and attachments appended (the attachments
    bounded by ``MAX_EXTRA_ATTACHMENT_BYTES`` per copy)."""
    done = []
    for recipient in recipients:
        extras = await _extras(runtime, code, event, recipient)
        if extras:
            recipient = dataclasses.replace(
                recipient, links=[*recipient.links, *(ln for e in extras for ln in e.links)],
                attachments=[*recipient.attachments,
                             *bounded(code, (a for e in extras for a in e.attachments))])
        done.append(recipient)
    return done
