"""The programme pages' routes (partner staff and operators), spliced into the dashboard."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from plugins.dashboard import (
    programme_checkin_pages,
    programme_impact_pages,
    programme_participant_pages,
)
from plugins.dashboard.guard import Handler

Page = Callable[[Handler], Callable[[Request], Awaitable[Response]]]
BOTH = ["GET", "POST"]


def programme_routes(page: Page) -> list[Route]:
    participants, checkin = programme_participant_pages, programme_checkin_pages
    return [
        Route("/programme/participants", page(participants.participants), methods=BOTH),
        Route("/programme/participants/{participant_id}/book", page(participants.book),
              methods=BOTH),
        Route("/programme/checkin", page(checkin.events)),
        Route("/programme/checkin/events/{event_id}", page(checkin.doors), methods=BOTH),
        Route("/programme/checkin/{list_id}", page(checkin.door), methods=BOTH),
        Route("/programme/checkin/{list_id}/status.json", page(checkin.door_status)),
        Route("/programme/impact", page(programme_impact_pages.impact)),
        Route("/programme/impact.csv", page(programme_impact_pages.impact_csv)),
    ]
