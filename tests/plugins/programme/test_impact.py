"""Impact on the demo data: each figure equals an independent SQL count of the rows it
summarises; no figure from fewer than 5 people appears in the report or its CSV."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from sqlalchemy import text

from engine.demo.data import DEMO_PASSWORD
from engine.testing.client import Client
from tests.plugins.programme.setup import make_operator, staff

REPORT = """query($g: ImpactGroupBy!) { impactReport(from: "2020-01-01", to: "2099-01-01",
  groupBy: $g) { group figures { name value } } }"""
CSV = """query($g: ImpactGroupBy!) { impactReportCsv(from: "2020-01-01", to: "2099-01-01",
  groupBy: $g) }"""

OWNED = """FROM vendor v JOIN vendor_membership m ON m.vendor_id = v.id AND m.role = 'OWNER'
  WHERE m.user_id IN (SELECT user_id FROM programme_participant)"""


async def _sql(client: Client, query: str) -> Any:
    async with client.runtime.db.read() as session:
        return (await session.execute(text(query))).scalar()


def _figures(row: dict[str, Any]) -> dict[str, Any]:
    return {f["name"]: f["value"] for f in row["figures"]}


APPLY = """mutation($i: VendorCreateInput!) { vendorCreate(input: $i) { vendor { id } } }"""
APPROVE = "mutation($id: ID!) { vendorApprove(id: $id) { errors { code } } }"
DECLARE = """mutation($v: ID!, $a: Int!) { programmeJobsDeclare(vendorId: $v, asOf: "2026-11-01",
  direct: $a, indirect: 1) { errors { code } } }"""


async def _founders(client: Client, operator: str, n: int) -> None:
    """The first ``n`` demo participants found a business (approved but the last) and
    declare their jobs."""
    for i in range(n):
        token = await client.login(f"participant-{i:02d}@programme.example", DEMO_PASSWORD)
        made = await client.gql(APPLY, {"i": {"name": f"Negocio {i}", "country": "ES",
                                              "postalCode": "21700", "taxId": "B21000005",
                                              "pricesIncludeTax": True}}, token)
        vendor_id = made["vendorCreate"]["vendor"]["id"]
        if i < n - 1:
            await client.gql(APPROVE, {"id": vendor_id}, operator)
            await client.gql(DECLARE, {"v": vendor_id, "a": 1 + i % 3}, token)


async def test_funnel_figures_equal_the_rows_they_summarise(demo: object,
                                                            client: Client) -> None:
    operator = await make_operator(client, "impact-op@programme.example")
    await _founders(client, operator, 7)
    rows = (await client.gql(REPORT, {"g": "NONE"}, operator))["impactReport"]
    assert [r["group"] for r in rows] == ["All"]
    shown = _figures(rows[0])
    expected = {
        "registered": "SELECT COUNT(DISTINCT user_id) FROM programme_participant",
        "smes_created": f"SELECT COUNT(*) {OWNED}",
        "vendor_approved": f"SELECT COUNT(*) {OWNED} AND v.status = 'APPROVED'",
        "event_attendance": """SELECT COUNT(DISTINCT r.user_id) FROM programme_registration r
            JOIN programme_checkin c ON c.registration_id = r.id AND c.ok = TRUE
            WHERE r.user_id IN (SELECT user_id FROM programme_participant)""",
        "jobs_direct": "SELECT SUM(direct) FROM programme_jobs_declaration",
        "jobs_indirect": "SELECT SUM(indirect) FROM programme_jobs_declaration",
    }
    for name, query in expected.items():
        counted = await _sql(client, query)
        assert counted >= 5, name  # the demo shows these numbers at start-up
        assert Decimal(shown[name]) == Decimal(counted), name
    assert (shown["registered"], shown["smes_created"], shown["vendor_approved"],
            shown["event_attendance"]) == ("30", "7", "6", "20")
    assert shown["first_paid_order"] is None  # nobody (0 < 5): suppressed, not shown


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
