"""The jobs pages' routes (employers and partner staff), spliced into the dashboard."""

from __future__ import annotations

from starlette.routing import Route

from plugins.dashboard import jobs_assist_pages, jobs_employer_pages
from plugins.dashboard.programme_routes import BOTH, Page


def jobs_routes(page: Page) -> list[Route]:
    employer, assist = jobs_employer_pages, jobs_assist_pages
    return [
        Route("/jobs/offers", page(employer.offers), methods=BOTH),
        Route("/jobs/offers/{offer_id}/status", page(employer.offer_status), methods=["POST"]),
        Route("/jobs/offers/{offer_id}/applications", page(employer.applications)),
        Route("/jobs/offers/{offer_id}/applications/{application_id}/status",
              page(employer.application_status), methods=["POST"]),
        Route("/jobs/assisted", page(assist.assisted)),
        Route("/jobs/assisted/{user_id}", page(assist.profile), methods=BOTH),
        Route("/jobs/assisted/{user_id}/apply/{offer_id}", page(assist.apply),
              methods=["POST"]),
    ]
