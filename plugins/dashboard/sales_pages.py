"""Sales over 30 or 90 days, as an SVG chart rendered on the server."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard import chart
from plugins.dashboard.guard import PREFIX, signed_in, to_login

PERIODS = (30, 90)


@signed_in
async def sales(visit: Visit) -> Response:
    asked = visit.request.query_params.get("days", "30")
    days = int(asked) if asked.isdigit() and int(asked) in PERIODS else 30
    result = await visit.graphql("Sales", days=days, timeZone=visit.time_zone)
    if result.unauthenticated:
        return to_login(visit)
    vendor = result.data.get("myVendor")
    if vendor is None:
        return visit.redirect(f"{PREFIX}/apply")
    return visit.render("sales.html", chart=chart.build(vendor["salesByDay"]), days=days,
                        periods=PERIODS)
