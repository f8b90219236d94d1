"""Programme announcements to segments of opted-in members.

A member opts in (``OptIn``) and declares the facts segments select on: language, region,
partner organisation and stage in the journey. An operator (or a partner's staff, for
their partner's members only) writes an announcement (subject
and body per language) for a segment (each given key must equal; a missing key matches
everyone), sends a test to themself, then sends it: the send is claimed once
(``DRAFT -> SENT`` by a conditional update), expanded to one ``Delivery`` row per matching
subscribed member (unique per announcement and member: never twice) and one
``ruta_announcement_queued`` event per recipient, in the recipient's language, carrying the
notifications core's one-click unsubscribe link (RFC 8058); the core e-mails it (see
``notices``) and a one-click unsubscribe ends the subscription here
(``ruta_notification_unsubscribed``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Select, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import (
    NotFound,
    PermissionDenied,
    Runtime,
    ValidationError,
    clean_text,
    notification_opt_in,
    record_event,
    unsubscribe_link,
    utcnow,
    verify_link,
)
from plugins.jobs.access import Viewer, signed_in
from plugins.jobs.announcement_models import Announcement, Delivery, OptIn
from plugins.jobs.texts import LANGUAGES, in_language, translations

KINDS = ("EVENT", "COURSE", "JOB_FAIR", "NEWS")
SEGMENT_KEYS = ("language", "region", "partner", "stage")
UNSUBSCRIBE = "jobs-unsubscribe"


@dataclass(frozen=True)
class Segment:
    language: str | None = None
    region: str | None = None
    partner: str | None = None
    stage: str | None = None


def _code(field: str, value: str | None) -> str | None:
    return clean_text(value, field=field, max_length=64, required=False)


async def opt_in(runtime: Runtime, viewer: Viewer | None, facts: Segment) -> OptIn:
    viewer = signed_in(viewer)
    language = (facts.language or "").strip().upper()
    if not language:  # the account's language, else English (an account may be in German)
        language = viewer.language if viewer.language in LANGUAGES else "EN"
    if language not in LANGUAGES:
        raise ValidationError("language", "INVALID",
                              "Use a supported language: ES, PT, EN, FR, AR, RO or UK.")
    async with runtime.transaction() as session:
        row = await session.scalar(select(OptIn).where(OptIn.user_id == viewer.user_id))
        if row is None:
            row = OptIn(user_id=viewer.user_id)
            session.add(row)
        row.subscribed, row.language, row.changed_at = True, language, utcnow()
        row.region, row.partner = _code("region", facts.region), _code("partner", facts.partner)
        row.stage = _code("stage", facts.stage)
        await session.flush()
    # a member who once unsubscribed by one click subscribes anew: the core sends again
    await notification_opt_in(runtime, viewer.user_id, "ANNOUNCEMENT")
    return row


async def _unsubscribe(session: AsyncSession, user_id: int) -> bool:
    done = await session.execute(update(OptIn).where(OptIn.user_id == user_id)
                                 .values(subscribed=False, changed_at=utcnow()))
    return bool(getattr(done, "rowcount", 0))


async def opt_out(runtime: Runtime, viewer: Viewer | None) -> bool:
    viewer = signed_in(viewer)
    async with runtime.transaction() as session:
        return await _unsubscribe(session, viewer.user_id)


async def unsubscribe(runtime: Runtime, token: str) -> bool:
    """No sign-in, with a token signed by ``sign_link`` (the links of earlier versions;
    e-mails now carry the core's one-click link, see :func:`unsubscribe_url`)."""
    subject = verify_link(runtime.settings, UNSUBSCRIBE, token)
    if subject is None or not subject.isdigit():
        raise ValidationError("token", "INVALID_LINK", "This link is invalid or has expired.")
    async with runtime.transaction() as session:
        return await _unsubscribe(session, int(subject))


def unsubscribe_url(runtime: Runtime, user_id: int) -> str:
    """The notifications core's one-click link for the ``ANNOUNCEMENT`` category: ``POST``
    unsubscribes without signing in (RFC 8058; the same URL is the mail's
    ``List-Unsubscribe``), ``GET`` shows a confirmation button."""
    return unsubscribe_link(runtime.settings, user_id, "ANNOUNCEMENT")


def _announcer(viewer: Viewer | None, partner: str | None) -> Viewer:
    """Operators announce to any segment; partner staff only to their partner's members
    (the segment's ``partner`` is their organisation's name)."""
    viewer = signed_in(viewer)
    if viewer.is_operator:
        return viewer
    if viewer.partner_name is None or partner != viewer.partner_name:
        raise PermissionDenied("Only operators, or partner staff to their partner's "
                               "members, send announcements.")
    return viewer


async def create(runtime: Runtime, viewer: Viewer | None, kind: str, subject: dict[str, str],
                 body: dict[str, str], segment: Segment) -> Announcement:
    who = signed_in(viewer)
    if not who.is_operator and who.partner_name and not segment.partner:
        segment = replace(segment, partner=who.partner_name)
    viewer = _announcer(viewer, segment.partner)
    if kind not in KINDS:
        raise ValidationError("kind", "INVALID", "Unknown announcement kind.")
    data = Announcement(
        sender_user_id=viewer.user_id, kind=kind, status="DRAFT",
        subject=translations("subject", subject, max_length=150),
        body=translations("body", body, max_length=8000, multiline=True),
        segment={key: _code(f"segment.{key}", getattr(segment, key)) for key in SEGMENT_KEYS})
    if data.segment["language"]:
        data.segment["language"] = str(data.segment["language"]).upper()
    async with runtime.transaction() as session:
        session.add(data)
        await session.flush()
        return data


def audience(segment: dict[str, str | None]) -> Select[Any]:
    query = select(OptIn).where(OptIn.subscribed.is_(True))
    for key in SEGMENT_KEYS:
        if segment.get(key):
            query = query.where(getattr(OptIn, key) == segment[key])
    return query.order_by(OptIn.user_id)


async def _queue(runtime: Runtime, session: AsyncSession, ann: Announcement, user_id: int,
                 language: str, test: bool) -> None:
    await record_event(session, runtime.plugins, "ruta_announcement_queued",
                       announcement_id=ann.id, user_id=user_id, language=language,
                       subject=in_language(ann.subject, language),
                       body=in_language(ann.body, language),
                       unsubscribe_url=unsubscribe_url(runtime, user_id), test=test)


async def _get(session: AsyncSession, announcement_id: int) -> Announcement:
    ann = await session.get(Announcement, announcement_id)
    if ann is None:
        raise NotFound("announcementId", "No such announcement.")
    return ann


async def test_send(runtime: Runtime, viewer: Viewer | None, announcement_id: int) -> int:
    async with runtime.transaction() as session:
        ann = await _get(session, announcement_id)
        viewer = _announcer(viewer, ann.segment.get("partner"))
        await _queue(runtime, session, ann, viewer.user_id, viewer.language, test=True)
    return 1


async def send(runtime: Runtime, viewer: Viewer | None, announcement_id: int) -> Announcement:
    async with runtime.transaction() as session:
        ann = await _get(session, announcement_id)
        _announcer(viewer, ann.segment.get("partner"))
        claimed = await session.execute(
            update(Announcement).where(Announcement.id == announcement_id,
                                       Announcement.status == "DRAFT")
            .values(status="SENT", sent_at=utcnow()))
        if not getattr(claimed, "rowcount", 0):
            raise ValidationError("announcementId", "ALREADY_SENT",
                                  "This announcement was already sent.")
        members = (await session.scalars(audience(ann.segment))).all()
        for member in members:
            session.add(Delivery(announcement_id=ann.id, user_id=member.user_id,
                                 language=member.language))
            await _queue(runtime, session, ann, member.user_id, member.language, test=False)
        await session.execute(update(Announcement).where(Announcement.id == ann.id)
                              .values(recipients=len(members)))
        await session.refresh(ann)
        return ann
