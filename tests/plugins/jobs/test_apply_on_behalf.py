"""Partner staff apply to an offer for a person who consented to their managing the
profile; without that consent (or once withdrawn) they cannot; the staff list of assisted
candidates follows the consents."""

from __future__ import annotations

from tests.client import Client
from tests.plugins.jobs.scenario import ERR, PROFILE, offer, user_id

GRANT = f"""mutation($s: ID!) {{ profileConsentGrant(staffUserId: $s) {{ consent {{ id }}
  {ERR} }} }}"""
WITHDRAW = f"""mutation($id: ID!) {{ profileConsentWithdraw(id: $id) {{ {ERR} }} }}"""
APPLY_FOR = f"""mutation($o: ID!, $u: ID) {{ jobApply(offerId: $o, language: "PT",
  message: "Olá, tenho experiência.", userId: $u) {{ application {{ id status language
  candidate {{ displayName }} }} {ERR} }} }}"""
ASSISTED = "{ assistedCandidates { userId email hasProfile } }"
MINE = "{ myJobApplications { status language } }"
APPLICANTS = "query($o: ID!) { jobOfferApplications(offerId: $o) { status } }"


async def test_staff_apply_for_a_consenting_person_and_lose_the_right_on_withdrawal(
        client: Client) -> None:
    employer, _ = await client.vendor("rh@empresa.example", "Empresa")
    offer_id = await offer(client, employer)
    joana = await client.register("joana@example.com")
    adviser = await client.register("adviser@faro.example")
    joana_id, adviser_id = await user_id(client, joana), await user_id(client, adviser)
    refused = await client.raw(APPLY_FOR, {"o": offer_id, "u": joana_id}, adviser)
    assert refused["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    grant = (await client.gql(GRANT, {"s": adviser_id}, joana))["profileConsentGrant"]
    assert (await client.gql(ASSISTED, token=adviser))["assistedCandidates"] == [
        {"userId": joana_id, "email": "joana@example.com", "hasProfile": False}]
    no_profile = await client.gql(APPLY_FOR, {"o": offer_id, "u": joana_id}, adviser)
    assert [e["code"] for e in no_profile["jobApply"]["errors"]] == ["NO_PROFILE"]
    saved = await client.gql(PROFILE, {"i": {"displayName": "Joana", "languages": [
        {"code": "PT", "level": "NATIVE"}], "workPermit": "YES"}, "u": joana_id}, adviser)
    assert saved["candidateProfileSave"]["errors"] == []
    applied = await client.gql(APPLY_FOR, {"o": offer_id, "u": joana_id}, adviser)
    assert applied["jobApply"]["application"]["candidate"] == {"displayName": "Joana"}
    assert (await client.gql(MINE, token=joana))["myJobApplications"] == [
        {"status": "RECEIVED", "language": "PT"}]
    assert (await client.gql(MINE, token=adviser))["myJobApplications"] == []
    assert (await client.gql(APPLICANTS, {"o": offer_id}, employer)
            )["jobOfferApplications"] == [{"status": "RECEIVED"}]
    await client.gql(WITHDRAW, {"id": grant["consent"]["id"]}, joana)
    assert (await client.gql(ASSISTED, token=adviser))["assistedCandidates"] == []
    other_offer = await offer(client, employer, title="Cozinheiro")
    after = await client.raw(APPLY_FOR, {"o": other_offer, "u": joana_id}, adviser)
    assert after["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
