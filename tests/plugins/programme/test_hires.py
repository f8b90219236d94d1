"""Hires made through the jobs plugin reach the impact report (``ruta_impact_facts``,
answered by jobs) as their own figure, once per hire, for the hired participant; under 5
people the figure is suppressed; other partners' staff do not see them."""

from __future__ import annotations

from datetime import date, timedelta

from engine.plugins.api import encode_id
from engine.testing.client import Client
from tests.plugins.jobs.scenario import MOVE, apply, candidate, offer
from tests.plugins.programme.setup import partner, staff

ENROL = """mutation($i: ParticipantRegisterInput!) { participantRegister(input: $i) {
  errors { code } } }"""
REPORT = """query($f: Date!, $t: Date!) { impactReport(from: $f, to: $t) {
  group figures { name value } } }"""


async def _hires(client: Client, token: str) -> object:
    span = {"f": (date.today() - timedelta(days=1)).isoformat(),
            "t": (date.today() + timedelta(days=1)).isoformat()}
    rows = (await client.gql(REPORT, span, token))["impactReport"]
    return [{f["name"]: f["value"] for f in row["figures"]}["hires_reported"] for row in rows]


async def test_five_hired_participants_show_as_five_hires_and_four_are_suppressed(
        client: Client) -> None:
    lepe = await partner(client)
    faro = await partner(client, "Câmara de Faro", "PT", "Algarve")
    adviser = await staff(client, lepe, "adviser@lepe.example")
    other = await staff(client, faro, "adviser@faro.example")
    employer, _ = await client.vendor("rh@hotel.example", "Hotel")
    job = await offer(client, employer, positions=10)
    for n in range(5):
        email = f"p{n}@example.com"
        person = await candidate(client, email)
        done = await client.gql(ENROL, {"i": {"partnerId": encode_id("Partner", lepe),
                                              "email": email, "language": "ES",
                                              "consentJourney": True}}, adviser)
        assert done["participantRegister"]["errors"] == []
        application = await apply(client, person, job)
        for status in ("SHORTLISTED", "OFFERED", "HIRED"):
            await client.gql(MOVE, {"id": application, "s": status}, employer)
        if n == 3:
            assert await _hires(client, adviser) == [None]  # four people: suppressed
    assert await _hires(client, adviser) == ["5"]
    op = await client.operator()
    assert await _hires(client, op) == ["5"]
    assert await _hires(client, other) == []
