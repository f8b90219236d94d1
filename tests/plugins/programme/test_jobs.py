"""Vendors declare jobs by date; only their own staff (or operators) may."""

from __future__ import annotations

from sqlalchemy import select

from engine.plugins.api import decode_id
from engine.testing.client import Client
from plugins.programme.models import JobsDeclaration

DECLARE = """mutation($v: ID!, $d: Date!, $a: Int!, $b: Int!) {
  programmeJobsDeclare(vendorId: $v, asOf: $d, direct: $a, indirect: $b) {
    declaration { asOf direct indirect } errors { field code } } }"""


async def test_a_vendor_declares_and_corrects_its_jobs(client: Client) -> None:
    token, vendor_id = await client.vendor("bakery@example.com", "Panadería Amina")
    other, _ = await client.vendor("other@example.com", "Otra tienda")
    first = await client.gql(DECLARE, {"v": vendor_id, "d": "2026-11-30", "a": 2, "b": 1},
                             token)
    assert first["programmeJobsDeclare"]["declaration"] == {
        "asOf": "2026-11-30", "direct": 2, "indirect": 1}
    await client.gql(DECLARE, {"v": vendor_id, "d": "2026-11-30", "a": 3, "b": 1}, token)
    bad = await client.gql(DECLARE, {"v": vendor_id, "d": "2026-12-01", "a": -1, "b": 0},
                           token)
    assert bad["programmeJobsDeclare"]["errors"] == [{"field": "direct", "code": "INVALID"}]
    refused = await client.raw(DECLARE, {"v": vendor_id, "d": "2026-12-01", "a": 9, "b": 9},
                               other)
    assert refused["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    async with client.runtime.db.read() as session:
        rows = list(await session.execute(select(
            JobsDeclaration.as_of, JobsDeclaration.direct).where(
            JobsDeclaration.vendor_id == decode_id(vendor_id, "Vendor"))))
    assert [tuple(r) for r in rows] == [("2026-11-30", 3)]
