"""Expert profiles and the tag taxonomy: validation and writes (no GraphQL)."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select

from engine.plugins.api import Collector, PermissionDenied, Runtime, ValidationError, clean_text
from plugins.mentoring.access import (
    Viewer,
    expert_of_user,
    managed_expert,
    require_operator,
    signed_in,
)
from plugins.mentoring.enums import LANGUAGES, LEGAL_SYSTEMS, ExpertKind
from plugins.mentoring.models import Expert, Tag

MAX_CAPACITY = 500
#: Longest bio or background, per language.
MAX_TEXT = 5000
MAX_TAGS, MAX_TAG_CODE = 30, 48


@dataclass
class ProfileData:
    """Fields of a create or a partial update (None = keep)."""

    kind: str | None = None
    display_name: str | None = None
    bio: dict[str, str] | None = None
    background: dict[str, str] | None = None
    tags: list[str] | None = None
    languages: list[str] | None = None
    legal_systems: list[str] | None = None
    time_zone: str | None = None
    capacity: int | None = None
    vendor_id: int | None = None


def valid_zone(name: str) -> bool:
    if len(name) > 64 or not name.isprintable():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return "/" in name or name == "UTC"


async def _check(runtime: Runtime, data: ProfileData, creating: bool) -> None:
    errors = Collector()
    if creating:
        for name in ("kind", "display_name", "time_zone"):
            if getattr(data, name) is None:
                errors.add(name, "REQUIRED", f"{name} is required.")
    if data.kind is not None and data.kind not in ExpertKind.__members__:
        errors.add("kind", "INVALID", "Unknown expert kind.")
    if data.display_name is not None:
        data.display_name = clean_text(data.display_name, field="displayName", max_length=120,
                                       min_length=2, errors=errors)
    for name in ("bio", "background"):
        texts = getattr(data, name)
        if texts and set(texts) - set(LANGUAGES):
            errors.add(name, "INVALID", "Translations are in ES, PT or EN.")
        elif texts:
            setattr(data, name, {code: clean_text(
                text, field=f"{name}.{code.lower()}", max_length=MAX_TEXT, multiline=True,
                errors=errors) or "" for code, text in texts.items()})
    if data.languages is not None and (not data.languages or set(data.languages) - set(LANGUAGES)):
        errors.add("languages", "INVALID", "Languages spoken: one or more of ES, PT, EN.")
    if data.legal_systems is not None and set(data.legal_systems) - set(LEGAL_SYSTEMS):
        errors.add("legalSystems", "INVALID", "Legal systems covered: ES and/or PT.")
    if data.tags is not None and (len(data.tags) > MAX_TAGS or
                                  any(len(t) > MAX_TAG_CODE for t in data.tags)):
        errors.add("tags", "INVALID", f"At most {MAX_TAGS} tag codes.")
        data.tags = []
    if data.time_zone is not None and not valid_zone(data.time_zone):
        errors.add("timeZone", "INVALID_TIME_ZONE", "An IANA time zone, e.g. Europe/Madrid.")
    if data.capacity is not None and not 0 <= data.capacity <= MAX_CAPACITY:
        errors.add("capacity", "INVALID", f"Capacity between 0 and {MAX_CAPACITY}.")
    if data.tags:
        async with runtime.db.read() as session:
            known = set(await session.scalars(select(Tag.code).where(Tag.code.in_(data.tags))))
        unknown = sorted(set(data.tags) - known)
        if unknown:
            errors.add("tags", "UNKNOWN_TAG", f"Not in the taxonomy: {', '.join(unknown)}.")
    errors.raise_if_any()


def _apply(expert: Expert, data: ProfileData) -> None:
    if data.kind is not None and data.kind != expert.kind:
        # An operator verifies an expert for one kind (a FUNDING advisor sees founders'
        # projects): a new kind needs a new verification.
        expert.verified = False
    for name in ("kind", "bio", "background", "languages", "legal_systems", "time_zone",
                 "capacity"):
        value = getattr(data, name)
        if value is not None:
            setattr(expert, name, value)
    if data.display_name is not None:
        expert.display_name = data.display_name.strip()
    if data.tags is not None:
        expert.tags = sorted(set(data.tags))
    if expert.capacity < expert.active_mentees:
        raise ValidationError("capacity", "INVALID",
                              "Capacity cannot go below the active mentees.")


async def create_expert(runtime: Runtime, viewer: Viewer | None, data: ProfileData,
                        user_id: int | None = None) -> Expert:
    """The signed-in user becomes an expert (operators may create one for ``user_id``)."""
    viewer = signed_in(viewer)
    owner = viewer.user_id
    if user_id is not None and user_id != viewer.user_id:
        require_operator(viewer)
        owner = user_id
    own_firm = viewer.is_operator or viewer.vendor_id == data.vendor_id
    if data.vendor_id is not None and not own_firm:
        raise PermissionDenied("You can only attach experts to your own firm.")
    await _check(runtime, data, creating=True)
    async with runtime.transaction() as session:
        if await expert_of_user(session, owner) is not None:
            raise ValidationError("userId", "UNIQUE", "This user already has an expert profile.")
        expert = Expert(user_id=owner, vendor_id=data.vendor_id, display_name="", bio={},
                        background={}, tags=[], languages=["ES"], legal_systems=[],
                        capacity=0, active_mentees=0, weekly_plan=[], exceptions=[],
                        buffer_minutes=0, min_notice_minutes=0, verified=False,
                        rating_sum=0, rating_count=0)
        _apply(expert, data)
        session.add(expert)
        await session.flush()
    return expert


async def update_expert(runtime: Runtime, viewer: Viewer | None, expert_id: int,
                        data: ProfileData) -> Expert:
    await _check(runtime, data, creating=False)
    async with runtime.transaction() as session:
        expert = await managed_expert(session, viewer, expert_id, "id")
        _apply(expert, data)
    return expert


async def verify_expert(runtime: Runtime, viewer: Viewer | None, expert_id: int,
                        verified: bool) -> Expert:
    require_operator(viewer)
    async with runtime.transaction() as session:
        expert = await managed_expert(session, viewer, expert_id, "id")
        expert.verified = verified
    return expert


async def create_tag(runtime: Runtime, viewer: Viewer | None, code: str,
                     labels: dict[str, str]) -> Tag:
    require_operator(viewer)
    code = code.strip().lower()
    if not code or len(code) > MAX_TAG_CODE or not code.replace("-", "").replace("_", "").isalnum():
        raise ValidationError("code", "INVALID", "A tag code: letters, digits, - or _.")
    if set(labels) - set(LANGUAGES):
        raise ValidationError("labels", "INVALID", "Labels are in ES, PT or EN.")
    errors = Collector()
    labels = {lang: clean_text(text, field=f"label.{lang.lower()}", max_length=80,
                               errors=errors) or "" for lang, text in labels.items()}
    errors.raise_if_any()
    async with runtime.transaction() as session:
        if await session.scalar(select(Tag.id).where(Tag.code == code)) is not None:
            raise ValidationError("code", "UNIQUE", "This tag exists.")
        tag = Tag(code=code, labels=labels)
        session.add(tag)
        await session.flush()
    return tag
