"""A course as the learning pages read it: the product with its modules and lessons
(``CourseLessons.graphql``), the lessons numbered 1, 2, 3... across modules (the player's
URLs use these numbers, never the API's ids), and the learner's progress."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from engine.plugins.api import Visit
from plugins.storefront.buyer import language_code


@dataclass(frozen=True)
class CourseView:
    product: dict[str, Any]
    course: dict[str, Any]
    lessons: list[dict[str, Any]]  # in order, each with "number" and "module" added

    @property
    def slug(self) -> str:
        return str(self.product["slug"])

    @property
    def enrolled(self) -> bool:
        return bool(self.course["viewerIsEnrolled"])

    @property
    def free(self) -> bool:
        gross = ((self.product.get("listed") or {}).get("gross") or {}).get("amount")
        return gross is not None and Decimal(str(gross)) == 0

    @property
    def done(self) -> int:
        return sum(1 for lesson in self.lessons if lesson["completed"])

    @property
    def percentage(self) -> int:
        return (100 * self.done) // len(self.lessons) if self.lessons else 0

    def lesson(self, number: int) -> dict[str, Any] | None:
        return self.lessons[number - 1] if 1 <= number <= len(self.lessons) else None

    def resume(self) -> int:
        """The first lesson not completed yet (else the last one)."""
        return next((x["number"] for x in self.lessons if not x["completed"]),
                    len(self.lessons) or 1)


async def load_course(visit: Visit, slug: str) -> CourseView | None:
    result = await visit.graphql("CourseLessons", slug=slug, languageCode=language_code(visit))
    product = result.data.get("product")
    if not product or not product.get("course"):
        return None
    lessons: list[dict[str, Any]] = []
    for module in product["course"]["modules"]:
        for lesson in module["lessons"]:
            lessons.append({**lesson, "number": len(lessons) + 1, "module": module["title"]})
    return CourseView(product, product["course"], lessons)


def lesson_url(slug: str, number: int) -> str:
    return f"/learn/courses/{slug}/lessons/{number}"
