"""Partner staff edit a person's profile only with that person's recorded consent;
withdrawing it ends their access at once."""

from __future__ import annotations

from tests.client import Client
from tests.plugins.jobs.scenario import ERR, PROFILE, user_id

GRANT = f"""mutation($s: ID!) {{ profileConsentGrant(staffUserId: $s) {{ consent {{ id
  withdrawnAt }} {ERR} }} }}"""
WITHDRAW = f"""mutation($id: ID!) {{ profileConsentWithdraw(id: $id) {{ consent {{ id
  withdrawnAt }} {ERR} }} }}"""
READ = "query($u: ID) { candidateProfile(userId: $u) { displayName workPermit } }"
INPUT = {"displayName": "Fatou", "workPermit": "IN_PROGRESS",
         "languages": [{"code": "FR", "level": "NATIVE"}, {"code": "ES", "level": "A2"}]}


async def test_staff_edit_only_with_consent_and_withdrawal_ends_it_at_once(
        client: Client) -> None:
    fatou = await client.register("fatou@example.com")
    adviser = await client.register("adviser@partner.example")
    other = await client.register("other@partner.example")
    fatou_id, adviser_id = await user_id(client, fatou), await user_id(client, adviser)
    before = await client.raw(PROFILE, {"i": INPUT, "u": fatou_id}, adviser)
    assert before["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    granted = await client.gql(GRANT, {"s": adviser_id}, fatou)
    grant_id = granted["profileConsentGrant"]["consent"]["id"]
    created = await client.gql(PROFILE, {"i": INPUT, "u": fatou_id}, adviser)
    assert created["candidateProfileSave"]["profile"]["displayName"] == "Fatou"
    assert (await client.gql(READ, {"u": fatou_id}, fatou))["candidateProfile"] == {
        "displayName": "Fatou", "workPermit": "IN_PROGRESS"}
    stranger = await client.raw(READ, {"u": fatou_id}, other)
    assert stranger["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    not_hers = await client.gql(WITHDRAW, {"id": grant_id}, adviser)
    assert [e["code"] for e in not_hers["profileConsentWithdraw"]["errors"]] == ["NOT_FOUND"]
    withdrawn = await client.gql(WITHDRAW, {"id": grant_id}, fatou)
    assert withdrawn["profileConsentWithdraw"]["consent"]["withdrawnAt"] is not None
    for query, variables in ((PROFILE, {"i": INPUT, "u": fatou_id}), (READ, {"u": fatou_id})):
        after = await client.raw(query, variables, adviser)
        assert after["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


async def test_a_work_permit_is_a_declaration_never_a_document(client: Client) -> None:
    token = await client.register("ana@example.com")
    bad = await client.gql(PROFILE, {"i": {"displayName": "Ana", "workPermit": "PASSPORT"}},
                           token)
    assert [e["code"] for e in bad["candidateProfileSave"]["errors"]] == ["INVALID"]
    assert (await client.gql(READ, {"u": None}, token))["candidateProfile"] is None
