"""Access points near a postal code or a point, nearest first; opening hours read in each
point's own time zone."""

from __future__ import annotations

from engine.testing.client import Client
from plugins.programme.towns import locate

NEAR = """query($n: NearInput, $s: AccessService) { accessPoints(near: $n, service: $s) {
  town postalCode distanceKm timeZone openAt(at: "2026-12-02T13:30:00+00:00") } }"""


async def test_access_points_near_21700_and_8000_283_come_nearest_first(
        demo: object, client: Client) -> None:
    huelva = (await client.gql(NEAR, {"n": {"country": "ES", "postalCode": "21700"}}))
    towns = [p["town"] for p in huelva["accessPoints"]]
    assert towns == ["La Palma del Condado", "Almonte", "Palos de la Frontera", "Huelva",
                     "Lepe", "Lepe", "Olhão", "Faro"]
    distances = [p["distanceKm"] for p in huelva["accessPoints"]]
    assert distances == sorted(distances) and distances[0] == 0.0
    faro = await client.gql(NEAR, {"n": {"country": "PT", "postalCode": "8000-283"}})
    assert [p["town"] for p in faro["accessPoints"]] == [
        "Faro", "Olhão", "Lepe", "Lepe", "Huelva", "Palos de la Frontera", "Almonte",
        "La Palma del Condado"]
    assert [round(p["distanceKm"]) for p in faro["accessPoints"]][:2] == [0, 8]
    by_point = await client.gql(NEAR, {"n": {"latitude": 37.25, "longitude": -7.2},
                                       "s": "LANGUAGE_HELP"})
    assert by_point["accessPoints"][0]["town"] == "Lepe"
    assert {p["town"] for p in by_point["accessPoints"]} == {
        "Lepe", "La Palma del Condado", "Faro", "Huelva"}  # only those offering the service


async def test_opening_hours_are_read_in_local_time(demo: object, client: Client) -> None:
    # Wednesday 13:30 UTC is 14:30 in Spain (closed at 14:00) and 13:30 in Faro (open)
    points = (await client.gql(NEAR, {"n": {"country": "PT", "postalCode": "8000"}}))
    open_at = {p["town"]: (p["timeZone"], p["openAt"]) for p in points["accessPoints"]}
    assert open_at["Faro"] == ("Europe/Lisbon", True)
    assert open_at["Lepe"] == ("Europe/Madrid", False)


async def test_postal_codes_fall_back_to_the_province_and_refuse_outside(
        demo: object, client: Client) -> None:
    place = locate("ES", "21610")  # not in the town table: Huelva province
    assert place is not None and place.name == "Huelva (province)"
    fallback = await client.gql(NEAR, {"n": {"country": "PT", "postalCode": "8125-001"}})
    assert fallback["accessPoints"][0]["town"] == "Faro"
    outside = await client.raw(NEAR, {"n": {"country": "ES", "postalCode": "28001"}})
    assert outside["errors"][0]["extensions"]["code"] in {"VALIDATION_ERROR",
                                                          "UNKNOWN_POSTAL_CODE"}


async def test_partners_are_public(demo: object, client: Client) -> None:
    partners = (await client.gql("{ partners { name kind country } }"))["partners"]
    kinds = {p["kind"] for p in partners}
    assert kinds == {"COUNCIL", "NGO", "ASSOCIATION", "BUSINESS_CONFEDERATION"}
    assert {"Ayuntamiento de Lepe", "Câmara Municipal de Faro"} <= {p["name"] for p in partners}
