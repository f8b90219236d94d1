"""Mentorship requests, private notes and goals, feedback, and the progress consent hook."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from engine.plugins.api import decode_id, gather_hook
from plugins.mentoring import mentorships
from plugins.mentoring.access import Viewer
from plugins.mentoring.models import Booking
from tests.client import Client
from tests.plugins.mentoring.test_bookings import soon
from tests.plugins.mentoring.test_profiles import BOOK, SCHEDULE, make_expert, offering

REQUEST = """mutation($e: ID!, $s: Boolean!) { mentorshipRequest(expertId: $e, shareProgress: $s)
  { mentorship { id status shareProgress } errors { code } } }"""
RESPOND = """mutation($id: ID!, $a: Boolean!) { mentorshipRespond(id: $id, accept: $a) {
  mentorship { status } errors { code } } }"""
NOTE = """mutation($m: ID!, $b: String!) { mentorshipNoteAdd(mentorshipId: $m, body: $b) {
  note { body } errors { code } } }"""
NOTES = "query($m: ID!) { mentorshipNotes(mentorshipId: $m) { body } }"
GOAL = """mutation($m: ID!) { mentorshipGoalAdd(mentorshipId: $m, milestone: REGISTRATION,
  title: "Register the company") { goal { id milestone } errors { code } } }"""


async def pair(client: Client, capacity: int = 2) -> tuple[str, str, str, str]:
    """A mentor and a mentee with an accepted mentorship: (mentor, mentee, expert, id)."""
    mentor, expert = await make_expert(client, "mentor@example.com", capacity=capacity)
    mentee = await client.register("mentee@example.com")
    asked = await client.gql(REQUEST, {"e": expert, "s": False}, mentee)
    mentorship = asked["mentorshipRequest"]["mentorship"]
    assert mentorship["status"] == "PENDING"
    not_mine = await client.raw(RESPOND, {"id": mentorship["id"], "a": True}, mentee)
    assert not_mine["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    accepted = await client.gql(RESPOND, {"id": mentorship["id"], "a": True}, mentor)
    assert accepted["mentorshipRespond"]["mentorship"]["status"] == "ACCEPTED"
    return mentor, mentee, expert, mentorship["id"]


async def test_notes_are_seen_only_by_the_pair(client: Client) -> None:
    mentor, mentee, _, mentorship = await pair(client)
    for token, body in ((mentor, "Revisar el plan"), (mentee, "Enviado")):
        added = await client.gql(NOTE, {"m": mentorship, "b": body}, token)
        assert added["mentorshipNoteAdd"]["errors"] == []
    for token in (mentor, mentee):
        notes = (await client.gql(NOTES, {"m": mentorship}, token))["mentorshipNotes"]
        assert [n["body"] for n in notes] == ["Revisar el plan", "Enviado"]
    other_mentee = await client.register("other.mentee@example.com")
    other_expert, _ = await make_expert(client, "other.expert@example.com")
    vendor, _ = await client.vendor("shop@example.com", "Tienda")
    operator = await client.operator("boss@example.com")
    for outsider in (other_mentee, other_expert, vendor, operator):
        body = await client.raw(NOTES, {"m": mentorship}, outsider)
        assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
        body = await client.raw(NOTE, {"m": mentorship, "b": "hola"}, outsider)
        assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    anonymous = await client.raw(NOTES, {"m": mentorship})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_mentor_at_capacity_cannot_accept_and_declines_are_final(
        client: Client) -> None:
    mentor, _, expert, _ = await pair(client, capacity=1)
    second = await client.register("second@example.com")
    asked = (await client.gql(REQUEST, {"e": expert, "s": False}, second)
             )["mentorshipRequest"]["mentorship"]
    full = await client.gql(RESPOND, {"id": asked["id"], "a": True}, mentor)
    assert full["mentorshipRespond"]["errors"] == [{"code": "AT_CAPACITY"}]
    declined = await client.gql(RESPOND, {"id": asked["id"], "a": False}, mentor)
    assert declined["mentorshipRespond"]["mentorship"]["status"] == "DECLINED"
    again = await client.gql(RESPOND, {"id": asked["id"], "a": True}, mentor)
    assert again["mentorshipRespond"]["errors"] == [{"code": "NOT_PENDING"}]


async def test_goals_follow_the_founders_journey(client: Client) -> None:
    mentor, mentee, _, mentorship = await pair(client)
    goal = (await client.gql(GOAL, {"m": mentorship}, mentee))["mentorshipGoalAdd"]["goal"]
    assert goal["milestone"] == "REGISTRATION"
    done = await client.gql("""mutation($id: ID!) { mentorshipGoalAchieve(id: $id) {
      goal { achievedAt } errors { code } } }""", {"id": goal["id"]}, mentor)
    assert done["mentorshipGoalAchieve"]["goal"]["achievedAt"] is not None
    stranger = await client.register("stranger@example.com")
    hidden = await client.raw("query($m: ID!) { mentorshipGoals(mentorshipId: $m) { title } }",
                              {"m": mentorship}, stranger)
    assert hidden["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


async def test_progress_is_shared_only_with_consent(client: Client) -> None:
    mentor, mentee, _, mentorship = await pair(client)
    me = (await client.gql("{ me { id } }", token=mentee))["me"]["id"]
    mentor_me = (await client.gql("{ me { id } }", token=mentor))["me"]["id"]
    learner, mentor_pk = decode_id(me, "User"), decode_id(mentor_me, "User")
    hook = client.runtime.plugins.hook.ruta_progress_shared_with
    assert await gather_hook(hook, runtime=client.runtime, learner_id=learner) == []
    consent = """mutation($id: ID!, $s: Boolean!) { mentorshipConsentSet(id: $id,
      shareProgress: $s) { mentorship { shareProgress } errors { code } } }"""
    by_mentor = await client.raw(consent, {"id": mentorship, "s": True}, mentor)
    assert by_mentor["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    await client.gql(consent, {"id": mentorship, "s": True}, mentee)
    assert await gather_hook(hook, runtime=client.runtime, learner_id=learner) == [[mentor_pk]]
    await client.gql(consent, {"id": mentorship, "s": False}, mentee)
    assert await gather_hook(hook, runtime=client.runtime, learner_id=learner) == []


async def test_feedback_after_the_session_feeds_the_rating(client: Client) -> None:
    token, expert = await make_expert(client, "rated@example.com")
    group = await offering(client, token, expert, isGroup=True, seats=5)
    start = soon(48)
    await client.gql(SCHEDULE, {"o": group, "s": start}, token)
    attendee = await client.register("att@example.com")
    booking = (await client.gql(BOOK, {"o": group, "s": start}, attendee)
               )["sessionBook"]["booking"]
    early = await client.gql("""mutation($b: ID!) { sessionFeedback(bookingId: $b, rating: 5)
      { rating errors { code } } }""", {"b": booking["id"]}, attendee)
    assert early["sessionFeedback"]["errors"] == [{"code": "NOT_ATTENDED"}]
    async with client.runtime.db.read() as session:
        row = (await session.execute(Booking.__table__.select())).first()
    assert row is not None
    later = datetime.now(UTC) + timedelta(days=3)
    viewer = Viewer(user_id=row.user_id)
    await mentorships.rate(client.runtime, viewer, row.id, 4, "útil", later)
    shown = await client.gql("query($e: ID!) { expert(id: $e) { rating ratingCount } }",
                             {"e": expert})
    assert shown["expert"] == {"rating": 4.0, "ratingCount": 1}
