"""The expert / mentor pages' routes (under ``/dashboard/expert``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.routing import BaseRoute, Route

from plugins.dashboard import (
    expert_availability_pages,
    expert_booking_pages,
    expert_funding_pages,
    expert_mentorship_pages,
    expert_offering_pages,
    expert_profile_pages,
)

BOTH = ["GET", "POST"]
POST = ["POST"]


def routes(page: Callable[[Any], Any]) -> list[BaseRoute]:
    """``page`` is the site's handler wrapper (``WebSite.page``)."""
    return [
        Route("/expert", page(expert_profile_pages.profile), methods=BOTH),
        Route("/expert/availability", page(expert_availability_pages.availability),
              methods=BOTH),
        Route("/expert/offerings", page(expert_offering_pages.offerings), methods=BOTH),
        Route("/expert/sessions", page(expert_offering_pages.session_add), methods=POST),
        Route("/expert/bookings", page(expert_booking_pages.bookings)),
        Route("/expert/sessions/{session_id}/cancel",
              page(expert_booking_pages.session_cancel), methods=POST),
        Route("/expert/mentorships", page(expert_mentorship_pages.mentorships)),
        Route("/expert/mentorships/{mentorship_id}/respond",
              page(expert_mentorship_pages.respond), methods=POST),
        Route("/expert/mentorships/{mentorship_id}/notes",
              page(expert_mentorship_pages.notes), methods=BOTH),
        Route("/expert/funding", page(expert_funding_pages.funding)),
        Route("/expert/funding/{request_id}/move", page(expert_funding_pages.funding_move),
              methods=POST),
    ]
