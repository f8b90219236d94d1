"""Expert profiles and the managed tag taxonomy, through the GraphQL API.

Also holds the small scenario helpers the other mentoring tests import.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import update

from engine.plugins.api import decode_id
from plugins.mentoring.models import Expert
from tests.client import Client

ERR = "errors { field code message }"
EXPERT_FIELDS = """id kind displayName tags languages legalSystems timeZone capacity
  activeMentees verified rating vendorId bioEs: bio(languageCode: ES) bioPt: bio(languageCode: PT)
  bioFr: bio(languageCode: FR)"""
CREATE = f"""mutation($i: ExpertInput!, $u: ID) {{ expertCreate(input: $i, userId: $u) {{
  expert {{ {EXPERT_FIELDS} }} {ERR} }} }}"""
UPDATE = f"""mutation($id: ID!, $i: ExpertInput!) {{ expertUpdate(id: $id, input: $i) {{
  expert {{ {EXPERT_FIELDS} }} {ERR} }} }}"""
VERIFY = f"""mutation($id: ID!, $v: Boolean!) {{ expertVerify(id: $id, verified: $v) {{
  expert {{ verified }} {ERR} }} }}"""
TAG = f"""mutation($c: String!, $l: TranslatedTextInput!) {{ expertiseTagCreate(code: $c,
  label: $l) {{ tag {{ code labelEs }} {ERR} }} }}"""
AVAILABILITY = f"""mutation($e: ID!, $w: [WeeklyWindowInput!]!, $x: [DateExceptionInput!],
  $b: Int! = 0, $n: Int! = 0) {{ expertAvailabilitySet(expertId: $e, weeklyPlan: $w,
  exceptions: $x, bufferMinutes: $b, minNoticeMinutes: $n) {{ expert {{ id }} {ERR} }} }}"""
OFFERING = f"""mutation($i: OfferingInput!) {{ offeringCreate(input: $i) {{
  offering {{ id isFree seats }} {ERR} }} }}"""
SCHEDULE = f"""mutation($o: ID!, $s: DateTime!) {{ sessionSchedule(offeringId: $o, startsAt: $s)
  {{ session {{ id startsAt seats seatsTaken }} {ERR} }} }}"""
BOOKING_FIELDS = """id status sequence price { amount } feeCharged { amount }
  refundAmount { amount } session { id startsAt seatsTaken } ics"""
BOOK = f"""mutation($o: ID!, $s: DateTime!, $v: ID) {{ sessionBook(offeringId: $o, startsAt: $s,
  voucherId: $v) {{ booking {{ {BOOKING_FIELDS} }} {ERR} }} }}"""
CANCEL = f"""mutation($id: ID!) {{ bookingCancel(id: $id) {{ booking {{ {BOOKING_FIELDS} }}
  {ERR} }} }}"""

WEEKDAYS_9_TO_13 = [{"weekday": d, "start": "09:00", "end": "13:00"} for d in range(5)]


async def tags(client: Client, operator: str, *codes: str) -> None:
    for code in codes:
        data = await client.gql(TAG, {"c": code, "l": {"es": code.upper(), "en": code}},
                                operator)
        assert data["expertiseTagCreate"]["errors"] == [], data


async def make_expert(client: Client, email: str, *, kind: str = "MENTOR",
                      tags_: list[str] | None = None, languages: list[str] | None = None,
                      legal: list[str] | None = None, zone: str = "Europe/Madrid",
                      capacity: int = 3, plan: list[dict[str, Any]] | None = None,
                      verified: bool = True, **extra: Any) -> tuple[str, str]:
    """Register ``email`` and give them an expert profile, verified by an operator unless
    ``verified`` is False; returns (token, expert id)."""
    token = await client.register(email)
    data = await client.gql(CREATE, {"i": {
        "kind": kind, "displayName": email.split("@")[0].title(), "tags": tags_ or [],
        "languages": languages or ["ES"], "legalSystems": legal or ["ES"], "timeZone": zone,
        "capacity": capacity, **extra}}, token)
    assert data["expertCreate"]["errors"] == [], data
    expert_id: str = data["expertCreate"]["expert"]["id"]
    if verified:
        await mark_verified(client, expert_id)
    if plan is not None:
        done = await client.gql(AVAILABILITY, {"e": expert_id, "w": plan}, token)
        assert done["expertAvailabilitySet"]["errors"] == [], done
    return token, expert_id


async def mark_verified(client: Client, expert_id: str, verified: bool = True) -> None:
    """What ``expertVerify`` by an operator does, without registering one."""
    async with client.runtime.db.write() as session:
        await session.execute(update(Expert).where(
            Expert.id == decode_id(expert_id, "Expert")).values(verified=verified))


async def offering(client: Client, token: str, expert_id: str, **given: Any) -> str:
    data = await client.gql(OFFERING, {"i": {"expertId": expert_id, "title": "Consulta",
                                             "durationMinutes": 60, "price": "0", **given}},
                            token)
    assert data["offeringCreate"]["errors"] == [], data
    offering_id: str = data["offeringCreate"]["offering"]["id"]
    return offering_id


# --- tests -------------------------------------------------------------------------------


async def test_an_expert_profile_with_taxonomy_tags_languages_and_translated_bio(
        client: Client) -> None:
    operator = await client.operator()
    await tags(client, operator, "funding", "export")
    token = await client.register("ana@example.com")
    data = await client.gql(CREATE, {"i": {
        "kind": "FUNDING", "displayName": "Ana Funding", "tags": ["funding", "export"],
        "languages": ["ES", "PT"], "legalSystems": ["ES", "PT"], "timeZone": "Europe/Lisbon",
        "capacity": 4, "bio": {"es": "Asesora de financiación", "pt": "Consultora"}}}, token)
    expert = data["expertCreate"]["expert"]
    assert data["expertCreate"]["errors"] == []
    assert (expert["kind"], expert["tags"], expert["legalSystems"]) == (
        "FUNDING", ["export", "funding"], ["ES", "PT"])
    assert (expert["bioEs"], expert["bioPt"], expert["bioFr"]) == (
        "Asesora de financiación", "Consultora", "Asesora de financiación")
    assert expert["verified"] is False
    listed = await client.gql("{ experts(tag: \"export\") { id } expertiseTags { code } }")
    assert listed["experts"] == []  # unverified experts are not listed publicly
    await client.gql(VERIFY, {"id": expert["id"], "v": True}, operator)
    listed = await client.gql("{ experts(tag: \"export\") { id } expertiseTags { code } }")
    assert listed["experts"] == [{"id": expert["id"]}]
    assert [t["code"] for t in listed["expertiseTags"]] == ["export", "funding"]


async def test_bad_profile_input_is_refused_with_typed_errors_and_nothing_written(
        client: Client) -> None:
    token = await client.register("bad@example.com")
    data = await client.gql(CREATE, {"i": {
        "kind": "LEGAL", "displayName": "Bad", "tags": ["astrology"], "languages": ["FR"],
        "legalSystems": ["FR"], "timeZone": "Mars/Olympus", "capacity": -1}}, token)
    codes = {(e["field"], e["code"]) for e in data["expertCreate"]["errors"]}
    assert codes == {("tags", "UNKNOWN_TAG"), ("languages", "INVALID"),
                     ("legalSystems", "INVALID"), ("timeZone", "INVALID_TIME_ZONE"),
                     ("capacity", "INVALID")}
    assert (await client.gql("{ experts { id } }"))["experts"] == []


async def test_only_operators_manage_tags_and_the_verified_flag(client: Client) -> None:
    token, expert_id = await make_expert(client, "bob@example.com")
    refused = await client.raw(TAG, {"c": "law", "l": {"en": "Law"}}, token)
    assert refused["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    self_verify = await client.raw(VERIFY, {"id": expert_id, "v": True}, token)
    assert self_verify["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    anonymous = await client.raw(CREATE, {"i": {"kind": "MENTOR", "displayName": "X",
                                               "timeZone": "UTC"}})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    operator = await client.operator()
    data = await client.gql(VERIFY, {"id": expert_id, "v": True}, operator)
    assert data["expertVerify"]["expert"]["verified"] is True


async def test_experts_edit_their_own_profile_and_nobody_elses(client: Client) -> None:
    token, expert_id = await make_expert(client, "carla@example.com")
    other = await client.register("other@example.com")
    refused = await client.raw(UPDATE, {"id": expert_id, "i": {"capacity": 9}}, other)
    assert refused["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    data = await client.gql(UPDATE, {"id": expert_id, "i": {"capacity": 9,
                                                            "timeZone": "Europe/Lisbon"}}, token)
    assert (data["expertUpdate"]["expert"]["capacity"],
            data["expertUpdate"]["expert"]["timeZone"]) == (9, "Europe/Lisbon")


async def test_a_firms_staff_attach_and_manage_its_experts(client: Client) -> None:
    staff, vendor_id = await client.vendor("firm@example.com", "Abogados SL")
    token = await client.register("lawyer@example.com")
    outsider = await client.raw(CREATE, {"i": {"kind": "LEGAL", "displayName": "Lawyer",
                                               "timeZone": "Europe/Madrid",
                                               "vendorId": vendor_id}}, token)
    assert outsider["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    operator = await client.operator()
    user_id = (await client.gql("{ me { id } }", token=token))["me"]["id"]
    created = await client.gql(CREATE, {"i": {"kind": "LEGAL", "displayName": "Lawyer",
                                              "timeZone": "Europe/Madrid",
                                              "vendorId": vendor_id}, "u": user_id}, operator)
    expert = created["expertCreate"]["expert"]
    assert expert["vendorId"] == vendor_id
    data = await client.gql(UPDATE, {"id": expert["id"], "i": {"displayName": "Lda. Ruiz"}},
                            staff)
    assert data["expertUpdate"]["expert"]["displayName"] == "Lda. Ruiz"
