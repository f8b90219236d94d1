"""GraphQL: opting in to programme announcements, unsubscribing, writing, test-sending and
sending announcements to a segment (operators)."""

from __future__ import annotations

import strawberry
from sqlalchemy import select

from engine.plugins.api import Info, attempt, decode_id
from plugins.jobs import announcements
from plugins.jobs.announcement_models import Announcement, OptIn
from plugins.jobs.errors import JobsError, errors_of, viewer_of
from plugins.jobs.inputs import SegmentInput, TranslatedTextInput, texts
from plugins.jobs.types import AnnouncementType, OptInType


@strawberry.type
class AnnouncementPayload:
    announcement: AnnouncementType | None = None
    errors: list[JobsError] = strawberry.field(default_factory=list)


@strawberry.type
class OptInPayload:
    opt_in: OptInType | None = None
    errors: list[JobsError] = strawberry.field(default_factory=list)


@strawberry.type
class DonePayload:
    ok: bool = False
    errors: list[JobsError] = strawberry.field(default_factory=list)


def _ann(ann: Announcement | None, exc: Exception | None) -> AnnouncementPayload:
    return AnnouncementPayload(announcement=AnnouncementType.of(ann) if ann else None,
                               errors=errors_of(exc))  # type: ignore[arg-type]


@strawberry.type
class AnnouncementQuery:
    @strawberry.field(description="Your announcement subscription, if any.")
    async def my_announcement_opt_in(self, info: Info) -> OptInType | None:
        viewer = await viewer_of(info)
        if viewer is None:
            return None
        async with info.context.runtime.db.read() as session:
            row = await session.scalar(select(OptIn).where(OptIn.user_id == viewer.user_id))
        return OptInType.of(row) if row else None


@strawberry.type
class AnnouncementMutation:
    @strawberry.mutation(description="Receive programme announcements (in ``language``) and "
                                     "declare the region, partner and stage segments use.")
    async def announcement_opt_in(self, info: Info, facts: SegmentInput) -> OptInPayload:
        viewer = await viewer_of(info)
        row, exc = await attempt(lambda: announcements.opt_in(info.context.runtime, viewer,
                                                              facts.data()))
        return OptInPayload(opt_in=OptInType.of(row) if row else None, errors=errors_of(exc))

    @strawberry.mutation(description="Stop receiving announcements (signed in).")
    async def announcement_opt_out(self, info: Info) -> DonePayload:
        viewer = await viewer_of(info)
        done, exc = await attempt(lambda: announcements.opt_out(info.context.runtime, viewer))
        return DonePayload(ok=bool(done), errors=errors_of(exc))

    @strawberry.mutation(description="One-click unsubscribe with the token of the link in an "
                                     "announcement (no sign-in).")
    async def announcement_unsubscribe(self, info: Info, token: str) -> DonePayload:
        done, exc = await attempt(lambda: announcements.unsubscribe(info.context.runtime,
                                                                    token))
        return DonePayload(ok=bool(done), errors=errors_of(exc))

    @strawberry.mutation(description="Write an announcement for a segment (operators; "
                                     "partner staff: their partner's members).")
    async def announcement_create(self, info: Info, kind: str, subject: TranslatedTextInput,
                                  body: TranslatedTextInput, segment: SegmentInput
                                  ) -> AnnouncementPayload:
        viewer = await viewer_of(info)
        ann, exc = await attempt(lambda: announcements.create(
            info.context.runtime, viewer, kind, texts(subject), texts(body), segment.data()))
        return _ann(ann, exc)

    @strawberry.mutation(description="Send the announcement to yourself only.")
    async def announcement_test_send(self, info: Info, id: strawberry.ID) -> DonePayload:
        viewer = await viewer_of(info)
        done, exc = await attempt(lambda: announcements.test_send(
            info.context.runtime, viewer, decode_id(id, "Announcement")))
        return DonePayload(ok=bool(done), errors=errors_of(exc))

    @strawberry.mutation(description="Send to every opted-in member of the segment, once.")
    async def announcement_send(self, info: Info, id: strawberry.ID) -> AnnouncementPayload:
        viewer = await viewer_of(info)
        ann, exc = await attempt(lambda: announcements.send(
            info.context.runtime, viewer, decode_id(id, "Announcement")))
        return _ann(ann, exc)
