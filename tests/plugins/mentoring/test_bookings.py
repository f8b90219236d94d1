"""Free bookings under concurrency, waitlists, the cancellation policy (paid sessions sold
through the core checkout), rescheduling and the attendee's calendar file."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import icalendar

from engine.plugins.api import decode_id
from tests.client import Client
from tests.plugins.mentoring.test_profiles import (
    BOOK,
    BOOKING_FIELDS,
    CANCEL,
    ERR,
    SCHEDULE,
    WEEKDAYS_9_TO_13,
    make_expert,
    offering,
)
from tests.shop import ADDRESS, COMPLETE, CREATE

RESCHEDULE = f"""mutation($id: ID!, $s: DateTime!) {{ bookingReschedule(id: $id, startsAt: $s)
  {{ booking {{ {BOOKING_FIELDS} }} {ERR} }} }}"""
PAID = "mutation($id: ID!) { orderMarkPaid(id: $id) { order { status } errors { code } } }"
MINE = f"{{ myMentoringBookings {{ {BOOKING_FIELDS} }} }}"


def soon(hours: float) -> str:
    start = datetime.now(UTC).replace(microsecond=0, second=0) + timedelta(hours=hours)
    return start.isoformat()


async def next_monday_10(zone_offset: str = "+01:00") -> str:
    today = datetime.now(UTC).date()
    monday = today + timedelta(days=7 - today.weekday() + 7)
    return f"{monday.isoformat()}T10:00:00{zone_offset}"


async def test_twenty_buyers_of_the_last_seat_one_gets_it_the_rest_wait(client: Client) -> None:
    token, expert = await make_expert(client, "group@example.com")
    group = await offering(client, token, expert, isGroup=True, seats=3, title="Taller")
    start = soon(72)
    session = (await client.gql(SCHEDULE, {"o": group, "s": start}, token)
               )["sessionSchedule"]["session"]
    early = [await client.register(f"early{i}@example.com") for i in range(2)]
    for buyer in early:
        data = await client.gql(BOOK, {"o": group, "s": start}, buyer)
        assert data["sessionBook"]["booking"]["status"] == "CONFIRMED"
    late = [await client.register(f"late{i}@example.com") for i in range(20)]
    results = await asyncio.gather(*(client.gql(BOOK, {"o": group, "s": start}, t)
                                     for t in late))
    statuses = sorted(r["sessionBook"]["booking"]["status"] for r in results)
    assert statuses == ["CONFIRMED"] + ["WAITLISTED"] * 19
    seats = await client.gql("query($o: ID!) { offeringSessions(offeringId: $o) { id seats "
                             "seatsTaken } }", {"o": group})
    assert seats["offeringSessions"] == [{"id": session["id"], "seats": 3, "seatsTaken": 3}]
    # the first of the waitlist moves up when a seat is freed
    first_waiting = min(
        (decode_id(r["sessionBook"]["booking"]["id"], "MentoringBooking"), t)
        for r, t in zip(results, late, strict=True)
        if r["sessionBook"]["booking"]["status"] == "WAITLISTED")
    mine = (await client.gql(MINE, token=early[0]))["myMentoringBookings"][0]
    cancelled = await client.gql(CANCEL, {"id": mine["id"]}, early[0])
    assert cancelled["bookingCancel"]["booking"]["status"] == "CANCELLED_BY_ATTENDEE"
    promoted = (await client.gql(MINE, token=first_waiting[1]))["myMentoringBookings"][0]
    assert (promoted["status"], promoted["session"]["seatsTaken"]) == ("CONFIRMED", 3)


async def test_twenty_bookings_of_one_individual_slot_only_one_succeeds(client: Client) -> None:
    token, expert = await make_expert(client, "solo@example.com", plan=WEEKDAYS_9_TO_13)
    single = await offering(client, token, expert)
    start = await next_monday_10()
    buyers = [await client.register(f"b{i}@example.com") for i in range(20)]
    results = await asyncio.gather(*(client.gql(BOOK, {"o": single, "s": start}, t)
                                     for t in buyers))
    booked = [r for r in results if r["sessionBook"]["booking"]]
    refused = {e["code"] for r in results for e in r["sessionBook"]["errors"]}
    assert len(booked) == 1
    assert refused == {"SLOT_TAKEN"}
    outside = await client.gql(BOOK, {"o": single, "s": start.replace("T10", "T15")}, buyers[0])
    assert outside["sessionBook"]["errors"][0]["code"] == "SLOT_UNAVAILABLE"


async def paid_session(client: Client, hours_ahead: float, buyer: str
                       ) -> tuple[str, str, dict[str, Any]]:
    """A 40.00 EUR session (free cancel until 24 h before, then a 25% fee), bought by
    ``buyer`` through the core checkout; returns (expert token, session id, booking)."""
    staff, vendor = await client.vendor(f"firm{hours_ahead}@example.com", "Asesoria SL")
    created = await client.gql("""mutation($i: ExpertInput!) { expertCreate(input: $i) {
      expert { id } errors { code } } }""", {"i": {
        "kind": "LEGAL", "displayName": "Asesora", "timeZone": "Europe/Madrid",
        "vendorId": vendor}}, staff)
    expert = created["expertCreate"]["expert"]["id"]
    paid = await offering(client, staff, expert, price="40.00", freeCancelHours=24,
                          cancelFeePercent=25)
    start = soon(hours_ahead)
    session = (await client.gql(SCHEDULE, {"o": paid, "s": start}, staff)
               )["sessionSchedule"]["session"]
    product = (await client.gql(
        "mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { id } } }",
        {"i": {"name": "Consulta legal", "kind": "SERVICE", "isPublished": True}}, staff)
               )["productCreate"]["product"]["id"]
    end = (datetime.fromisoformat(start) + timedelta(hours=1)).isoformat()
    variant = (await client.gql(
        """mutation($i: ProductVariantCreateInput!) { productVariantCreate(input: $i) {
        variant { id } errors { code } } }""", {"i": {
            "productId": product, "sku": f"CONSULTA-{hours_ahead}", "price": "40.00",
            "startsAt": start, "endsAt": end, "capacity": 1}}, staff)
               )["productVariantCreate"]["variant"]["id"]
    linked = await client.gql(f"""mutation($s: ID!, $v: ID!) {{ offeringSlotLink(sessionId: $s,
      variantId: $v) {{ session {{ variantId }} {ERR} }} }}""",
                              {"s": session["id"], "v": variant}, staff)
    assert linked["offeringSlotLink"]["session"]["variantId"] == variant, linked
    free_attempt = await client.gql(BOOK, {"o": paid, "s": start}, buyer)
    assert free_attempt["sessionBook"]["errors"][0]["code"] == "PAYMENT_REQUIRED"
    checkout = (await client.gql(CREATE, {"i": {
        "email": "buyer@example.com", "lines": [{"variantId": variant, "quantity": 1}],
        "billingAddress": ADDRESS}},
                                 buyer))["checkoutCreate"]["checkout"]
    completed = await client.gql(COMPLETE, {"id": checkout["id"]}, buyer)
    order = completed["checkoutComplete"]["order"]
    assert order is not None, completed
    operator = await client.operator(f"op{hours_ahead}@example.com")
    assert (await client.gql(PAID, {"id": order["id"]}, operator)
            )["orderMarkPaid"]["order"]["status"] == "PAID"
    await client.runtime.dispatcher.drain()  # type: ignore[union-attr]
    (booking,) = (await client.gql(MINE, token=buyer))["myMentoringBookings"]
    assert (booking["status"], booking["price"]["amount"]) == ("CONFIRMED", "40.00")
    return staff, session["id"], booking


async def test_cancelling_inside_the_window_charges_the_policy_fee(client: Client) -> None:
    buyer = await client.register("buyer@example.com")
    _, _, booking = await paid_session(client, 10, buyer)
    data = await client.gql(CANCEL, {"id": booking["id"]}, buyer)
    cancelled = data["bookingCancel"]["booking"]
    assert (cancelled["feeCharged"]["amount"], cancelled["refundAmount"]["amount"]) == (
        "10.00", "30.00")


async def test_cancelling_before_the_window_refunds_everything(client: Client) -> None:
    buyer = await client.register("buyer@example.com")
    _, _, booking = await paid_session(client, 72, buyer)
    data = await client.gql(CANCEL, {"id": booking["id"]}, buyer)
    cancelled = data["bookingCancel"]["booking"]
    assert (cancelled["feeCharged"]["amount"], cancelled["refundAmount"]["amount"]) == (
        "0.00", "40.00")
    again = await client.gql(CANCEL, {"id": booking["id"]}, buyer)
    assert again["bookingCancel"]["errors"][0]["code"] == "ALREADY_CANCELLED"


async def test_the_expert_cancelling_refunds_in_full_even_at_the_last_minute(
        client: Client) -> None:
    buyer = await client.register("buyer@example.com")
    staff, session_id, booking = await paid_session(client, 2, buyer)
    stranger = await client.register("stranger@example.com")
    cancel = f"""mutation($id: ID!) {{ sessionCancel(id: $id) {{ session {{ status }} {ERR} }} }}"""
    refused = await client.raw(cancel, {"id": session_id}, stranger)
    assert refused["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    other = await client.raw(CANCEL, {"id": booking["id"]}, stranger)
    assert other["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    data = await client.gql(cancel, {"id": session_id}, staff)
    assert data["sessionCancel"]["session"]["status"] == "CANCELLED"
    (after,) = (await client.gql(MINE, token=buyer))["myMentoringBookings"]
    assert (after["status"], after["feeCharged"]["amount"], after["refundAmount"]["amount"]) \
        == ("CANCELLED_BY_EXPERT", "0.00", "40.00")


async def test_the_calendar_file_keeps_its_uid_and_counts_changes_in_the_attendees_language(
        client: Client) -> None:
    token, expert = await make_expert(client, "cal@example.com", plan=WEEKDAYS_9_TO_13)
    single = await offering(client, token, expert, title="Plan de negocio")
    data = await client.gql("""mutation { accountRegister(input: {email: "lu@example.com",
      password: "correct-horse-battery", languageCode: PT}) { errors { code } } }""")
    assert data["accountRegister"]["errors"] == []
    buyer = await client.login("lu@example.com")
    start = await next_monday_10()
    booked = (await client.gql(BOOK, {"o": single, "s": start}, buyer))["sessionBook"]["booking"]
    first = icalendar.Calendar.from_ical(booked["ics"]).walk("VEVENT")[0]
    assert str(first["SUMMARY"]) == "Sessão com Cal"
    assert first["SEQUENCE"] == 0
    moved_to = start.replace("T10", "T12")
    moved = (await client.gql(RESCHEDULE, {"id": booked["id"], "s": moved_to}, buyer)
             )["bookingReschedule"]["booking"]
    second = icalendar.Calendar.from_ical(moved["ics"]).walk("VEVENT")[0]
    assert second["UID"] == first["UID"]
    assert second["SEQUENCE"] == 1
    assert second["DTSTART"].dt == datetime.fromisoformat(moved_to)
    cancelled = (await client.gql(CANCEL, {"id": booked["id"]}, buyer))["bookingCancel"]["booking"]
    third = icalendar.Calendar.from_ical(cancelled["ics"])
    event = third.walk("VEVENT")[0]
    assert (event["UID"], event["SEQUENCE"], str(event["STATUS"]), str(third["METHOD"])) == (
        first["UID"], 2, "CANCELLED", "CANCEL")
