"""Mentorship requests, private notes, goals, feedback and the progress-sharing consent."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import NotFound, PermissionDenied, Runtime, ValidationError, clean_text
from plugins.mentoring.access import Viewer, get_expert, manages, signed_in
from plugins.mentoring.enums import BookingStatus, MentorshipStatus, Milestone
from plugins.mentoring.models import Booking, Expert, Session
from plugins.mentoring.relationship_models import Feedback, Goal, Mentorship, SessionNote


async def request(runtime: Runtime, viewer: Viewer | None, expert_id: int, message: str,
                  share_progress: bool) -> Mentorship:
    viewer = signed_in(viewer)
    message = clean_text(message, field="message", max_length=2000, required=False,
                         multiline=True) or ""
    async with runtime.transaction() as session:
        expert = await get_expert(session, expert_id)
        if expert.user_id == viewer.user_id:
            raise ValidationError("expertId", "INVALID", "You cannot mentor yourself.")
        existing = await session.scalar(select(Mentorship).where(
            Mentorship.expert_id == expert_id, Mentorship.mentee_id == viewer.user_id))
        if existing is not None and existing.status in (MentorshipStatus.PENDING,
                                                        MentorshipStatus.ACCEPTED):
            raise ValidationError("expertId", "DUPLICATED", "You already asked this expert.")
        if existing is None:
            existing = Mentorship(expert_id=expert_id, mentee_id=viewer.user_id)
            session.add(existing)
        existing.status, existing.message = MentorshipStatus.PENDING, message
        existing.share_progress = share_progress
        await session.flush()
    return existing


async def _pair(session: AsyncSession, viewer: Viewer | None, mentorship_id: int
                ) -> tuple[Viewer, Mentorship, Expert]:
    """The mentorship, if the viewer is one of its pair (operators are not: notes are
    private to the mentor and the mentee)."""
    viewer = signed_in(viewer)
    found = await session.get(Mentorship, mentorship_id)
    if found is None:
        raise NotFound("mentorshipId", "No such mentorship.")
    expert = await get_expert(session, found.expert_id)
    if viewer.user_id not in (found.mentee_id, expert.user_id):
        raise PermissionDenied("Only the mentor and the mentee see this mentorship.")
    return viewer, found, expert


async def respond(runtime: Runtime, viewer: Viewer | None, mentorship_id: int,
                  accept: bool) -> Mentorship:
    async with runtime.transaction() as session:
        viewer, found, expert = await _pair(session, viewer, mentorship_id)
        if viewer.user_id != expert.user_id:
            raise PermissionDenied("Only the mentor accepts or declines.")
        if found.status != MentorshipStatus.PENDING:
            raise ValidationError("id", "NOT_PENDING", "This request was answered.")
        if accept:
            taken = await session.execute(update(Expert).where(
                Expert.id == expert.id, Expert.active_mentees < Expert.capacity)
                .values(active_mentees=Expert.active_mentees + 1))
            if taken.rowcount != 1:  # type: ignore[attr-defined]
                raise ValidationError("id", "AT_CAPACITY", "You have no mentee places left.")
        found.status = MentorshipStatus.ACCEPTED if accept else MentorshipStatus.DECLINED
    return found


async def set_consent(runtime: Runtime, viewer: Viewer | None, mentorship_id: int,
                      share: bool) -> Mentorship:
    async with runtime.transaction() as session:
        viewer, found, _ = await _pair(session, viewer, mentorship_id)
        if viewer.user_id != found.mentee_id:
            raise PermissionDenied("Only the mentee decides what to share.")
        found.share_progress = share
    return found


async def add_note(runtime: Runtime, viewer: Viewer | None, mentorship_id: int,
                   body: str) -> SessionNote:
    body = clean_text(body, field="body", max_length=10000, multiline=True) or ""
    async with runtime.transaction() as session:
        viewer, found, _ = await _pair(session, viewer, mentorship_id)
        if found.status != MentorshipStatus.ACCEPTED:
            raise ValidationError("mentorshipId", "NOT_ACCEPTED", "The mentorship is not active.")
        note = SessionNote(mentorship_id=found.id, author_id=viewer.user_id, body=body.strip())
        session.add(note)
        await session.flush()
    return note


async def notes(runtime: Runtime, viewer: Viewer | None, mentorship_id: int
                ) -> list[SessionNote]:
    async with runtime.db.read() as session:
        await _pair(session, viewer, mentorship_id)
        return list(await session.scalars(select(SessionNote).where(
            SessionNote.mentorship_id == mentorship_id).order_by(SessionNote.id)))


async def add_goal(runtime: Runtime, viewer: Viewer | None, mentorship_id: int,
                   milestone: str, title: str) -> Goal:
    if milestone not in Milestone.__members__:
        raise ValidationError("milestone", "INVALID", "Unknown milestone.")
    title = clean_text(title, field="title", max_length=200, min_length=2) or ""
    async with runtime.transaction() as session:
        _, found, _ = await _pair(session, viewer, mentorship_id)
        goal = Goal(mentorship_id=found.id, milestone=milestone, title=title.strip())
        session.add(goal)
        await session.flush()
    return goal


async def achieve_goal(runtime: Runtime, viewer: Viewer | None, goal_id: int,
                       now: datetime) -> Goal:
    async with runtime.transaction() as session:
        goal = await session.get(Goal, goal_id)
        if goal is None:
            raise NotFound("id", "No such goal.")
        await _pair(session, viewer, goal.mentorship_id)
        goal.achieved_at = goal.achieved_at or now
    return goal


async def goals(runtime: Runtime, viewer: Viewer | None, mentorship_id: int) -> list[Goal]:
    async with runtime.db.read() as session:
        await _pair(session, viewer, mentorship_id)
        return list(await session.scalars(select(Goal).where(
            Goal.mentorship_id == mentorship_id).order_by(Goal.id)))


async def rate(runtime: Runtime, viewer: Viewer | None, booking_id: int, rating: int,
               comment: str, now: datetime) -> Feedback:
    viewer = signed_in(viewer)
    if not 1 <= rating <= 5:
        raise ValidationError("rating", "INVALID", "A rating from 1 to 5.")
    comment = clean_text(comment, field="comment", max_length=2000, required=False,
                         multiline=True) or ""
    async with runtime.transaction() as session:
        booking = await session.get(Booking, booking_id)
        if booking is None or booking.user_id != viewer.user_id:
            raise NotFound("bookingId", "No such booking.")
        row = await session.get(Session, booking.session_id)
        assert row is not None
        if booking.status != BookingStatus.CONFIRMED or row.ends_at > now:
            raise ValidationError("bookingId", "NOT_ATTENDED", "Rate a session after it ends.")
        if await session.scalar(select(Feedback.id).where(Feedback.booking_id == booking_id)):
            raise ValidationError("bookingId", "DUPLICATED", "You rated this session.")
        feedback = Feedback(booking_id=booking_id, rating=rating, comment=comment)
        session.add(feedback)
        await session.execute(update(Expert).where(Expert.id == row.expert_id).values(
            rating_sum=Expert.rating_sum + rating, rating_count=Expert.rating_count + 1))
        await session.flush()
    return feedback


async def mine(runtime: Runtime, viewer: Viewer | None) -> list[Mentorship]:
    """The viewer's mentorships, as mentee and as mentor."""
    viewer = signed_in(viewer)
    async with runtime.db.read() as session:
        own = await session.scalar(select(Expert.id).where(Expert.user_id == viewer.user_id))
        query = select(Mentorship).where(
            (Mentorship.mentee_id == viewer.user_id) | (Mentorship.expert_id == own))
        return list(await session.scalars(query.order_by(Mentorship.id)))


async def progress_shared_with(runtime: Runtime, learner_id: int) -> list[int]:
    """Mentor user ids the learner consented to share course progress with (accepted
    mentorships only)."""
    async with runtime.db.read() as session:
        rows = await session.scalars(
            select(Expert.user_id).join(Mentorship, Mentorship.expert_id == Expert.id).where(
                Mentorship.mentee_id == learner_id, Mentorship.share_progress.is_(True),
                Mentorship.status == MentorshipStatus.ACCEPTED).order_by(Expert.user_id))
        return list(rows)


def can_see_pair(viewer: Viewer, mentorship: Mentorship, expert: Expert) -> bool:
    return viewer.user_id in (mentorship.mentee_id, expert.user_id) or manages(viewer, expert)
