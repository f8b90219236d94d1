"""What a message type is: what plugins return from ``ruta_notification_types``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from engine.runtime import Runtime

#: Categories a user may switch off (every other category is transactional);
#: ``ANNOUNCEMENT``: programme news sent to members who opted in (e.g. the jobs plugin's).
OPTIONAL_CATEGORIES = ("NUDGE", "REMINDER", "ANNOUNCEMENT")


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str  # "text/calendar", "application/pdf"...
    data: bytes


@dataclass(frozen=True)
class NotificationLink:
    """A link a plugin adds to a message (``ruta_notification_extras``): ``label`` already in
    the recipient's language (e.g. "Factura F2026-000001 (PDF)") and an absolute ``url``."""

    label: str
    url: str


@dataclass(frozen=True)
class NotificationExtras:
    """What ``ruta_notification_extras`` returns: links listed at the end of the message
    (plain text and HTML) and attachments, for one recipient."""

    links: Sequence[NotificationLink] = ()
    attachments: Sequence[Attachment] = ()


@dataclass(frozen=True)
class Recipient:
    """Who gets one copy: a user (in-app inbox and e-mail) or only an address (a guest).

    ``language`` (``ES``, ``PT``...) and ``country`` default to the user's; ``context`` is
    merged into the template's variables for this recipient only.
    """

    user_id: int | None = None
    email: str | None = None
    language: str | None = None
    country: str | None = None
    time_zone: str | None = None
    context: Mapping[str, Any] = field(default_factory=dict)
    attachments: Sequence[Attachment] = ()
    links: Sequence[NotificationLink] = ()
    #: False: e-mail only, never in the in-app inbox (one-time links).
    inbox: bool = True

    @property
    def key(self) -> str:
        return f"user:{self.user_id}" if self.user_id is not None else \
            f"email:{(self.email or '').lower()}"


#: ``resolve(runtime, **event_arguments)`` → the recipients of one event.
Resolver = Callable[..., Awaitable[Sequence[Recipient]]]


@dataclass(frozen=True)
class MessageType:
    """A message: ``code`` (unique; a plugin's type with the core's code replaces it),
    ``category`` (``ORDER``, ``ACCOUNT``, ``VENDOR``, ``BOOKING``, ``LEARNING``, ``NUDGE``,
    ``REMINDER``...; ``NUDGE`` and ``REMINDER`` can be switched off), ``templates`` (a
    directory of ``<language>.j2`` files, e.g. ``es.j2``, each defining the blocks
    ``subject``, ``text`` and ``html``; ``en.j2`` is the fallback), and optionally ``hook``
    (a lifecycle hook) with ``resolve`` (called with the event's arguments) to be fed by
    that event; without them, send it with ``engine.plugins.api.notify``."""

    code: str
    category: str
    templates: Path
    hook: str | None = None
    resolve: Resolver | None = None
    description: str = ""

    @property
    def transactional(self) -> bool:
        return self.category not in OPTIONAL_CATEGORIES

    def run(self, runtime: Runtime, arguments: Mapping[str, Any]
            ) -> Awaitable[Sequence[Recipient]]:
        assert self.resolve is not None
        return self.resolve(runtime, **arguments)
