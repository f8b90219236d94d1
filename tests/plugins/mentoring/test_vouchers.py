"""Completing a course (``ruta_course_completed``, recorded by another plugin) grants a
voucher for a free session with an expert on the course's topics, once per event."""

from __future__ import annotations

from datetime import UTC, datetime

from engine.plugins.api import decode_id, record_event
from plugins.mentoring import vouchers
from tests.client import Client
from tests.plugins.mentoring.test_bookings import next_monday_10
from tests.plugins.mentoring.test_profiles import (
    BOOK,
    WEEKDAYS_9_TO_13,
    make_expert,
    offering,
    tags,
)

VOUCHERS = "{ myMentoringVouchers { id topics discountPercent redeemed } }"


async def complete_course(client: Client, user_id: int, topics: list[str]) -> None:
    async with client.runtime.transaction() as session:
        await record_event(session, client.runtime.plugins, "ruta_course_completed",
                           user_id=user_id, product_id=77, topics=topics)
    await client.runtime.dispatcher.drain()  # type: ignore[union-attr]


async def test_a_completed_course_pays_for_a_session_with_a_matching_expert(
        client: Client) -> None:
    await tags(client, await client.operator(), "funding", "legal")
    token, expert = await make_expert(client, "adv@example.com", tags_=["funding"],
                                      plan=WEEKDAYS_9_TO_13)
    _, lawyer = await make_expert(client, "law@example.com", tags_=["legal"],
                                  plan=WEEKDAYS_9_TO_13)
    paid = await offering(client, token, expert, price="30.00")
    learner = await client.register("learner@example.com")
    learner_id = decode_id((await client.gql("{ me { id } }", token=learner))["me"]["id"],
                           "User")
    await complete_course(client, learner_id, ["Funding"])
    await complete_course(client, learner_id, ["pottery"])  # no expert on it: no voucher
    (voucher,) = (await client.gql(VOUCHERS, token=learner))["myMentoringVouchers"]
    assert (voucher["topics"], voucher["discountPercent"], voucher["redeemed"]) == (
        ["funding"], 100, False)
    start = await next_monday_10()
    without = await client.gql(BOOK, {"o": paid, "s": start}, learner)
    assert without["sessionBook"]["errors"][0]["code"] == "PAYMENT_REQUIRED"
    lawyer_offer = await offering(client, (await client.login("law@example.com")), lawyer,
                                  price="30.00")
    wrong = await client.gql(BOOK, {"o": lawyer_offer, "s": start, "v": voucher["id"]},
                             learner)
    assert wrong["sessionBook"]["errors"][0]["code"] == "VOUCHER_NOT_APPLICABLE"
    booked = await client.gql(BOOK, {"o": paid, "s": start, "v": voucher["id"]}, learner)
    booking = booked["sessionBook"]["booking"]
    assert (booking["status"], booking["price"]["amount"]) == ("CONFIRMED", "0.00")
    reused = await client.gql(BOOK, {"o": paid, "s": start.replace("T10", "T11"),
                                     "v": voucher["id"]}, learner)
    assert reused["sessionBook"]["errors"][0]["code"] == "VOUCHER_USED"
    someone = await client.register("someone@example.com")
    stolen = await client.gql(BOOK, {"o": paid, "s": start.replace("T10", "T12"),
                                     "v": voucher["id"]}, someone)
    assert stolen["sessionBook"]["errors"][0]["code"] == "NOT_FOUND"


async def test_a_redelivered_event_grants_one_voucher(client: Client) -> None:
    await tags(client, await client.operator(), "funding")
    await make_expert(client, "adv@example.com", tags_=["funding"])
    learner = await client.register("learner@example.com")
    learner_id = decode_id((await client.gql("{ me { id } }", token=learner))["me"]["id"],
                           "User")
    now = datetime.now(UTC)
    first = await vouchers.grant(client.runtime, 9001, learner_id, 77, ["funding"], now)
    again = await vouchers.grant(client.runtime, 9001, learner_id, 77, ["funding"], now)
    assert (first, again) == (True, False)
    assert len((await client.gql(VOUCHERS, token=learner))["myMentoringVouchers"]) == 1
