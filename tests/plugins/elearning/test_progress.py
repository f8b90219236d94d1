"""Progress: completing lessons, drip and prerequisite locks, server-side quiz grading with
a pass score and an attempt limit, percentage and resume point, and completion (which
records ``ruta_course_completed`` with the course's topics)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from engine.plugins.api import hookimpl
from plugins.elearning.models import Enrolment
from tests.client import Client
from tests.plugins.elearning.test_courses import SAVE, Academy, academy, ok
from tests.plugins.elearning.test_enrolment import buy, drain

COMPLETE = """mutation($l: ID!) { lessonComplete(lessonId: $l) { enrolment { status
  progress { percentage completedLessons totalLessons resumeLessonId }
  certificate { credentialId } } errors { field code message } } }"""
SUBMIT = """mutation($l: ID!, $a: [[Int!]!]!) { quizSubmit(lessonId: $l, answers: $a) {
  result { score passed attemptsUsed attemptsLeft } enrolment { progress { percentage } }
  errors { field code message } } }"""
MINE = """{ myEnrolments { status progress { percentage resumeLessonId }
  certificate { credentialId credential } } }"""


class Completions:
    def __init__(self) -> None:
        self.seen: list[tuple[int, int, list[str]]] = []

    @hookimpl
    def ruta_course_completed(self, user_id: int, product_id: int, topics: list[str]) -> None:
        self.seen.append((user_id, product_id, topics))


async def complete(client: Client, token: str, lesson: str) -> dict[str, Any]:
    data: dict[str, Any] = (await client.gql(COMPLETE, {"l": lesson}, token))["lessonComplete"]
    return data


async def age_enrolment(client: Client, days: int) -> None:
    """Move every enrolment ``days`` into the past (as if enrolled that long ago)."""
    async with client.runtime.db.write() as session:
        for enrolment in await session.scalars(select(Enrolment)):
            enrolment.enrolled_at -= timedelta(days=days)


async def enrolled(client: Client, **facts: Any) -> tuple[Academy, str]:
    a = await academy(client, **facts)
    token = await client.register("learner@example.com")
    await buy(client, a, token, "learner@example.com")
    return a, token


async def test_lessons_complete_in_order_with_progress_and_resume_point(client: Client
                                                                        ) -> None:
    a, token = await enrolled(client)
    outsider = await client.register("outsider@example.com")
    refused = await complete(client, outsider, a.lessons["preview"])
    assert refused["errors"][0]["code"] == "NOT_ENROLLED"
    done = await complete(client, token, a.lessons["preview"])
    assert done["enrolment"]["progress"] == {"percentage": 25, "completedLessons": 1,
                                             "totalLessons": 4,
                                             "resumeLessonId": a.lessons["content"]}
    again = await complete(client, token, a.lessons["preview"])  # idempotent
    assert again["enrolment"]["progress"]["completedLessons"] == 1
    # a quiz lesson is completed by passing its quiz
    refused = await complete(client, token, a.lessons["quiz"])
    assert refused["errors"][0]["code"] == "QUIZ_NOT_PASSED"
    # drip: the last lesson opens 7 days after enrolment
    refused = await complete(client, token, a.lessons["later"])
    assert refused["errors"][0]["code"] == "LESSON_LOCKED"
    await age_enrolment(client, 7)
    assert (await complete(client, token, a.lessons["later"]))["errors"] == []
    mine = (await client.gql(MINE, None, token))["myEnrolments"][0]
    assert mine["progress"] == {"percentage": 50, "resumeLessonId": a.lessons["content"]}


async def test_quizzes_are_graded_on_the_server_with_an_attempt_limit(client: Client) -> None:
    a, token = await enrolled(client)
    first = (await client.gql(SUBMIT, {"l": a.lessons["quiz"], "a": [[1], [0]]}, token)
             )["quizSubmit"]
    assert first["result"] == {"score": 50, "passed": False, "attemptsUsed": 1,
                               "attemptsLeft": 1}
    bad = (await client.gql(SUBMIT, {"l": a.lessons["quiz"], "a": [[1]]}, token))["quizSubmit"]
    assert bad["errors"][0]["field"] == "answers"
    second = (await client.gql(SUBMIT, {"l": a.lessons["quiz"], "a": [[1], [2, 0]]}, token)
              )["quizSubmit"]
    assert second["result"] == {"score": 100, "passed": True, "attemptsUsed": 2,
                                "attemptsLeft": 0}
    assert second["enrolment"]["progress"]["percentage"] == 25
    third = (await client.gql(SUBMIT, {"l": a.lessons["quiz"], "a": [[1], [0, 2]]}, token)
             )["quizSubmit"]
    assert third["errors"][0]["code"] == "NO_ATTEMPTS_LEFT"
    none = (await client.gql(SUBMIT, {"l": a.lessons["content"], "a": []}, token))["quizSubmit"]
    assert none["errors"][0]["code"] == "NO_QUIZ"


async def test_a_lesson_can_require_another_first(client: Client) -> None:
    a, token = await enrolled(client)
    update_lesson = """mutation($id: ID!, $i: LessonInput!) { lessonUpdate(id: $id, input: $i)
      { lesson { prerequisiteLessonId } errors { field code } } }"""
    data = await client.gql(update_lesson, {"id": a.lessons["content"], "i": {
        "prerequisiteLessonId": a.lessons["preview"]}}, a.vendor_token)
    assert data["lessonUpdate"]["lesson"]["prerequisiteLessonId"] == a.lessons["preview"]
    refused = await complete(client, token, a.lessons["content"])
    assert refused["errors"][0]["code"] == "LESSON_LOCKED"
    await complete(client, token, a.lessons["preview"])
    assert (await complete(client, token, a.lessons["content"]))["errors"] == []


async def test_completing_every_lesson_completes_the_course_once(plugged: Any) -> None:
    listener = Completions()
    async with plugged(listener) as client:
        a, token = await enrolled(client, topics=["marketing", "sales"])
        await age_enrolment(client, 7)
        for key in ("preview", "content", "later"):
            assert (await complete(client, token, a.lessons[key]))["errors"] == []
        passed = (await client.gql(SUBMIT, {"l": a.lessons["quiz"], "a": [[1], [0, 2]]},
                                   token))["quizSubmit"]
        assert passed["enrolment"]["progress"]["percentage"] == 100
        mine = (await client.gql(MINE, None, token))["myEnrolments"][0]
        assert mine["status"] == "COMPLETED" and mine["certificate"]["credential"]
        await complete(client, token, a.lessons["preview"])  # nothing completes twice
        await drain(client)
        assert [(topics) for _, _, topics in listener.seen] == [["marketing", "sales"]]


async def test_the_all_lessons_rule_does_not_require_passing_quizzes(client: Client) -> None:
    a, token = await enrolled(client)
    await ok(client, SAVE, {"p": a.product_id, "i": {"completionRule": "ALL_LESSONS"}},
             a.vendor_token, "courseSave")
    await age_enrolment(client, 7)
    for key in ("preview", "content", "quiz", "later"):
        assert (await complete(client, token, a.lessons[key]))["errors"] == []
    mine = (await client.gql(MINE, None, token))["myEnrolments"][0]
    assert mine["status"] == "COMPLETED"
