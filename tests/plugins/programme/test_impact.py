"""Impact on the demo data: each funnel figure (registered, enrolled, completed a course,
mentored, funding requested and granted, vendor approved, first paid order, SMEs, event
attendance) equals an independent SQL count of the rows it summarises in the core's and the
plugins' tables, or is hidden when that count is under 5; no figure from fewer than 5 people
appears in the report or its CSV."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from sqlalchemy import distinct, func, select, text

from engine.db.base import Base
from engine.db.types import utcnow
from engine.demo.data import DEMO_PASSWORD
from engine.testing.client import Client
from tests.plugins.programme.setup import make_operator, staff
from tests.shop import ADDRESS, COMPLETE, CREATE

REPORT = """query($g: ImpactGroupBy!) { impactReport(from: "2020-01-01", to: "2099-01-01",
  groupBy: $g) { group figures { name value } } }"""
CSV = """query($g: ImpactGroupBy!) { impactReportCsv(from: "2020-01-01", to: "2099-01-01",
  groupBy: $g) }"""

PARTICIPANTS = "SELECT user_id FROM programme_participant"
#: The owners (people) of vendors, with the vendor's status and first paid order.
OWNERS = f"""FROM vendor v JOIN vendor_membership m ON m.vendor_id = v.id AND m.role = 'OWNER'
  WHERE m.user_id IN ({PARTICIPANTS})"""
#: Each funnel stage the report shows, counted independently over the tables it summarises
#: (people: distinct accounts of programme participants). ``mentored`` needs "now" (a
#: session counts once it has ended) and is counted in :func:`_mentored`.
FUNNEL_SQL = {
    "registered": "SELECT COUNT(DISTINCT user_id) FROM programme_participant",
    "enrolled": f"""SELECT COUNT(DISTINCT user_id) FROM elearning_enrolment
        WHERE status <> 'REVOKED' AND user_id IN ({PARTICIPANTS})""",
    "completed_course": f"""SELECT COUNT(DISTINCT user_id) FROM elearning_enrolment
        WHERE status <> 'REVOKED' AND completed_at IS NOT NULL
        AND user_id IN ({PARTICIPANTS})""",
    "funding_requested": f"""SELECT COUNT(DISTINCT requester_id) FROM mentoring_funding_request
        WHERE requester_id IN ({PARTICIPANTS})""",
    "funding_granted": f"""SELECT COUNT(DISTINCT r.requester_id) FROM mentoring_funding_request r
        JOIN mentoring_funding_event e ON e.request_id = r.id AND e.status = 'GRANTED'
        WHERE r.requester_id IN ({PARTICIPANTS})""",
    "vendor_approved": f"SELECT COUNT(DISTINCT m.user_id) {OWNERS} AND v.status = 'APPROVED'",
    "first_paid_order": f"""SELECT COUNT(DISTINCT m.user_id) {OWNERS} AND EXISTS (
        SELECT 1 FROM vendor_order vo JOIN "order" o ON o.id = vo.order_id
        WHERE vo.vendor_id = v.id AND o.paid_at IS NOT NULL)""",
    "smes_created": f"SELECT COUNT(DISTINCT m.user_id) {OWNERS}",
    "event_attendance": f"""SELECT COUNT(DISTINCT r.user_id) FROM programme_registration r
        JOIN programme_checkin c ON c.registration_id = r.id AND c.ok = TRUE
        WHERE r.user_id IN ({PARTICIPANTS})""",
}
SUMS_SQL = {
    "jobs_direct": "SELECT COALESCE(SUM(direct), 0) FROM programme_jobs_declaration",
    "jobs_indirect": "SELECT COALESCE(SUM(indirect), 0) FROM programme_jobs_declaration",
}


async def _sql(client: Client, query: str) -> Any:
    async with client.runtime.db.read() as session:
        return (await session.execute(text(query))).scalar()


async def _mentored(client: Client) -> int:
    """Participants with a confirmed booking of a session that has ended."""
    tables = Base.metadata.tables
    booking, held = tables["mentoring_booking"], tables["mentoring_session"]
    participants = tables["programme_participant"]
    query = (select(func.count(distinct(booking.c.user_id)))
             .select_from(booking.join(held, held.c.id == booking.c.session_id))
             .where(booking.c.status == "CONFIRMED", held.c.ends_at <= utcnow(),
                    booking.c.user_id.in_(select(participants.c.user_id))))
    async with client.runtime.db.read() as session:
        return int((await session.execute(query)).scalar_one())


async def _counted(client: Client) -> dict[str, int]:
    counted = {name: int(await _sql(client, query)) for name, query in FUNNEL_SQL.items()}
    counted["mentored"] = await _mentored(client)
    return counted


def _figures(row: dict[str, Any]) -> dict[str, Any]:
    return {f["name"]: f["value"] for f in row["figures"]}


async def _shown(client: Client, operator: str) -> dict[str, Any]:
    rows = (await client.gql(REPORT, {"g": "NONE"}, operator))["impactReport"]
    assert [r["group"] for r in rows] == ["All"]
    return _figures(rows[0])


def _agree(shown: dict[str, Any], counted: dict[str, int]) -> None:
    """Each figure is its count, or hidden (None) exactly when the count is under 5."""
    for name, count in counted.items():
        if count >= 5:
            assert shown[name] is not None and Decimal(shown[name]) == count, (name, shown)
        else:
            assert shown[name] is None, (name, count, shown[name])


APPLY = """mutation($i: VendorCreateInput!) { vendorCreate(input: $i) { vendor { id } } }"""
APPROVE = "mutation($id: ID!) { vendorApprove(id: $id) { errors { code } } }"
DECLARE = """mutation($v: ID!, $a: Int!) { programmeJobsDeclare(vendorId: $v, asOf: "2026-11-01",
  direct: $a, indirect: 1) { errors { code } } }"""
PAID = "mutation($id: ID!) { orderMarkPaid(id: $id) { order { status } errors { code } } }"


async def _founders(client: Client, operator: str, n: int) -> list[tuple[str, str]]:
    """The first ``n`` demo participants found a business (approved but the last) and
    declare their jobs; returns the approved ones' (token, vendor id)."""
    approved = []
    for i in range(n):
        token = await client.login(f"participant-{i:02d}@programme.example", DEMO_PASSWORD)
        made = await client.gql(APPLY, {"i": {"name": f"Negocio {i}", "country": "ES",
                                              "postalCode": "21700", "taxId": "B21000005",
                                              "pricesIncludeTax": True}}, token)
        vendor_id = made["vendorCreate"]["vendor"]["id"]
        if i < n - 1:
            await client.gql(APPROVE, {"id": vendor_id}, operator)
            await client.gql(DECLARE, {"v": vendor_id, "a": 1 + i % 3}, token)
            approved.append((token, vendor_id))
    return approved


async def _first_sales(client: Client, operator: str, sellers: list[tuple[str, str]]) -> None:
    """A customer buys an e-book from each seller in one order, which is paid."""
    variants = [(await client.product(token, f"Guía {n}", kind="DIGITAL", price="5.00",
                                      stock=0, digitalAsset=f"https://cdn.example/{n}.pdf"))[1]
                for n, (token, _) in enumerate(sellers)]
    buyer = await client.register("first-buyer@example.com")
    lines = [{"variantId": v, "quantity": 1} for v in variants]
    created = await client.gql(CREATE, {"i": {"email": "first-buyer@example.com",
                                              "billingAddress": ADDRESS, "lines": lines}}, buyer)
    assert created["checkoutCreate"]["errors"] == [], created
    done = await client.gql(COMPLETE, {"id": created["checkoutCreate"]["checkout"]["id"]}, buyer)
    order = done["checkoutComplete"]["order"]
    assert order is not None, done
    paid = await client.gql(PAID, {"id": order["id"]}, operator)
    assert paid["orderMarkPaid"]["order"]["status"] == "PAID", paid


async def test_funnel_figures_equal_the_rows_they_summarise(demo: object,
                                                            client: Client) -> None:
    operator = await make_operator(client, "impact-op@programme.example")
    # the demo as started: its participants along the funnel, founders among them
    counted = await _counted(client)
    _agree(await _shown(client, operator), counted)
    for stage in ("registered", "enrolled", "completed_course", "mentored",
                  "funding_requested", "event_attendance"):
        assert counted[stage] >= 5, stage  # real figures at start-up
    for stage in ("funding_granted", "vendor_approved", "first_paid_order"):
        assert counted[stage] < 5, stage  # and small ones, suppressed
    assert counted["registered"] > counted["enrolled"] > counted["completed_course"] \
        > counted["mentored"] > counted["funding_requested"] > counted["funding_granted"]
    # more founders, their jobs and first sales: every figure still equals its rows
    sellers = await _founders(client, operator, 7)
    await _first_sales(client, operator, sellers[:5])
    counted = await _counted(client)
    shown = await _shown(client, operator)
    _agree(shown, counted)
    assert counted["first_paid_order"] == 5 and counted["vendor_approved"] >= 6
    for name, query in SUMS_SQL.items():
        assert Decimal(shown[name]) == Decimal(await _sql(client, query)), name


async def test_small_groups_are_suppressed_in_report_and_csv(demo: object,
                                                             client: Client) -> None:
    operator = await make_operator(client, "impact-op2@programme.example")
    for group_by in ("PARTNER", "ORIGIN", "COUNTRY", "PERIOD"):
        rows = (await client.gql(REPORT, {"g": group_by}, operator))["impactReport"]
        values = [f["value"] for r in rows for f in r["figures"]]
        assert all(v is None or Decimal(v) >= 5 for v in values), group_by
        exported = (await client.gql(CSV, {"g": group_by}, operator))["impactReportCsv"]
        table = list(csv.reader(io.StringIO(exported)))
        assert table[0][0] == group_by.lower() and len(table) == len(rows) + 1
        for line in table[1:]:
            for cell in line[1:]:
                assert cell == "<5" or Decimal(cell) >= 5, (group_by, line)
    by_partner = (await client.gql(REPORT, {"g": "PARTNER"}, operator))["impactReport"]
    lepe = next(r for r in by_partner if r["group"] == "Ayuntamiento de Lepe")
    assert _figures(lepe)["registered"] == "5"
    assert _figures(lepe)["event_attendance"] == "5"
    faro = next(r for r in by_partner if r["group"] == "Câmara Municipal de Faro")
    assert _figures(faro)["event_attendance"] is None  # nobody from Faro came: suppressed


async def test_partner_staff_see_only_their_participants(demo: object, client: Client) -> None:
    partner_id = await _sql(client, "SELECT id FROM programme_partner WHERE name = "
                                    "'Ayuntamiento de Lepe'")
    token = await staff(client, partner_id, "impact-staff@lepe.example")
    rows = (await client.gql(REPORT, {"g": "PARTNER"}, token))["impactReport"]
    assert [r["group"] for r in rows] == ["Ayuntamiento de Lepe"]
    customer = await client.register("nobody@example.com")
    body = await client.raw(REPORT, {"g": "NONE"}, customer)
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
