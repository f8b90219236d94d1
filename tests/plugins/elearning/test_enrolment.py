"""Enrolment: buying a course through checkout and payment enrols the buyer exactly once;
a full refund or a cancellation revokes access; free courses are joined directly."""

from __future__ import annotations

from typing import Any

from engine.plugins.api import decode_id, record_event, utcnow
from plugins.elearning.enrolment import enrol_paid_order
from tests.client import Client
from tests.plugins.elearning.test_courses import (
    SECRET_BODY,
    Academy,
    academy,
    course_product,
    lessons_of,
    ok,
    outline,
)
from tests.shop import ADDRESS

CREATE = """mutation($i: CheckoutCreateInput!) { checkoutCreate(input: $i) {
  checkout { id } errors { field code message } } }"""
COMPLETE = """mutation($id: ID!) { checkoutComplete(id: $id) { order { id status
  vendorOrders { id } } errors { field code message } } }"""
PAID = "mutation($id: ID!) { orderMarkPaid(id: $id) { order { status } errors { code } } }"
CANCEL = "mutation($id: ID!) { orderCancel(id: $id) { order { status } errors { code } } }"
MINE = """{ myEnrolments { status progress { percentage totalLessons }
  course { productId } } }"""
ENROL = """mutation($p: ID!) { courseEnroll(productId: $p) { enrolment { status
  course { productId } } errors { field code message } } }"""


async def buy(client: Client, a: Academy, token: str, email: str, *, pay: bool = True
              ) -> dict[str, Any]:
    """Checkout the course as the signed-in buyer; optionally mark the order paid."""
    created = await ok(client, CREATE, {"i": {"email": email, "billingAddress": ADDRESS,
                                              "lines": [{"variantId": a.variant_id,
                                                         "quantity": 1}]}},
                       token, "checkoutCreate")
    done = await ok(client, COMPLETE, {"id": created["checkout"]["id"]}, token,
                    "checkoutComplete")
    order: dict[str, Any] = done["order"]
    if pay:
        paid = await client.gql(PAID, {"id": order["id"]}, a.operator)
        assert paid["orderMarkPaid"]["order"]["status"] == "PAID", paid
    await drain(client)
    return order


async def drain(client: Client) -> None:
    assert client.runtime.dispatcher is not None
    await client.runtime.dispatcher.drain()


async def mine(client: Client, token: str) -> list[dict[str, Any]]:
    enrolments: list[dict[str, Any]] = (await client.gql(MINE, None, token))["myEnrolments"]
    return enrolments


async def test_buying_enrols_the_buyer_exactly_once(client: Client) -> None:
    a = await academy(client)
    buyer = await client.register("learner@example.com")
    order = await buy(client, a, buyer, "learner@example.com", pay=False)
    assert await mine(client, buyer) == []  # not paid yet: not enrolled
    paid = await client.gql(PAID, {"id": order["id"]}, a.operator)
    assert paid["orderMarkPaid"]["order"]["status"] == "PAID"
    await drain(client)
    # the same event delivered again (at-least-once delivery) enrols nobody twice
    async with client.runtime.transaction() as session:
        await record_event(session, client.runtime.plugins, "ruta_order_paid",
                           order_id=decode_id(order["id"], "Order"))
    await drain(client)
    await enrol_paid_order(client.runtime, decode_id(order["id"], "Order"), utcnow())
    enrolments = await mine(client, buyer)
    assert enrolments == [{"status": "ACTIVE", "progress": {"percentage": 0,
                                                            "totalLessons": 4},
                           "course": {"productId": a.product_id}}]
    course = await outline(client, a, buyer)
    assert course["viewerIsEnrolled"] is True
    assert lessons_of(course)["Funnels"]["body"] == SECRET_BODY


async def test_a_full_refund_revokes_access(client: Client) -> None:
    a = await academy(client)
    buyer = await client.register("learner@example.com")
    order = await buy(client, a, buyer, "learner@example.com")
    order_pk = decode_id(order["id"], "Order")
    vendor_order_pk = decode_id(order["vendorOrders"][0]["id"], "VendorOrder")
    async with client.runtime.transaction() as session:  # a partial refund keeps access
        await record_event(session, client.runtime.plugins, "ruta_order_refunded",
                           order_id=order_pk, vendor_order_id=vendor_order_pk,
                           amount="5.00", full=False)
    await drain(client)
    assert [e["status"] for e in await mine(client, buyer)] == ["ACTIVE"]
    async with client.runtime.transaction() as session:
        await record_event(session, client.runtime.plugins, "ruta_order_refunded",
                           order_id=order_pk, vendor_order_id=vendor_order_pk,
                           amount="30.00", full=True)
    await drain(client)
    assert [e["status"] for e in await mine(client, buyer)] == ["REVOKED"]
    course = await outline(client, a, buyer)
    assert course["viewerIsEnrolled"] is False
    assert lessons_of(course)["Funnels"]["body"] is None


async def test_cancelling_a_paid_order_revokes_access(client: Client) -> None:
    a = await academy(client)
    buyer = await client.register("learner@example.com")
    order = await buy(client, a, buyer, "learner@example.com")
    cancelled = await client.gql(CANCEL, {"id": order["id"]}, a.operator)
    assert cancelled["orderCancel"]["errors"] == [], cancelled
    await drain(client)
    assert [e["status"] for e in await mine(client, buyer)] == ["REVOKED"]


async def test_free_courses_are_joined_directly_and_paid_ones_are_not(client: Client) -> None:
    a = await academy(client)
    free_id, _, _ = await course_product(client, a.vendor_token, "Intro", price="0.00")
    learner = await client.register("learner@example.com")
    data = await client.gql(ENROL, {"p": a.product_id}, learner)
    assert data["courseEnroll"]["errors"][0]["code"] == "NOT_FREE"
    data = await client.gql(ENROL, {"p": free_id}, learner)
    assert data["courseEnroll"]["enrolment"]["status"] == "ACTIVE"
    again = await client.gql(ENROL, {"p": free_id}, learner)
    assert again["courseEnroll"]["enrolment"]["status"] == "ACTIVE"
    assert len(await mine(client, learner)) == 1
    body = await client.raw(ENROL, {"p": free_id})
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_prerequisite_course_must_be_completed_first(client: Client) -> None:
    a = await academy(client)
    free_id, _, _ = await course_product(client, a.vendor_token, "Level 2", price="0.00",
                                         prerequisiteCourseId=a.product_id)
    learner = await client.register("learner@example.com")
    data = await client.gql(ENROL, {"p": free_id}, learner)
    assert data["courseEnroll"]["errors"][0]["code"] == "PREREQUISITE_NOT_MET"
    assert await mine(client, learner) == []
