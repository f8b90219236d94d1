"""A partner's staff (and operators) add, correct and remove the partner's access points;
staff of another partner, vendors and anonymous visitors cannot."""

from __future__ import annotations

from typing import Any

from engine.plugins.api import encode_id
from engine.testing.client import Client
from tests.plugins.programme.setup import partner, staff

ERR = "errors { field code message }"
POINT = "id partnerId name town country postalCode latitude longitude timeZone " \
        "hours { weekday opens closes } services languages"
CREATE = f"""mutation($p: ID!, $i: AccessPointInput!) {{ accessPointCreate(partnerId: $p,
  input: $i) {{ accessPoint {{ {POINT} }} {ERR} }} }}"""
UPDATE = f"""mutation($id: ID!, $i: AccessPointInput!) {{ accessPointUpdate(id: $id, input: $i)
  {{ accessPoint {{ {POINT} }} {ERR} }} }}"""
DELETE = f"""mutation($id: ID!) {{ accessPointDelete(id: $id) {{ deletedId {ERR} }} }}"""
NEAR = """query($n: NearInput) { accessPoints(near: $n) { name town distanceKm } }"""
LEPE = {"name": "Centro Guadalinfo Lepe", "address": "Calle Real 1", "country": "ES",
        "postalCode": "21440", "hours": {"1": [["09:00", "14:00"]], "3": [["16:00", "20:00"]]},
        "services": ["COMPUTERS", "JOB_SEARCH"], "languages": ["es", "ar", "ro"]}


async def _points(client: Client) -> list[dict[str, Any]]:
    near = {"n": {"country": "ES", "postalCode": "21440"}}
    points: list[dict[str, Any]] = (await client.gql(NEAR, near))["accessPoints"]
    return points


async def test_partner_staff_add_a_point_located_by_its_postal_code_and_found_near_it(
        client: Client) -> None:
    lepe = await partner(client)
    adviser = await staff(client, lepe, "adviser@lepe.example")
    made = (await client.gql(CREATE, {"p": encode_id("Partner", lepe), "i": LEPE},
                             adviser))["accessPointCreate"]
    assert made["errors"] == []
    point = made["accessPoint"]
    assert (point["town"], point["postalCode"], point["timeZone"]) == (
        "Lepe", "21440", "Europe/Madrid")
    assert (round(point["latitude"], 2), round(point["longitude"], 2)) == (37.25, -7.2)
    assert point["hours"] == [{"weekday": 1, "opens": "09:00", "closes": "14:00"},
                              {"weekday": 3, "opens": "16:00", "closes": "20:00"}]
    assert point["services"] == ["COMPUTERS", "JOB_SEARCH"]
    assert point["languages"] == ["es", "ar", "ro"]
    assert [(p["name"], p["distanceKm"]) for p in await _points(client)] == [
        ("Centro Guadalinfo Lepe", 0.0)]


async def test_a_portuguese_point_gets_lisbon_time_and_can_be_moved_and_removed(
        client: Client) -> None:
    faro = await partner(client, "Câmara Municipal de Faro", "PT", "Algarve")
    op = await client.operator()
    made = (await client.gql(CREATE, {"p": encode_id("Partner", faro), "i": {
        "name": "Espaço Internet Faro", "address": "Rua de Santo António 10", "country": "PT",
        "postalCode": "8000 283"}}, op))["accessPointCreate"]
    assert made["errors"] == []
    point = made["accessPoint"]
    assert (point["town"], point["postalCode"], point["timeZone"]) == (
        "Faro", "8000-283", "Europe/Lisbon")
    moved = (await client.gql(UPDATE, {"id": point["id"], "i": {
        "name": "Espaço Internet Olhão", "town": "Olhão", "postalCode": "8700-001",
        "latitude": 37.027, "longitude": -7.841}}, op))["accessPointUpdate"]
    assert moved["errors"] == []
    assert (moved["accessPoint"]["name"], moved["accessPoint"]["town"],
            moved["accessPoint"]["latitude"]) == ("Espaço Internet Olhão", "Olhão", 37.027)
    gone = (await client.gql(DELETE, {"id": point["id"]}, op))["accessPointDelete"]
    assert gone == {"deletedId": point["id"], "errors": []}
    assert await _points(client) == []


async def test_bad_points_get_every_typed_error_and_write_nothing(client: Client) -> None:
    lepe = await partner(client)
    op = await client.operator()
    cases: list[tuple[dict[str, Any], set[tuple[str, str]]]] = [
        ({**LEPE, "postalCode": "99123"}, {("postalCode", "INVALID_POSTAL_CODE")}),
        ({**LEPE, "postalCode": "28001"}, {("postalCode", "UNKNOWN_POSTAL_CODE")}),
        ({**LEPE, "country": "FR"}, {("country", "UNSUPPORTED_COUNTRY")}),
        ({**LEPE, "hours": {"8": [["09:00", "14:00"]]}}, {("hours", "INVALID")}),
        ({**LEPE, "hours": {"1": [["14:00", "09:00"]]}}, {("hours", "INVALID")}),
        ({**LEPE, "hours": ["09:00"]}, {("hours", "INVALID")}),
        ({**LEPE, "timeZone": "Europe/Nowhere"}, {("timeZone", "INVALID")}),
        ({**LEPE, "services": ["COFFEE"]}, {("services", "INVALID")}),
        ({**LEPE, "languages": ["xx1"]}, {("languages", "INVALID")}),
        ({**LEPE, "latitude": 95.0, "longitude": 0.0}, {("latitude", "INVALID")}),
        ({**LEPE, "latitude": 37.0}, {("latitude", "REQUIRED")}),
        ({**LEPE, "name": " ", "services": ["COFFEE"]},
         {("name", "REQUIRED"), ("services", "INVALID")}),
    ]
    for values, expected in cases:
        errors = (await client.gql(CREATE, {"p": encode_id("Partner", lepe), "i": values},
                                   op))["accessPointCreate"]["errors"]
        assert {(e["field"], e["code"]) for e in errors} == expected, values
    assert await _points(client) == []


async def test_errors_come_in_the_staff_members_language(client: Client) -> None:
    lepe = await partner(client)
    adviser = await staff(client, lepe, "adviser@lepe.example")
    await client.gql("""mutation { accountUpdate(input: { languageCode: ES }) {
      errors { code } } }""", token=adviser)
    errors = (await client.gql(CREATE, {"p": encode_id("Partner", lepe), "i": {
        **LEPE, "timeZone": "Mars/Olympus"}}, adviser))["accessPointCreate"]["errors"]
    assert [e["message"] for e in errors] == [
        "Use una zona horaria IANA, p. ej. Europe/Madrid."]


async def test_other_partners_staff_a_vendor_and_anonymous_are_refused(client: Client) -> None:
    lepe = await partner(client)
    almonte = await partner(client, "Ayuntamiento de Almonte")
    own = await staff(client, lepe, "adviser@lepe.example")
    point = (await client.gql(CREATE, {"p": encode_id("Partner", lepe), "i": LEPE},
                              own))["accessPointCreate"]["accessPoint"]
    other = await staff(client, almonte, "adviser@almonte.example")
    vendor, _ = await client.vendor("shop@example.com", "Tienda")
    for token in (other, vendor, None):
        for query, variables in (
                (CREATE, {"p": encode_id("Partner", lepe), "i": LEPE}),
                (UPDATE, {"id": point["id"], "i": {"name": "Hijacked"}}),
                (DELETE, {"id": point["id"]})):
            refused = await client.raw(query, variables, token)
            assert refused["errors"][0]["extensions"]["code"] in {
                "PERMISSION_DENIED", "UNAUTHENTICATED"}, (token, query)
    assert [p["name"] for p in await _points(client)] == ["Centro Guadalinfo Lepe"]
