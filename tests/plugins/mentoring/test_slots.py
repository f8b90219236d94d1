"""Free slots across the Madrid/Lisbon hour and across DST changes (fixed 2030 dates:
summer time starts Sunday 31 March and ends Sunday 27 October 2030)."""

from __future__ import annotations

from tests.client import Client
from tests.plugins.mentoring.test_profiles import SCHEDULE, make_expert, offering

SLOTS = """query($e: ID!, $f: DateTime!, $t: DateTime!, $z: String!) {
  expertSlots(expertId: $e, from: $f, to: $t, timeZone: $z) { startsAt endsAt } }"""
MONDAY_9_TO_10 = [{"weekday": 0, "start": "09:00", "end": "10:00"}]


async def slots(client: Client, expert: str, start: str, end: str, zone: str) -> list[str]:
    data = await client.gql(SLOTS, {"e": expert, "f": start, "t": end, "z": zone})
    return [s["startsAt"] for s in data["expertSlots"]]


async def test_madrid_and_lisbon_plans_are_an_hour_apart_for_any_viewer(client: Client) -> None:
    _, madrid = await make_expert(client, "madrid@example.com", plan=MONDAY_9_TO_10)
    _, lisbon = await make_expert(client, "lisbon@example.com", zone="Europe/Lisbon",
                                  plan=MONDAY_9_TO_10)
    week = ("2030-01-07T00:00:00Z", "2030-01-14T00:00:00Z")
    assert await slots(client, madrid, *week, "Europe/Lisbon") == ["2030-01-07T08:00:00+00:00"]
    assert await slots(client, lisbon, *week, "Europe/Lisbon") == ["2030-01-07T09:00:00+00:00"]
    assert await slots(client, lisbon, *week, "Europe/Madrid") == ["2030-01-07T10:00:00+01:00"]
    assert await slots(client, madrid, *week, "Europe/Madrid") == ["2030-01-07T09:00:00+01:00"]


async def test_a_plan_keeps_its_local_hour_across_the_march_change(client: Client) -> None:
    _, madrid = await make_expert(client, "madrid@example.com", plan=MONDAY_9_TO_10)
    span = ("2030-03-25T00:00:00Z", "2030-04-02T00:00:00Z")
    assert await slots(client, madrid, *span, "UTC") == [
        "2030-03-25T08:00:00+00:00", "2030-04-01T07:00:00+00:00"]
    assert await slots(client, madrid, *span, "Europe/Madrid") == [
        "2030-03-25T09:00:00+01:00", "2030-04-01T09:00:00+02:00"]
    assert await slots(client, madrid, *span, "Europe/Lisbon") == [
        "2030-03-25T08:00:00+00:00", "2030-04-01T08:00:00+01:00"]


async def test_a_plan_keeps_its_local_hour_across_the_october_change(client: Client) -> None:
    _, lisbon = await make_expert(client, "lisbon@example.com", zone="Europe/Lisbon",
                                  plan=MONDAY_9_TO_10)
    span = ("2030-10-21T00:00:00Z", "2030-10-29T00:00:00Z")
    assert await slots(client, lisbon, *span, "UTC") == [
        "2030-10-21T08:00:00+00:00", "2030-10-28T09:00:00+00:00"]
    assert await slots(client, lisbon, *span, "Europe/Madrid") == [
        "2030-10-21T10:00:00+02:00", "2030-10-28T10:00:00+01:00"]


async def test_a_plan_on_the_change_night_skips_the_missing_hour(client: Client) -> None:
    night = [{"weekday": 6, "start": "01:00", "end": "04:00"}]
    _, madrid = await make_expert(client, "night@example.com", plan=night)
    found = await slots(client, madrid, "2030-03-31T00:00:00+01:00", "2030-04-01T00:00:00Z",
                        "Europe/Madrid")
    # 02:00-03:00 does not exist that night: the window 01:00-04:00 local lasts 2 hours
    assert found == ["2030-03-31T01:00:00+01:00", "2030-03-31T03:00:00+02:00"]


async def test_exceptions_buffers_and_booked_sessions_remove_slots(client: Client) -> None:
    token, expert = await make_expert(
        client, "busy@example.com",
        plan=[{"weekday": 0, "start": "09:00", "end": "13:00"}])
    done = await client.gql(
        """mutation($e: ID!) { expertAvailabilitySet(expertId: $e, weeklyPlan: [
          {weekday: 0, start: "09:00", end: "13:00"}], exceptions: [
          {date: "2030-01-14", windows: []},
          {date: "2030-01-21", windows: [{start: "16:00", end: "17:00"}]}],
          bufferMinutes: 30) { errors { code } } }""", {"e": expert}, token)
    assert done["expertAvailabilitySet"]["errors"] == []
    group = await offering(client, token, expert, isGroup=True, seats=5)
    scheduled = await client.gql(SCHEDULE, {"o": group, "s": "2030-01-07T10:00:00+01:00"}, token)
    assert scheduled["sessionSchedule"]["errors"] == []
    found = await slots(client, expert, "2030-01-07T00:00:00Z", "2030-01-22T00:00:00Z",
                        "Europe/Madrid")
    assert found == [
        # 10:00-11:00 is booked; with 30-minute buffers 09:00 and 11:00 are not free
        "2030-01-07T12:00:00+01:00",
        # 14 January is a day off; 21 January only opens 16:00-17:00
        "2030-01-21T16:00:00+01:00"]


async def test_bad_ranges_and_zones_are_refused(client: Client) -> None:
    _, expert = await make_expert(client, "xavier@example.com", plan=MONDAY_9_TO_10)
    body = await client.raw(SLOTS, {"e": expert, "f": "2030-01-01T00:00:00Z",
                                    "t": "2030-06-01T00:00:00Z", "z": "UTC"})
    assert body["errors"][0]["extensions"]["code"] == "INVALID"
    body = await client.raw(SLOTS, {"e": expert, "f": "2030-01-01T00:00:00Z",
                                    "t": "2030-01-02T00:00:00Z", "z": "Nowhere/City"})
    assert body["errors"][0]["extensions"]["code"] == "INVALID_TIME_ZONE"
