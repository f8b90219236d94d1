"""Who may read what of a course: the one place that decides lesson-content visibility.

* STAFF (the course vendor's staff, operators): everything, quiz answers included.
* LEARNER (an ACTIVE or COMPLETED enrolment): content of released lessons; quiz questions
  and options but never the correct answers (grading happens on the server).
* PUBLIC (anonymous, non-enrolled, revoked): the outline, and content of preview lessons.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from plugins.elearning.models import Enrolment, Lesson


class Access(enum.Enum):
    PUBLIC = "PUBLIC"
    LEARNER = "LEARNER"
    STAFF = "STAFF"


LEARNING = ("ACTIVE", "COMPLETED")


def access_of(is_staff: bool, enrolment: Enrolment | None) -> Access:
    if is_staff:
        return Access.STAFF
    if enrolment is not None and enrolment.status in LEARNING:
        return Access.LEARNER
    return Access.PUBLIC


@dataclass(frozen=True)
class Availability:
    """Whether a learner may open a lesson now, and if not, why and when."""

    open: bool
    available_at: datetime | None
    reason: str | None  # NOT_ENROLLED | DRIP | PREREQUISITE


def availability(lesson: Lesson, access: Access, enrolment: Enrolment | None,
                 completed: set[int], now: datetime) -> Availability:
    if access is Access.STAFF:
        return Availability(True, None, None)
    if access is Access.PUBLIC or enrolment is None:
        return Availability(lesson.is_preview, None, None if lesson.is_preview else
                            "NOT_ENROLLED")
    released = enrolment.enrolled_at + timedelta(days=lesson.drip_days)
    if released > now:
        return Availability(False, released, "DRIP")
    if lesson.prerequisite_lesson_id is not None and \
            lesson.prerequisite_lesson_id not in completed:
        return Availability(False, released, "PREREQUISITE")
    return Availability(True, released, None)
