"""The jobs part of the demo marketplace: offers in Huelva, Faro and remote, two profiles
(one assisted with consent), applications in several statuses and a counted hire; and the
jobs plugin imports no other plugin."""

from __future__ import annotations

import ast
from datetime import UTC, datetime, timedelta
from pathlib import Path

from engine.demo.data import DEMO_PASSWORD
from engine.runtime import Runtime
from tests.client import Client
from tests.plugins.jobs.scenario import OFFERS

HIRED = """query($f: DateTime!, $t: DateTime!) { jobsHired(from: $f, to: $t) { count } }"""
MINE = "{ myJobApplications { status } }"
PLUGIN = Path(__file__).resolve().parents[3] / "plugins" / "jobs"


async def test_the_demo_has_offers_profiles_applications_and_a_hire(
        demo: Runtime, client: Client) -> None:
    listed = (await client.gql(OFFERS, {"f": None}))["jobOffers"]["edges"]
    places = sorted((o["node"]["postalCode"] or "remote") for o in listed)
    assert places == ["21710", "remote"]  # Faro's offer is filled: no longer listed
    amina = await client.login("customer@ruta.example", DEMO_PASSWORD)
    statuses = [a["status"] for a in (await client.gql(MINE, token=amina))["myJobApplications"]]
    assert sorted(statuses) == ["INTERVIEW", "RECEIVED"]
    op = await client.login("admin@ruta.example", DEMO_PASSWORD)
    now = datetime.now(UTC)
    window = {"f": (now - timedelta(hours=1)).isoformat(),
              "t": (now + timedelta(hours=1)).isoformat()}
    assert (await client.gql(HIRED, window, op))["jobsHired"]["count"] == 1
    mediator = await client.login("mediator.es@ruta.example", DEMO_PASSWORD)
    ioana = await client.login("vendor.pending@ruta.example", DEMO_PASSWORD)
    me = (await client.gql("{ me { id } }", token=ioana))["me"]["id"]
    seen = await client.gql("query($u: ID) { candidateProfile(userId: $u) { displayName } }",
                            {"u": me}, mediator)
    assert seen["candidateProfile"]["displayName"] == "Ioana"


def test_the_jobs_plugin_imports_no_other_plugin() -> None:
    imported: set[str] = set()
    for path in PLUGIN.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
    foreign = sorted(m for m in imported if m.startswith("plugins.")
                     and not m.startswith("plugins.jobs"))
    engine = sorted(m for m in imported if m.startswith("engine")
                    and m != "engine.plugins.api" and m != "engine.demo.index")
    assert foreign == [] and engine == []
