"""The programme's impact page (operators: everyone; partner staff: their own
participants): the entrepreneur funnel and outcomes as server-rendered SVG bars, a table
per group, and the same report as a CSV download. Figures resting on fewer than 5 people
come from the API as null and are shown (and exported) as "<5", never as a number."""

from __future__ import annotations

from datetime import date, timedelta

from starlette.responses import Response

from engine.plugins.api import GraphQLResult, Visit
from plugins.dashboard import impact_chart
from plugins.dashboard.forms import N_
from plugins.dashboard.guard import signed_in, to_login
from plugins.dashboard.programme_participant_pages import FORBIDDEN

FIGURES = {
    "registered": N_("Registered"), "enrolled": N_("Enrolled in a course"),
    "completed_course": N_("Completed a course"), "mentored": N_("Mentored"),
    "funding_requested": N_("Funding requested"), "funding_granted": N_("Funding granted"),
    "vendor_approved": N_("Approved as a vendor"), "first_paid_order": N_("First paid order"),
    "smes_created": N_("Businesses created"), "event_attendance": N_("Attended an event"),
    "jobs_direct": N_("Direct jobs (declared)"), "jobs_indirect": N_("Indirect jobs (declared)"),
    "hires_reported": N_("Hires through job offers"), "expert_hours": N_("Expert hours"),
}
GROUPS = {"NONE": N_("Everyone"), "COUNTRY": N_("Country"), "REGION": N_("Region"),
          "PARTNER": N_("Partner"), "ORIGIN": N_("Origin group"), "PERIOD": N_("Period")}


def _query(visit: Visit) -> dict[str, str]:
    params = visit.request.query_params
    today = date.today()
    try:
        since = date.fromisoformat(params.get("from", ""))
    except ValueError:
        since = date(today.year - 3, 1, 1)
    try:
        until = date.fromisoformat(params.get("to", ""))
    except ValueError:
        until = today + timedelta(days=1)
    group = params.get("groupBy", "NONE")
    return {"from": since.isoformat(), "to": until.isoformat(),
            "groupBy": group if group in GROUPS else "NONE"}


def _refusal(visit: Visit, result: GraphQLResult) -> Response | None:
    if result.unauthenticated:
        return to_login(visit)
    if result.denied or result.errors:
        return visit.render("error.html", status_code=403, message=visit.gettext(FORBIDDEN))
    return None


@signed_in
async def impact(visit: Visit) -> Response:
    query = _query(visit)
    result = await visit.graphql("ProgrammeImpact", **query)
    refused = _refusal(visit, result)
    if refused is not None:
        return refused
    rows = result.data.get("impactReport") or []
    names = tuple(FIGURES)
    charts = [(row["group"], impact_chart.build(row["figures"], names)) for row in rows]
    return visit.render("programme/impact.html", query=query, charts=charts,
                        figures=FIGURES, groups=GROUPS, names=names)


@signed_in
async def impact_csv(visit: Visit) -> Response:
    query = _query(visit)
    result = await visit.graphql("ProgrammeImpactCsv", **query)
    refused = _refusal(visit, result)
    if refused is not None:
        return refused
    name = f"impact-{query['from']}-{query['to']}-{query['groupBy'].lower()}.csv"
    return Response(str(result.data.get("impactReportCsv") or ""), media_type="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
