"""No N+1 in the plugins' listings: 5 and 50 items cost the same statements (the
course listing with each course's curriculum, the expert directory)."""

from __future__ import annotations

from sqlalchemy import select

from engine.accounts.models import User
from engine.catalog.models import Product
from engine.vendors.models import Vendor
from plugins.elearning.models import Course, CourseModule, Lesson, Translation
from plugins.mentoring.models import Expert
from tests.client import Client
from tests.wire import measuring

COURSES = """query($n: Int!) { courses(first: $n, languageCode: PT) { edges { node { name
  vendor { name } course { level viewerIsEnrolled modules { title lessons { title locked } }
  } } } } }"""
EXPERTS = """query($n: Int!) { experts(first: $n) { displayName tags languages
  weeklyPlan { weekday } } }"""


async def _courses(client: Client, n: int) -> None:
    await client.vendor("courses@example.com", "Academia")
    async with client.runtime.db.write() as session:
        vendor_id = await session.scalar(select(Vendor.id).where(Vendor.slug == "academia"))
        assert vendor_id is not None
        for i in range(n):
            product = Product(vendor_id=vendor_id, name=f"Course {i}", slug=f"course-{i}",
                              kind="COURSE", is_published=True, language_code="ES",
                              description="")
            session.add(product)
            await session.flush()
            course = Course(product_id=product.id, vendor_id=vendor_id,
                            delivery_mode="SELF_PACED_RECORDED", level="BEGINNER", languages=["ES"])
            session.add(course)
            await session.flush()
            for m in range(2):
                module = CourseModule(course_id=course.id, position=m, title=f"M{m}")
                session.add(module)
                await session.flush()
                session.add(Translation(owner="MODULE", owner_id=module.id, language_code="PT",
                                        title=f"Módulo {m}"))
                session.add_all(Lesson(module_id=module.id, course_id=course.id, position=x,
                                       title=f"L{x}", is_preview=x == 0) for x in range(2))


async def _statements(client: Client, query: str, n: int, key: str) -> int:
    async with measuring(client.runtime) as cost:
        data = await client.gql(query, {"n": n})
    items = data[key]["edges"] if key == "courses" else data[key]
    assert len(items) == n, data
    return len(cost.statements)


async def test_the_course_listing_costs_the_same_for_5_and_50_courses(client: Client) -> None:
    await _courses(client, 50)
    data = await client.gql(COURSES, {"n": 1})
    modules = data["courses"]["edges"][0]["node"]["course"]["modules"]
    assert [m["title"] for m in modules] == ["Módulo 0", "Módulo 1"]
    assert [len(m["lessons"]) for m in modules] == [2, 2]
    assert await _statements(client, COURSES, 5, "courses") == \
        await _statements(client, COURSES, 50, "courses")


async def test_the_expert_directory_costs_the_same_for_5_and_50_experts(client: Client
                                                                       ) -> None:
    async with client.runtime.db.write() as session:
        for i in range(50):
            user = User(email=f"expert{i}@example.com", password_hash="x")
            session.add(user)
            await session.flush()
            session.add(Expert(user_id=user.id, kind="MENTOR", display_name=f"Expert {i}",
                               time_zone="Europe/Madrid", tags=["legal"], languages=["es"],
                               weekly_plan=[{"weekday": 1, "start": "09:00", "end": "12:00"}]))
    assert await _statements(client, EXPERTS, 5, "experts") == \
        await _statements(client, EXPERTS, 50, "experts")
