"""Free enrolment follows the catalog's visibility: a course the catalog hides (its vendor
pending or suspended, or unpublished) cannot be joined, and no lesson body leaks."""

from __future__ import annotations

from sqlalchemy import func, select, update

from engine.plugins.api import decode_id
from engine.vendors.models import Vendor
from plugins.elearning.models import Enrolment
from tests.client import Client
from tests.plugins.elearning.test_courses import LESSON, MODULE, SECRET_BODY, course_product, ok

ENROL = """mutation($p: ID!) { courseEnroll(productId: $p) { enrolment { status
  course { modules { lessons { body } } } } errors { field code } } }"""


async def enrolments(client: Client) -> int:
    async with client.runtime.db.read() as session:
        return int(await session.scalar(select(func.count(Enrolment.id))) or 0)


async def test_a_pending_vendors_free_course_cannot_be_joined(client: Client) -> None:
    token, vendor_id = await client.vendor("new@example.com", "Pendiente", approve=False)
    product_id, _, course_id = await course_product(client, token, "Gratis", price="0.00")
    module = await ok(client, MODULE, {"c": course_id, "i": {"title": "Uno", "position": 1}},
                      token, "courseModuleCreate")
    await ok(client, LESSON, {"m": module["module"]["id"], "i": {
        "title": "Secret", "body": SECRET_BODY, "position": 1}}, token, "lessonCreate")
    learner = await client.register("learner@example.com")
    data = await client.gql(ENROL, {"p": product_id}, learner)
    assert data["courseEnroll"] == {"enrolment": None, "errors": [
        {"field": "courseId", "code": "NOT_FOUND"}]}
    assert SECRET_BODY not in str(data) and await enrolments(client) == 0
    async with client.runtime.db.write() as session:  # approved, then suspended
        await session.execute(update(Vendor).where(Vendor.id == decode_id(vendor_id, "Vendor"))
                              .values(status="APPROVED"))
    joined = await client.gql(ENROL, {"p": product_id}, learner)
    assert joined["courseEnroll"]["enrolment"]["status"] == "ACTIVE"
    async with client.runtime.db.write() as session:
        await session.execute(update(Vendor).values(status="SUSPENDED"))
    other = await client.register("other@example.com")
    refused = await client.gql(ENROL, {"p": product_id}, other)
    assert refused["courseEnroll"]["errors"] == [{"field": "courseId", "code": "NOT_FOUND"}]
    assert await enrolments(client) == 1
