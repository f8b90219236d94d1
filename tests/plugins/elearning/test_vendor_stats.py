"""Course providers see per course: enrolments, starts, the completion funnel per module,
average quiz scores and learners at risk, on their ``Vendor`` (staff and operators only)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from plugins.elearning.models import Enrolment
from plugins.elearning.rescue import run_ladder
from tests.client import Client
from tests.plugins.elearning.test_enrolment import buy
from tests.plugins.elearning.test_progress import SUBMIT, complete, enrolled

STATS = """query($id: ID!) { vendor(id: $id) { courseStats { productId enrolments starts
  completions funnel { title learnersCompleted } quizScores { title averageScore attempts }
  atRisk { step } } } }"""


async def test_vendor_staff_see_their_course_figures(client: Client) -> None:
    a, first = await enrolled(client)
    second = await client.register("second@example.com")
    await buy(client, a, second, "second@example.com")
    await client.register("idle@example.com")
    assert (await complete(client, first, a.lessons["preview"]))["errors"] == []
    assert (await complete(client, first, a.lessons["content"]))["errors"] == []
    await client.gql(SUBMIT, {"l": a.lessons["quiz"], "a": [[1], [0]]}, first)  # 50
    await client.gql(SUBMIT, {"l": a.lessons["quiz"], "a": [[1], [0, 2]]}, first)  # 100
    async with client.runtime.db.read() as session:
        second_enrolment = (await session.scalars(select(Enrolment).order_by(Enrolment.id))
                            ).all()[1]
    await run_ladder(client.runtime, second_enrolment.enrolled_at + timedelta(days=3))

    data = await client.gql(STATS, {"id": a.vendor_id}, a.vendor_token)
    stats = data["vendor"]["courseStats"]
    assert stats == [{
        "productId": a.product_id, "enrolments": 2, "starts": 1, "completions": 0,
        "funnel": [{"title": "Basics", "learnersCompleted": 1},
                   {"title": "Practice", "learnersCompleted": 0}],
        "quizScores": [{"title": "Check yourself", "averageScore": 75.0, "attempts": 2}],
        "atRisk": [{"step": "NUDGE"}]}]
    assert (await client.gql(STATS, {"id": a.vendor_id}, a.operator))["vendor"]["courseStats"]
    for token in (first, None):
        assert (await client.gql(STATS, {"id": a.vendor_id}, token))["vendor"][
            "courseStats"] is None
