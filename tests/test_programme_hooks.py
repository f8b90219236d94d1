"""The programme plugin meets other plugins only through core hooks: journey facts from
e-learning and mentoring (``ruta_journey_facts``), hires from a jobs plugin
(``ruta_impact_facts``, shown as their own figure); and it imports no other plugin."""

from __future__ import annotations

import ast
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import text

from engine.plugins.api import ImpactFact, JourneyFact, Runtime, encode_id, hookimpl
from engine.testing.client import Client
from tests.plugins.elearning.test_courses import course_product
from tests.plugins.programme.setup import make_operator, partner, staff
from tests.plugins.programme.test_impact import REPORT, _founders
from tests.plugins.programme.test_participants import JOURNEY
from tests.plugins.programme.test_participants import REGISTER as PARTICIPANT

PLUGINS = Path(__file__).resolve().parent.parent / "plugins"
ENROL = "mutation($p: ID!) { courseEnroll(productId: $p) { errors { code } } }"
FUND = """mutation($i: FundingRequestInput!) {
  fundingRequestOpen(input: $i) { errors { code } } }"""


class JobsPlugin:
    """A stand-in jobs plugin: six hires at every vendor it is told about."""

    def __init__(self, vendor_ids: list[int]) -> None:
        self.vendor_ids = vendor_ids

    @hookimpl
    async def ruta_impact_facts(self, runtime: Runtime, since: datetime, until: datetime
                                ) -> list[ImpactFact]:
        at = datetime(2026, 11, 1, tzinfo=UTC)
        return [ImpactFact("HIRE", at, "jobs", vendor_id=v, count=6) for v in self.vendor_ids
                if since <= at < until]

    @hookimpl
    def ruta_journey_facts(self, user_ids: list[int]) -> list[JourneyFact]:
        return [JourneyFact(u, "HIRED", datetime(2026, 11, 1, tzinfo=UTC), "jobs")
                for u in user_ids]


async def test_journey_facts_come_from_elearning_and_mentoring(client: Client) -> None:
    teacher, _ = await client.vendor("teacher@example.com", "Academia")
    product_id, _, _ = await course_product(client, teacher, "Abrir tu negocio", price="0.00")
    learner = await client.register("amina@example.com")
    assert (await client.gql(ENROL, {"p": product_id}, learner))["courseEnroll"]["errors"] == []
    opened = await client.gql(FUND, {"i": {"project": "Panadería", "amountSought": "9000.00",
                                           "stage": "PLAN"}}, learner)
    assert opened["fundingRequestOpen"]["errors"] == []
    partner_id = await partner(client)
    helper = await staff(client, partner_id, "staff@lepe.example")
    added = await client.gql(PARTICIPANT, {"i": {
        "partnerId": encode_id("Partner", partner_id), "email": "amina@example.com",
        "language": "AR", "consentJourney": True}}, helper)
    participant = added["participantRegister"]["participant"]["id"]
    steps = (await client.gql(JOURNEY, {"id": participant}, helper))["participantJourney"]
    assert [(s["kind"], s["label"]) for s in steps] == [  # in the order they happened
        ("ENROLLED", "Abrir tu negocio"), ("FUNDING_REQUESTED", "Panadería"),
        ("REGISTERED", "")]


async def test_hires_are_their_own_figure_never_added_to_jobs(demo: object,
                                                              plugged: Any) -> None:
    async with plugged() as client:
        operator = await make_operator(client, "hires-op@programme.example")
        await _founders(client, operator, 6)
        before = (await client.gql(REPORT, {"g": "NONE"}, operator))["impactReport"][0]
        async with client.runtime.db.read() as session:
            vendors = list((await session.execute(text(
                "SELECT vendor_id FROM vendor_membership ORDER BY vendor_id"))).scalars())
    async with plugged(JobsPlugin(vendors)) as client:
        after = (await client.gql(REPORT, {"g": "NONE"}, operator))["impactReport"][0]
    figures = [{f["name"]: f["value"] for f in r["figures"]} for r in (before, after)]
    assert figures[0]["hires_reported"] is None
    # six hires at each business a participant owns: the six founders' and the demo
    # marketplace's four (their owners joined through the association of self-employed
    # workers), plus the jobs demo's one hire of a participant (vendor.pending), each once
    assert len(vendors) == 6 + 4 and Decimal(figures[1]["hires_reported"]) == 6 * 10 + 1
    assert figures[1]["jobs_direct"] == figures[0]["jobs_direct"] is not None
    assert figures[1]["jobs_indirect"] == figures[0]["jobs_indirect"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_no_plugin_imports_another_and_programme_uses_only_the_public_api() -> None:
    for plugin in sorted(p for p in PLUGINS.iterdir() if (p / "__init__.py").exists()):
        for path in plugin.rglob("*.py"):
            others = {name for name in _imports(path) if name.startswith("plugins.")
                      and name.split(".")[1] != plugin.name}
            assert others == set(), f"{path} imports another plugin: {others}"
    for path in (PLUGINS / "programme").rglob("*.py"):
        engine = {name for name in _imports(path) if name.split(".")[0] == "engine"}
        assert engine <= {"engine.plugins.api"}, f"{path} imports engine internals: {engine}"
