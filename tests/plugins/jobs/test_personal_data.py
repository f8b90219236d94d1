"""A candidate's export holds their profile and applications; deleting the account erases
what describes them, removes the CV file, and keeps the hire in the jobs figure."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from engine.testing.client import PASSWORD
from tests.plugins.jobs.scenario import MOVE, PROFILE, apply, offer

EXPORT = "mutation { accountDataExport { data errors { code } } }"
DELETE = """mutation($p: String!) { accountDelete(password: $p) { ok errors { code } } }"""
CV = """mutation($c: String!) { candidateCvUpload(contentBase64: $c, filename: "cv.pdf") {
  errors { code } } }"""
HIRED = """query($f: DateTime!, $t: DateTime!) { jobsHired(from: $f, to: $t) { count } }"""
APPS = """query($o: ID!) { jobOfferApplications(offerId: $o) { message
  candidate { displayName experience } } }"""


def pdfs(root: Path) -> list[Path]:
    return list(root.rglob("*.pdf"))


async def test_export_then_erasure_keeps_the_hire_but_not_the_person(
        plugged: Any, tmp_path: Path) -> None:
    async with plugged(media_root=str(tmp_path)) as client:
        employer, _ = await client.vendor("bar@example.com", "Bar")
        offer_id = await offer(client, employer)
        ana = await client.register("ana.candidata@example.com")
        await client.gql(PROFILE, {"i": {"displayName": "Ana Candidata",
                                         "experience": "Camarera en Sevilla"}}, ana)
        await client.gql(CV, {"c": base64.b64encode(b"%PDF-1.4 Ana").decode()}, ana)
        application = await apply(client, ana, offer_id)
        for status in ("INTERVIEW", "OFFERED", "HIRED"):
            await client.gql(MOVE, {"id": application, "s": status}, employer)
        exported = (await client.gql(EXPORT, token=ana))["accountDataExport"]["data"]["jobs"]
        assert exported["profile"]["displayName"] == "Ana Candidata"
        assert [h["status"] for h in exported["applications"][0]["history"]] == [
            "RECEIVED", "INTERVIEW", "OFFERED", "HIRED"]
        assert pdfs(tmp_path) != []
        done = await client.gql(DELETE, {"p": PASSWORD}, ana)
        assert done["accountDelete"] == {"ok": True, "errors": []}
        await client.runtime.dispatcher.drain()
        assert pdfs(tmp_path) == []
        seen = (await client.gql(APPS, {"o": offer_id}, employer))["jobOfferApplications"]
        assert seen == [{"message": "", "candidate": {"displayName": "[erased]",
                                                      "experience": ""}}]
        now = datetime.now(UTC)
        window = {"f": (now - timedelta(hours=1)).isoformat(),
                  "t": (now + timedelta(hours=1)).isoformat()}
        op = await client.operator()
        assert (await client.gql(HIRED, window, op))["jobsHired"]["count"] == 1
