"""Query, scheduled and demo hooks: awaited by the engine, results collected.

Part of :mod:`engine.plugins.specs`, which registers every hook; see its docstring."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from engine.demo.index import DemoIndex
    from engine.notifications.spec import NotificationExtras, Recipient
    from engine.plugins.contributions import (
        DemoJourney,
        ImpactFact,
        IssuedCertificate,
        JourneyFact,
        StaffOrganisation,
    )
    from engine.runtime import Runtime


hookspec = pluggy.HookspecMarker("ruta")


@hookspec
def ruta_pricing_facts(session: AsyncSession, vendor_ids: Sequence[int],
                       buyer_vat_id: str | None) -> Mapping[int, Mapping[str, Any]] | None:
    """Per-vendor facts the pure ``ruta_tax_decision`` / ``ruta_unit_price`` need, read
    fresh before a cart or a listing is priced (e.g. a vendor's OSS opt-in, exemption,
    cross-border sales this year, or what is on record about the buyer's VAT number
    ``buyer_vat_id``, the checkout's; None for listings).

    Return ``{vendor_id: {"<plugin>...": value}}`` (keys prefixed with the plugin's name,
    values immutable); the engine merges every plugin's mapping and passes it to each
    line as ``PricingLine.vendor_facts``. Read with ``session`` (read-only, one or two
    statements for all ``vendor_ids``; the engine calls it once per checkout priced and
    once per batch of listed vendors). A query hook: may be async.
    """


@hookspec
def ruta_user_credentials(runtime: Runtime, user_id: int) -> list[dict[str, Any]] | None:
    """Verifiable credentials ``user_id`` earned on Ruta (e.g. course certificates), as
    JSON-serialisable dicts with ``kind``, ``title``, ``credential_id``, ``issued_at``
    (ISO 8601) and ``token`` (the signed credential, checkable with the issuer's verify
    query, e.g. ``certificateVerify``); None when the plugin has none. A query hook: may be async;
    the engine awaits and collects every result. Callers show them only with the user's
    consent."""


@hookspec
def ruta_account_export(runtime: Runtime, user_id: int) -> dict[str, Any] | None:
    """The plugin's part of ``accountDataExport`` (GDPR art. 20) for ``user_id``.

    Return a JSON-serialisable dict (it appears under the plugin's name) or None. A query
    hook: may be async; the engine awaits and collects every result.
    """


@hookspec
def ruta_account_erase(runtime: Runtime, user_id: int) -> None:
    """Erase or anonymise the plugin's personal data of ``user_id`` (``accountDelete``).

    Keep what the law requires (invoices, bookkeeping) with the person's data replaced.
    Called after the core erased its part; may be async (write in ``runtime.transaction()``);
    must be idempotent. An implementation that raises fails the deletion, which can be
    retried.
    """


@hookspec
def ruta_progress_shared_with(runtime: Runtime, learner_id: int) -> Sequence[int] | None:
    """User ids (e.g. mentors) the learner has consented to share learning progress with.

    A query hook: may be async; the engine awaits every implementation and merges the ids.
    """


@hookspec
def ruta_journey_facts(runtime: Runtime, user_ids: list[int]) -> Sequence[JourneyFact] | None:
    """What the plugin knows of these people's journeys, as
    :class:`engine.plugins.contributions.JourneyFact` items (e-learning: ``ENROLLED``,
    ``COURSE_COMPLETED``; mentoring: ``MENTORED`` with expert hours, ``FUNDING_REQUESTED``,
    ``FUNDING_GRANTED``). Asked by the programme plugin for participants who consented, and
    for aggregated impact figures. A query hook: may be async; every answer is collected.
    """


@hookspec
def ruta_demo_journeys(runtime: Runtime, journeys: Sequence[DemoJourney]) -> None:
    """Demo only (called from a ``ruta_demo_seed``, e.g. the programme plugin's, after the
    other plugins seeded theirs): record, for each
    :class:`engine.plugins.contributions.DemoJourney`, the steps this plugin owns (an
    enrolment, a completed course, a past mentoring session, a funding request and its
    grant) as if the person had taken them, so that ``ruta_journey_facts`` answers them.
    May be async; write in ``runtime.transaction()``; steps the plugin does not own are
    ignored."""


@hookspec
def ruta_impact_facts(runtime: Runtime, since: datetime, until: datetime
                      ) -> Sequence[ImpactFact] | None:
    """Outcomes between ``since`` and ``until`` (UTC) the plugin records, as
    :class:`engine.plugins.contributions.ImpactFact` items, e.g. hires made through a jobs
    plugin (``kind="HIRE"``). Impact reports show each kind as its own figure, never added
    to declared jobs. A query hook: may be async; every answer is collected.
    """


@hookspec
def ruta_staff_organisation(runtime: Runtime, user_id: int) -> StaffOrganisation | None:
    """The organisation ``user_id`` works for as staff, if the plugin keeps one, as a
    :class:`engine.plugins.contributions.StaffOrganisation` (e.g. a programme plugin's
    partner staff: ``kind="PARTNER"``), else None. Lets a plugin (jobs: partners' offers
    and announcements) act for that organisation without importing the plugin that owns
    the role. A query hook: may be async; every answer is collected.
    """


@hookspec
def ruta_attendance_certificate(runtime: Runtime, user_id: int, reference: str, title: str,
                                attended_on: date, organiser: str) -> IssuedCertificate | None:
    """Issue ``user_id`` a certificate of attendance of ``title`` (an event, a workshop),
    attended on ``attended_on`` and organised by ``organiser``, and return its public facts
    as :class:`engine.plugins.contributions.IssuedCertificate` (credential id, verification
    URL, issue date, whether this call issued it); None when the plugin issues no
    certificates. ``reference`` is the asking plugin's stable key for the attendance (e.g.
    ``"programme-event:12"``): asking again for the same user and reference issues nothing
    and returns the certificate issued before (``new=False``). Lets a programme plugin
    certify attendance through an e-learning plugin's credentials without importing it.
    A query hook: may be async (it writes in its own transaction: call it with none open);
    the engine awaits and collects every result."""


@hookspec
def ruta_tick(runtime: Runtime, now: datetime) -> None:
    """Periodic work (reminders, escalations, expiries), every few seconds in each worker.

    May be async. Must be idempotent and safe with many workers (claim work with
    conditional updates); an implementation that raises is logged and the loop goes on.
    """


@hookspec
def ruta_demo_seed(runtime: Runtime, demo: DemoIndex) -> None:
    """Add the plugin's demo data, once, right after the core's demo marketplace is created
    (``ruta serve --demo`` / ``ruta demo``; never otherwise).

    ``demo`` (:class:`engine.demo.index.DemoIndex`) maps the demo's e-mails, vendor,
    product and category slugs and variant SKUs to database ids. May be async; write in
    ``runtime.transaction()``. An implementation that raises stops the demo set-up.
    """


@hookspec
def ruta_notification_extras(runtime: Runtime, message_type: str, event: Mapping[str, Any],
                             recipient: Recipient) -> NotificationExtras | None:
    """Links and attachments to add to one recipient's copy of a message fed by a
    lifecycle event: ``message_type`` is its code (``order_confirmation``...), ``event``
    the event's arguments (``event_id``, ``occurred_at``, ``order_id``...), ``recipient``
    who gets this copy (its ``language`` may be None: the account's). Return
    :class:`engine.notifications.spec.NotificationExtras` (labels in the recipient's
    language) or None. Attachments (e.g. ``Attachment("F2026-000001.pdf",
    "application/pdf", data)``) are sent as e-mail attachments; together they may weigh at
    most ``engine.notifications.extras.MAX_EXTRA_ATTACHMENT_BYTES`` (5 MiB) per copy, and
    one that would pass it is left out (logged), so give a link to it too. Awaited before
    the copy is rendered; an error is logged and the message goes without the extras."""
