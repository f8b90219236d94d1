"""Paid sessions end to end: made bookable in one mutation, cancelled with the fee and the
refund moved through the core's refund, and a waitlist for sold-out paid group sessions."""

from __future__ import annotations

from typing import Any

from tests.client import Client
from tests.plugins.mentoring.test_bookings import MINE, PAID, soon
from tests.plugins.mentoring.test_profiles import BOOK, CANCEL, ERR, offering
from tests.shop import ADDRESS, COMPLETE, CREATE

SELL = f"""mutation($o: ID!, $p: ID!, $s: DateTime!) {{ offeringSessionSell(offeringId: $o,
  productId: $p, startsAt: $s) {{ session {{ id startsAt endsAt seats variantId }} {ERR} }} }}"""
PRODUCT = """mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { id } } }"""
VARIANTS = """query($id: ID!) { product(id: $id) { variants { id price { amount } startsAt
  endsAt capacity quantityAvailable } } }"""
BALANCE = """{ myVendor { balance { sales { amount } refunded { amount } owed { amount } } } }"""
ORDER = "query($id: ID!) { order(id: $id) { status } }"


async def firm(client: Client, email: str, **kind: Any) -> tuple[str, str, str, str]:
    """A firm with an expert, a paid offering and a SERVICE product:
    (staff token, expert id, offering id, product id)."""
    staff, vendor = await client.vendor(email, "Asesoria SL")
    expert = (await client.gql("""mutation($i: ExpertInput!) { expertCreate(input: $i) {
      expert { id } } }""", {"i": {"kind": "LEGAL", "displayName": "Asesora",
                                   "timeZone": "Europe/Madrid", "vendorId": vendor}},
                               staff))["expertCreate"]["expert"]["id"]
    paid = await offering(client, staff, expert, price="40.00", freeCancelHours=24,
                          cancelFeePercent=25, **kind)
    product = (await client.gql(PRODUCT, {"i": {"name": "Consulta", "kind": "SERVICE",
                                                "isPublished": True}}, staff)
               )["productCreate"]["product"]["id"]
    return staff, expert, paid, product


async def buy(client: Client, buyer: str, variant: str, email: str) -> str:
    checkout = (await client.gql(CREATE, {"i": {
        "email": email, "lines": [{"variantId": variant, "quantity": 1}],
        "billingAddress": ADDRESS}}, buyer))["checkoutCreate"]["checkout"]
    completed = await client.gql(COMPLETE, {"id": checkout["id"]}, buyer)
    order = completed["checkoutComplete"]["order"]
    assert order is not None, completed
    operator = await client.operator("op@example.com")
    paid = await client.gql(PAID, {"id": order["id"]}, operator)
    assert paid["orderMarkPaid"]["order"]["status"] == "PAID", paid
    await client.runtime.dispatcher.drain()  # type: ignore[union-attr]
    return str(order["id"])


async def test_one_mutation_makes_a_paid_offering_bookable(client: Client) -> None:
    staff, _, paid, product = await firm(client, "firm@example.com")
    start = soon(48)
    sold = (await client.gql(SELL, {"o": paid, "p": product, "s": start}, staff)
            )["offeringSessionSell"]
    assert sold["errors"] == [], sold
    (variant,) = (await client.gql(VARIANTS, {"id": product}, staff))["product"]["variants"]
    assert variant["id"] == sold["session"]["variantId"]
    assert (variant["price"]["amount"], variant["capacity"], variant["startsAt"],
            variant["endsAt"]) == ("40.00", 1, sold["session"]["startsAt"],
                                   sold["session"]["endsAt"])
    # the same hour again: the expert is busy, and no second variant is left behind
    again = (await client.gql(SELL, {"o": paid, "p": product, "s": start}, staff)
             )["offeringSessionSell"]
    assert [e["code"] for e in again["errors"]] == ["SLOT_TAKEN"]
    # another firm's product: refused, nothing written
    other_staff, _, _, other_product = await firm(client, "other@example.com")
    foreign = (await client.gql(SELL, {"o": paid, "p": other_product, "s": soon(50)}, staff)
               )["offeringSessionSell"]
    assert [(e["field"], e["code"]) for e in foreign["errors"]] == [("productId", "NOT_FOUND")]
    assert (await client.gql(VARIANTS, {"id": other_product}, other_staff)
            )["product"]["variants"] == []
    stranger = await client.register("stranger@example.com")
    refused = await client.raw(SELL, {"o": paid, "p": product, "s": soon(52)}, stranger)
    assert refused["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    # and a buyer buys it through checkout: a confirmed booking
    buyer = await client.register("buyer@example.com")
    await buy(client, buyer, variant["id"], "buyer@example.com")
    (booking,) = (await client.gql(MINE, token=buyer))["myMentoringBookings"]
    assert (booking["status"], booking["session"]["id"]) == ("CONFIRMED", sold["session"]["id"])


async def test_a_late_cancellation_refunds_through_the_core_and_the_vendor_keeps_the_fee(
        client: Client) -> None:
    staff, _, paid, product = await firm(client, "firm@example.com")
    sold = (await client.gql(SELL, {"o": paid, "p": product, "s": soon(10)}, staff)
            )["offeringSessionSell"]["session"]
    buyer = await client.register("buyer@example.com")
    order = await buy(client, buyer, sold["variantId"], "buyer@example.com")
    before = (await client.gql(BALANCE, token=staff))["myVendor"]["balance"]
    (booking,) = (await client.gql(MINE, token=buyer))["myMentoringBookings"]
    cancelled = (await client.gql(CANCEL, {"id": booking["id"]}, buyer))["bookingCancel"]
    assert cancelled["errors"] == [], cancelled
    assert (cancelled["booking"]["feeCharged"]["amount"],
            cancelled["booking"]["refundAmount"]["amount"]) == ("10.00", "30.00")
    await client.runtime.dispatcher.drain()  # type: ignore[union-attr]
    after = (await client.gql(BALANCE, token=staff))["myVendor"]["balance"]
    assert (before["sales"], before["refunded"]) == ({"amount": "40.00"}, {"amount": "0.00"})
    assert (after["sales"], after["refunded"]) == ({"amount": "40.00"}, {"amount": "30.00"})
    # the vendor keeps the 10.00 fee less the commission taken on the 40.00 sale (3.31, as
    # for any partial refund of an order paid outside Stripe): 36.69 owed before, 6.69 after
    assert (before["owed"], after["owed"]) == ({"amount": "36.69"}, {"amount": "6.69"})
    assert (await client.gql(ORDER, {"id": order}, buyer))["order"]["status"] \
        == "PARTIALLY_REFUNDED"
    # the seat went back to the core variant: it can be sold again
    (variant,) = (await client.gql(VARIANTS, {"id": product}, staff))["product"]["variants"]
    assert variant["quantityAvailable"] == 1


async def test_a_sold_out_paid_group_session_keeps_a_waitlist(client: Client) -> None:
    staff, _, group, product = await firm(client, "firm@example.com", isGroup=True, seats=2)
    start = soon(72)
    sold = (await client.gql(SELL, {"o": group, "p": product, "s": start}, staff)
            )["offeringSessionSell"]["session"]
    first, second, third = [await client.register(f"b{i}@example.com") for i in range(3)]
    seats_left = await client.gql(BOOK, {"o": group, "s": start}, third)
    assert seats_left["sessionBook"]["errors"][0]["code"] == "PAYMENT_REQUIRED"
    for i, buyer in enumerate((first, second)):
        await buy(client, buyer, sold["variantId"], f"b{i}@example.com")
    waiting = (await client.gql(BOOK, {"o": group, "s": start}, third))["sessionBook"]
    assert (waiting["booking"]["status"], waiting["booking"]["price"]["amount"]) == (
        "WAITLISTED", "40.00"), waiting
    (mine,) = (await client.gql(MINE, token=first))["myMentoringBookings"]
    await client.gql(CANCEL, {"id": mine["id"]}, first)
    (offered,) = (await client.gql(MINE, token=third))["myMentoringBookings"]
    assert offered["status"] == "OFFERED"
    await buy(client, third, sold["variantId"], "b2@example.com")
    (confirmed,) = (await client.gql(MINE, token=third))["myMentoringBookings"]
    assert (confirmed["id"], confirmed["status"], confirmed["session"]["seatsTaken"]) == (
        offered["id"], "CONFIRMED", 2)


async def test_the_expert_cancelling_a_paid_session_refunds_every_buyer_through_the_core(
        client: Client) -> None:
    staff, _, group, product = await firm(client, "firm@example.com", isGroup=True, seats=3)
    sold = (await client.gql(SELL, {"o": group, "p": product, "s": soon(5)}, staff)
            )["offeringSessionSell"]["session"]
    buyers = [await client.register(f"b{i}@example.com") for i in range(2)]
    orders = [await buy(client, b, sold["variantId"], f"b{i}@example.com")
              for i, b in enumerate(buyers)]
    cancel = f"""mutation($id: ID!) {{ sessionCancel(id: $id) {{ session {{ status }} {ERR} }} }}"""
    done = (await client.gql(cancel, {"id": sold["id"]}, staff))["sessionCancel"]
    assert (done["session"]["status"], done["errors"]) == ("CANCELLED", [])
    await client.runtime.dispatcher.drain()  # type: ignore[union-attr]
    for buyer, order in zip(buyers, orders, strict=True):
        (booking,) = (await client.gql(MINE, token=buyer))["myMentoringBookings"]
        assert (booking["status"], booking["refundAmount"]["amount"]) == (
            "CANCELLED_BY_EXPERT", "40.00")
        assert (await client.gql(ORDER, {"id": order}, buyer))["order"]["status"] == "REFUNDED"
    balance = (await client.gql(BALANCE, token=staff))["myVendor"]["balance"]
    assert (balance["sales"], balance["refunded"]) == ({"amount": "80.00"}, {"amount": "80.00"})
