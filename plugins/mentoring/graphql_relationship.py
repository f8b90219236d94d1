"""GraphQL: mentorship requests, private notes, goals, feedback and consent."""

from __future__ import annotations

import strawberry

from engine.plugins.api import Info, attempt, decode_id, utcnow
from plugins.mentoring import mentorships
from plugins.mentoring.booking_types import (
    MentorshipGoal,
    MentorshipNote,
    MentorshipType,
    MilestoneEnum,  # noqa: F401  (registers it)
)
from plugins.mentoring.enums import Milestone
from plugins.mentoring.errors import MentoringError, errors_of, viewer_of


@strawberry.type
class MentorshipPayload:
    mentorship: MentorshipType | None = None
    errors: list[MentoringError] = strawberry.field(default_factory=list)


@strawberry.type
class MentorshipNotePayload:
    note: MentorshipNote | None = None
    errors: list[MentoringError] = strawberry.field(default_factory=list)


@strawberry.type
class MentorshipGoalPayload:
    goal: MentorshipGoal | None = None
    errors: list[MentoringError] = strawberry.field(default_factory=list)


@strawberry.type
class SessionFeedbackPayload:
    rating: int | None = None
    errors: list[MentoringError] = strawberry.field(default_factory=list)


def _mid(value: strawberry.ID) -> int:
    return decode_id(value, "Mentorship", field="mentorshipId")


@strawberry.type
class RelationshipQuery:
    @strawberry.field(description="Your mentorships, as mentee and as mentor.")
    async def my_mentorships(self, info: Info) -> list[MentorshipType]:
        found = await mentorships.mine(info.context.runtime, await viewer_of(info))
        return [MentorshipType.of(m) for m in found]

    @strawberry.field(description="Private notes of a mentorship (only the pair).")
    async def mentorship_notes(self, info: Info, mentorship_id: strawberry.ID
                               ) -> list[MentorshipNote]:
        found = await mentorships.notes(info.context.runtime, await viewer_of(info),
                                        _mid(mentorship_id))
        return [MentorshipNote.of(n) for n in found]

    @strawberry.field(description="Goals and milestones of a mentorship (only the pair).")
    async def mentorship_goals(self, info: Info, mentorship_id: strawberry.ID
                               ) -> list[MentorshipGoal]:
        found = await mentorships.goals(info.context.runtime, await viewer_of(info),
                                        _mid(mentorship_id))
        return [MentorshipGoal.of(g) for g in found]


@strawberry.type
class RelationshipMutation:
    @strawberry.mutation(description="Ask an expert to mentor you.")
    async def mentorship_request(self, info: Info, expert_id: strawberry.ID,
                                 message: str = "", share_progress: bool = False
                                 ) -> MentorshipPayload:
        viewer = await viewer_of(info)
        found, exc = await attempt(lambda: mentorships.request(
            info.context.runtime, viewer, decode_id(expert_id, "Expert", field="expertId"),
            message, share_progress))
        return MentorshipPayload(mentorship=MentorshipType.of(found) if found else None,
                                 errors=errors_of(exc))

    @strawberry.mutation(description="The mentor accepts or declines a request.")
    async def mentorship_respond(self, info: Info, id: strawberry.ID, accept: bool
                                 ) -> MentorshipPayload:
        viewer = await viewer_of(info)
        found, exc = await attempt(lambda: mentorships.respond(
            info.context.runtime, viewer, decode_id(id, "Mentorship"), accept))
        return MentorshipPayload(mentorship=MentorshipType.of(found) if found else None,
                                 errors=errors_of(exc))

    @strawberry.mutation(description="The mentee lets the mentor see their course progress, "
                                     "or withdraws that consent.")
    async def mentorship_consent_set(self, info: Info, id: strawberry.ID, share_progress: bool
                                     ) -> MentorshipPayload:
        viewer = await viewer_of(info)
        found, exc = await attempt(lambda: mentorships.set_consent(
            info.context.runtime, viewer, decode_id(id, "Mentorship"), share_progress))
        return MentorshipPayload(mentorship=MentorshipType.of(found) if found else None,
                                 errors=errors_of(exc))

    @strawberry.mutation(description="Add a private session note (mentor or mentee).")
    async def mentorship_note_add(self, info: Info, mentorship_id: strawberry.ID, body: str
                                  ) -> MentorshipNotePayload:
        viewer = await viewer_of(info)
        note, exc = await attempt(lambda: mentorships.add_note(
            info.context.runtime, viewer, _mid(mentorship_id), body))
        return MentorshipNotePayload(note=MentorshipNote.of(note) if note else None,
                                     errors=errors_of(exc))

    @strawberry.mutation(description="Add a goal on the founder's journey.")
    async def mentorship_goal_add(self, info: Info, mentorship_id: strawberry.ID,
                                  milestone: Milestone, title: str
                                  ) -> MentorshipGoalPayload:
        viewer = await viewer_of(info)
        goal, exc = await attempt(lambda: mentorships.add_goal(
            info.context.runtime, viewer, _mid(mentorship_id), milestone.value, title))
        return MentorshipGoalPayload(goal=MentorshipGoal.of(goal) if goal else None,
                                     errors=errors_of(exc))

    @strawberry.mutation(description="Mark a goal achieved.")
    async def mentorship_goal_achieve(self, info: Info, id: strawberry.ID
                                      ) -> MentorshipGoalPayload:
        viewer = await viewer_of(info)
        goal, exc = await attempt(lambda: mentorships.achieve_goal(
            info.context.runtime, viewer, decode_id(id, "MentorshipGoal"), utcnow()))
        return MentorshipGoalPayload(goal=MentorshipGoal.of(goal) if goal else None,
                                     errors=errors_of(exc))

    @strawberry.mutation(description="Rate a session you attended (1-5), once.")
    async def session_feedback(self, info: Info, booking_id: strawberry.ID, rating: int,
                               comment: str = "") -> SessionFeedbackPayload:
        viewer = await viewer_of(info)
        found, exc = await attempt(lambda: mentorships.rate(
            info.context.runtime, viewer,
            decode_id(booking_id, "MentoringBooking", field="bookingId"), rating, comment,
            utcnow()))
        return SessionFeedbackPayload(rating=found.rating if found else None,
                                      errors=errors_of(exc))
