"""Applications: who sees what, status changes with history and an event each, hires in
the operators' jobs figure, and CV links only for the owner and the employer."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.client import Client
from tests.plugins.jobs.scenario import (
    ERR,
    MOVE,
    apply,
    candidate,
    events,
    offer,
)

APPLICATIONS = """query($o: ID!) { jobOfferApplications(offerId: $o) { id status
  candidate { displayName } } }"""
ONE = "query($id: ID!) { jobApplication(id: $id) { id status history { toStatus } } }"
HIRED = """query($f: DateTime!, $t: DateTime!) { jobsHired(from: $f, to: $t) { count
  hires { employerVendorId } } }"""
CV_UPLOAD = f"""mutation($c: String!) {{ candidateCvUpload(contentBase64: $c,
  filename: "cv.pdf") {{ profile {{ id hasCv }} {ERR} }} }}"""
CV_LINK = f"mutation($p: ID!) {{ jobsCvLink(profileId: $p) {{ token {ERR} }} }}"
CV_GET = "query($t: String!) { jobsCvDownload(token: $t) { filename contentBase64 } }"
PDF = b"%PDF-1.4\n% a tiny CV\n"


def codes(body: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in body.get("errors") or []]


def cv_files(root: Path) -> list[str]:
    return sorted({str(p.parent.parent.relative_to(root)) for p in root.rglob("*.pdf")})


async def test_an_employer_sees_only_applications_to_its_own_offers(client: Client) -> None:
    employer, _ = await client.vendor("bar@example.com", "Bar")
    rival, _ = await client.vendor("rival@example.com", "Rival")
    offer_id = await offer(client, employer)
    ana = await candidate(client, "ana@example.com")
    application = await apply(client, ana, offer_id)
    seen = await client.gql(APPLICATIONS, {"o": offer_id}, employer)
    assert [a["candidate"]["displayName"] for a in seen["jobOfferApplications"]] == ["Ana"]
    staff = await client.register("adviser@partner.example")
    for token in (rival, staff, None):
        assert codes(await client.raw(APPLICATIONS, {"o": offer_id}, token)) in (
            ["NOT_FOUND"], ["UNAUTHENTICATED"], ["NOT_AUTHENTICATED"])
        assert (await client.raw(ONE, {"id": application}, token))["data"] is None
    mine = await client.gql(ONE, {"id": application}, ana)
    assert mine["jobApplication"]["status"] == "RECEIVED"


async def test_each_change_is_kept_and_told_to_the_candidate_and_a_hire_is_counted(
        client: Client) -> None:
    employer, vendor_id = await client.vendor("hotel@example.com", "Hotel")
    offer_id = await offer(client, employer)
    ana = await candidate(client, "ana@example.com")
    application = await apply(client, ana, offer_id)
    for status in ("SHORTLISTED", "INTERVIEW", "OFFERED"):
        moved = await client.gql(MOVE, {"id": application, "s": status,
                                        "m": f"Paso: {status}"}, employer)
        assert moved["jobApplicationSetStatus"]["errors"] == []
    skipped = await client.gql(MOVE, {"id": application, "s": "SHORTLISTED"}, employer)
    assert [e["code"] for e in skipped["jobApplicationSetStatus"]["errors"]] == [
        "INVALID_TRANSITION"]
    not_employer = await client.raw(MOVE, {"id": application, "s": "HIRED"}, ana)
    assert codes(not_employer) == ["PERMISSION_DENIED"]
    hired = await client.gql(MOVE, {"id": application, "s": "HIRED", "m": "¡Bienvenida!"},
                             employer)
    history = hired["jobApplicationSetStatus"]["application"]["history"]
    assert [h["toStatus"] for h in history] == ["RECEIVED", "SHORTLISTED", "INTERVIEW",
                                                "OFFERED", "HIRED"]
    changed = await events(client, "ruta_job_application_changed")
    assert [e["status"] for e in changed] == ["RECEIVED", "SHORTLISTED", "INTERVIEW",
                                              "OFFERED", "HIRED"]
    assert changed[-1]["message"] == "¡Bienvenida!" and changed[-1]["language"] == "ES"
    hires = await events(client, "ruta_job_hired")
    assert len(hires) == 1 and hires[0]["candidate_user_id"] is not None
    now = datetime.now(UTC)
    window = {"f": (now - timedelta(hours=1)).isoformat(),
              "t": (now + timedelta(hours=1)).isoformat()}
    op = await client.operator()
    figure = await client.gql(HIRED, window, op)
    assert figure["jobsHired"]["count"] == 1
    assert figure["jobsHired"]["hires"][0]["employerVendorId"] == vendor_id
    assert codes(await client.raw(HIRED, window, employer)) == ["PERMISSION_DENIED"]
    before = {"f": (now - timedelta(days=2)).isoformat(),
              "t": (now - timedelta(days=1)).isoformat()}
    assert (await client.gql(HIRED, before, op))["jobsHired"]["count"] == 0


async def test_a_candidate_withdraws_and_cannot_apply_twice(client: Client) -> None:
    employer, _ = await client.vendor("shop@example.com", "Shop")
    offer_id = await offer(client, employer)
    ana = await candidate(client, "ana@example.com")
    application = await apply(client, ana, offer_id)
    again = await client.gql("""mutation($o: ID!) { jobApply(offerId: $o, language: "PT") {
      errors { code } } }""", {"o": offer_id}, ana)
    assert [e["code"] for e in again["jobApply"]["errors"]] == ["ALREADY_APPLIED"]
    gone = await client.gql(MOVE, {"id": application, "s": "WITHDRAWN"}, ana)
    assert gone["jobApplicationSetStatus"]["application"]["status"] == "WITHDRAWN"
    late = await client.gql(MOVE, {"id": application, "s": "SHORTLISTED"}, employer)
    assert [e["code"] for e in late["jobApplicationSetStatus"]["errors"]] == [
        "INVALID_TRANSITION"]


async def test_a_cv_link_works_only_for_the_owner_and_the_employer(
        plugged: Any, tmp_path: Path) -> None:
    async with plugged(media_root=str(tmp_path)) as client:
        employer, _ = await client.vendor("bar@example.com", "Bar")
        rival, _ = await client.vendor("rival@example.com", "Rival")
        offer_id = await offer(client, employer)
        ana = await candidate(client, "ana@example.com")
        up = await client.gql(CV_UPLOAD, {"c": base64.b64encode(PDF).decode()}, ana)
        profile_id = up["candidateCvUpload"]["profile"]["id"]
        assert up["candidateCvUpload"]["profile"]["hasCv"] is True
        assert cv_files(tmp_path) == ["jobs/cv"]  # the private store, not a vendor's prefix
        assert codes(await client.raw(CV_LINK, {"p": profile_id}, employer)) == [
            "PERMISSION_DENIED"]  # not before Ana applies
        await apply(client, ana, offer_id)
        for token in (ana, employer):
            link = (await client.gql(CV_LINK, {"p": profile_id}, token))["jobsCvLink"]["token"]
            got = await client.gql(CV_GET, {"t": link}, token)
            assert base64.b64decode(got["jobsCvDownload"]["contentBase64"]) == PDF
        employer_link = (await client.gql(CV_LINK, {"p": profile_id}, employer)
                         )["jobsCvLink"]["token"]
        stolen = await client.raw(CV_GET, {"t": employer_link}, rival)
        assert stolen["data"] is None
        assert codes(await client.raw(CV_LINK, {"p": profile_id}, rival)) == [
            "PERMISSION_DENIED"]
        assert codes(await client.raw(CV_LINK, {"p": profile_id})) in (
            ["UNAUTHENTICATED"], ["NOT_AUTHENTICATED"])
        not_pdf = await client.gql(CV_UPLOAD, {"c": base64.b64encode(b"MZ...").decode()}, ana)
        assert [e["code"] for e in not_pdf["candidateCvUpload"]["errors"]] == [
            "UNSUPPORTED_FILE"]
        application = (await client.gql(
            "{ myJobApplications { id } }", token=ana))["myJobApplications"][0]["id"]
        await client.gql(MOVE, {"id": application, "s": "WITHDRAWN"}, ana)
        assert codes(await client.raw(CV_LINK, {"p": profile_id}, employer)) == [
            "PERMISSION_DENIED"]  # a withdrawn application ends the employer's access
