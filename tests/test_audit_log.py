"""The audit log: operators' and vendor owners' mutations, with who, what, when and from
where; only operators read it; customers' actions and other input are not recorded."""

from __future__ import annotations

from typing import Any

from tests.client import Client

LOG = """query($a: String) { auditLog(first: 20, action: $a) { totalCount edges { node {
  actorEmail role action targets outcome address createdAt } } } }"""
APPROVE = "mutation($id: ID!) { vendorApprove(id: $id) { vendor { status } errors { code } } }"


async def entries(client: Client, operator: str, action: str | None = None
                  ) -> list[dict[str, Any]]:
    data = await client.gql(LOG, {"a": action}, operator)
    return [edge["node"] for edge in data["auditLog"]["edges"]]


async def test_operator_and_owner_actions_are_recorded_with_who_what_and_where(
        client: Client) -> None:
    operator = await client.operator("boss@example.com")
    owner, vendor_id = await client.vendor("owner@example.com", "Tienda", approve=False)
    approved = await client.gql(APPROVE, {"id": vendor_id}, operator)
    assert approved["vendorApprove"]["vendor"]["status"] == "APPROVED"
    again = await client.gql(APPROVE, {"id": vendor_id}, operator)
    assert again["vendorApprove"]["errors"][0]["code"] == "INVALID_STATUS"
    await client.product(owner, "Olive oil")
    customer = await client.register("customer@example.com")
    await client.gql('mutation { accountUpdate(input: { name: "Ana" }) { errors { code } } }',
                     token=customer)
    approvals = await entries(client, operator, "vendorApprove")
    assert [(e["actorEmail"], e["role"], e["targets"], e["outcome"]) for e in approvals] == [
        ("boss@example.com", "OPERATOR", {"id": vendor_id}, "OK"),
        ("boss@example.com", "OPERATOR", {"id": vendor_id}, "REFUSED")]
    assert approvals[0]["address"] == "127.0.0.1" and approvals[0]["createdAt"]
    everything = await entries(client, operator)
    owner_actions = [e["action"] for e in everything if e["actorEmail"] == "owner@example.com"]
    # the application itself is recorded: its author is the owner once it ran
    assert owner_actions == ["vendorCreate", "productCreate", "productVariantCreate"]
    assert all(e["actorEmail"] != "customer@example.com" for e in everything)
    created = next(e for e in everything if e["action"] == "productCreate")
    assert created["targets"] == {}  # the product's name and other input are not kept


async def test_only_operators_read_the_audit_log(client: Client) -> None:
    owner, _ = await client.vendor("owner@example.com", "Tienda")
    for token in (owner, await client.register("someone@example.com")):
        body = await client.raw(LOG, {"a": None}, token)
        assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    anonymous = await client.raw(LOG, {"a": None})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"



async def test_optional_id_variables_left_out_are_recorded_as_not_given(
        client: Client) -> None:
    """Clients (Apollo, urql) omit unset optional variables: the action is still recorded,
    with the IDs that were given."""
    operator = await client.operator("boss@example.com")
    owner, _ = await client.vendor("owner@example.com", "Tienda", operator_token=operator)
    product, _ = await client.product(owner, "Olive oil")
    optional = """mutation($p: [ID!], $c: [ID!]) { promotionCreate(input: { name: "Verano",
      kind: PERCENTAGE, value: "10", startsAt: "2026-01-01T00:00:00+00:00", productIds: $p,
      categoryIds: $c }) { promotion { productIds } errors { code } } }"""
    body = await client.raw(optional, {"p": [product]}, owner)
    assert body["data"]["promotionCreate"]["errors"] == [], body
    [created] = await entries(client, operator, "promotionCreate")
    assert (created["actorEmail"], created["targets"], created["outcome"]) == (
        "owner@example.com", {"input.productIds": [product]}, "OK")
