"""Links and attachments plugins add to a message for one recipient
(``ruta_notification_extras``), e.g. the invoice PDFs of an order confirmation."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from engine.notifications.spec import NotificationExtras, Recipient
from engine.plugins.calls import gather_isolated
from engine.runtime import Runtime


async def _extras(runtime: Runtime, code: str, event: Mapping[str, Any],
                  recipient: Recipient) -> list[NotificationExtras]:
    # a plugin's failure must not cost the recipient the message nor the others' extras
    found = await gather_isolated(runtime.plugins.hook.ruta_notification_extras,
                                  runtime=runtime, message_type=code, event=event,
                                  recipient=recipient)
    return [extra for extra in found if isinstance(extra, NotificationExtras)]


async def with_extras(runtime: Runtime, code: str, event: Mapping[str, Any],
                      recipients: Sequence[Recipient]) -> list[Recipient]:
    """Each recipient with every plugin's links and attachments appended."""
    done = []
    for recipient in recipients:
        extras = await _extras(runtime, code, event, recipient)
        if extras:
            recipient = dataclasses.replace(
                recipient, links=[*recipient.links, *(ln for e in extras for ln in e.links)],
                attachments=[*recipient.attachments,
                             *(a for e in extras for a in e.attachments)])
        done.append(recipient)
    return done
