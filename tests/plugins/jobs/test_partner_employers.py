"""Partner organisations (their staff, known to jobs only through the core hook
``ruta_staff_organisation``, answered by the programme plugin) post job offers, see only
their own offers' applications, and send announcements to their own partner's members."""

from __future__ import annotations

from tests.client import Client
from tests.plugins.jobs.scenario import (
    CREATE,
    ERR,
    MOVE,
    STATUS,
    apply,
    candidate,
    events,
    offer_input,
)
from tests.plugins.jobs.test_announcements import CREATE as ANNOUNCE
from tests.plugins.jobs.test_announcements import SEND, member, pk
from tests.plugins.programme.setup import partner, staff

EMPLOYER = "{ myJobOffers { id partnerId vendorId status } }"
APPLICANTS = "query($o: ID!) { jobOfferApplications(offerId: $o) { id status } }"
HIRED = """{ jobsHired(from: "2000-01-01T00:00:00+00:00", to: "2100-01-01T00:00:00+00:00")
  { count } }"""
WHOLE_ANNOUNCE = f"""mutation($s: SegmentInput!) {{ announcementCreate(kind: "EVENT",
  subject: {{es: "Taller"}}, body: {{es: "Ven"}}, segment: $s) {{
  announcement {{ id }} {ERR} }} }}"""


async def test_partner_staff_post_an_offer_and_manage_only_its_applications(
        client: Client) -> None:
    lepe = await partner(client)
    faro = await partner(client, "Câmara de Faro", "PT", "Algarve")
    adviser = await staff(client, lepe, "adviser@lepe.example")
    other = await staff(client, faro, "adviser@faro.example")
    vendor, _ = await client.vendor("bar@example.com", "Bar")
    made = await client.gql(CREATE, {"i": offer_input("Dinamizador")}, adviser)
    offer_id = made["jobOfferCreate"]["offer"]["id"]
    published = await client.gql(STATUS, {"id": offer_id, "s": "PUBLISHED"}, adviser)
    assert published["jobOfferSetStatus"]["offer"]["status"] == "PUBLISHED"
    mine = (await client.gql(EMPLOYER, token=adviser))["myJobOffers"]
    assert [(o["id"], o["vendorId"], o["status"]) for o in mine] == [
        (offer_id, None, "PUBLISHED")] and mine[0]["partnerId"]
    assert (await client.gql(EMPLOYER, token=other))["myJobOffers"] == []
    ana = await candidate(client, "ana@example.com")
    application = await apply(client, ana, offer_id)
    assert [a["id"] for a in (await client.gql(APPLICANTS, {"o": offer_id}, adviser)
                              )["jobOfferApplications"]] == [application]
    for stranger in (other, vendor):
        refused = await client.raw(APPLICANTS, {"o": offer_id}, stranger)
        assert refused["errors"], refused
        moved = await client.raw(MOVE, {"id": application, "s": "SHORTLISTED"}, stranger)
        assert moved.get("errors") or moved["data"]["jobApplicationSetStatus"]["errors"], moved
    for status in ("SHORTLISTED", "OFFERED", "HIRED"):
        done = await client.gql(MOVE, {"id": application, "s": status}, adviser)
        assert done["jobApplicationSetStatus"]["errors"] == [], done
    op = await client.operator()
    # a partner's hire is in the history but not a programme business's job
    assert (await client.gql(HIRED, token=op))["jobsHired"]["count"] == 0


async def test_partner_staff_announce_only_to_their_partners_members(client: Client) -> None:
    lepe = await partner(client)
    adviser = await staff(client, lepe, "adviser@lepe.example")
    ours = await member(client, "ours@example.com", language="ES",
                        partner="Ayuntamiento de Lepe")
    await member(client, "theirs@example.com", language="ES", partner="Câmara de Faro")
    refused = await client.raw(ANNOUNCE, {"s": {"partner": "Câmara de Faro"}}, adviser)
    assert refused["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    created = await client.gql(WHOLE_ANNOUNCE, {"s": {}}, adviser)
    ann = created["announcementCreate"]["announcement"]["id"]
    sent = await client.gql(SEND, {"id": ann}, adviser)
    assert sent["announcementSend"]["announcement"] == {"status": "SENT", "recipients": 1}
    queued = await events(client, "ruta_announcement_queued")
    assert [e["user_id"] for e in queued] == [pk(ours)]
    nobody = await client.register("someone@example.com")
    assert (await client.raw(WHOLE_ANNOUNCE, {"s": {}}, nobody))["errors"][0][
        "extensions"]["code"] == "PERMISSION_DENIED"

