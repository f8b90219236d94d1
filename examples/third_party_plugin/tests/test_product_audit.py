"""The audit trail, tested as a plugin author tests: through Ruta's exported fixtures."""

from __future__ import annotations

from ruta_product_audit.models import ProductAuditEntry
from sqlalchemy import select, update

from engine.events.models import OutboxDelivery
from engine.testing.client import Client

TRAIL = """query($id: ID!) { product(id: $id) { auditTrail(last: 10) { event productId } } }"""
UPDATE = """mutation($id: ID!, $i: ProductUpdateInput!) { productUpdate(id: $id, input: $i) {
  errors { code } } }"""


async def drain(client: Client) -> None:
    assert client.runtime.dispatcher is not None
    await client.runtime.dispatcher.drain()


async def test_each_change_is_recorded_once_after_commit(audited: Client) -> None:
    token, _ = await audited.vendor("audit@example.com", "Audited")
    product_id, _ = await audited.product(token, "Olive oil")  # created, then a variant
    await audited.gql(UPDATE, {"id": product_id, "i": {"name": "Oil"}}, token)
    await drain(audited)
    data = await audited.gql(TRAIL, {"id": product_id})
    assert [e["event"] for e in data["product"]["auditTrail"]] == [
        "CREATED", "UPDATED", "UPDATED"]


async def test_a_redelivered_event_is_recognised_by_its_event_id(audited: Client) -> None:
    token, _ = await audited.vendor("again@example.com", "Again")
    product_id, _ = await audited.product(token, "Honey")
    await drain(audited)
    plugin_name = audited.runtime.plugins.get_name(
        audited.runtime.plugins.get_plugin("ruta_product_audit.plugin"))
    async with audited.runtime.db.write() as session:  # Ruta delivers at least once
        await session.execute(update(OutboxDelivery).where(OutboxDelivery.plugin == plugin_name)
                              .values(status="pending"))
    assert await audited.runtime.dispatcher.drain() >= 2  # type: ignore[union-attr]
    async with audited.runtime.db.read() as session:
        entries = (await session.scalars(select(ProductAuditEntry))).all()
    assert sorted(e.event for e in entries) == ["CREATED", "UPDATED"]
    assert len({e.event_id for e in entries}) == 2
    data = await audited.gql(TRAIL, {"id": product_id})
    assert {e["productId"] for e in data["product"]["auditTrail"]} == {product_id}


async def test_only_operators_read_the_whole_log(audited: Client) -> None:
    query = "{ productAuditEntries(first: 5) { event } }"
    token, _ = await audited.vendor("seller@example.com", "Seller")
    body = await audited.raw(query, None, token)
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    operator = await audited.operator("ops@example.com")
    assert (await audited.gql(query, None, operator))["productAuditEntries"] == []
