"""Vendor staff join by invitation only: approved vendors invite, the invitee accepts
signed in with the invited address, operators are never attached, and the owner cannot
tell known addresses from unknown ones."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from engine.vendors.models import VendorMembership
from tests.client import Client

INVITE = """mutation($e: String!) { vendorStaffInvite(email: $e) {
  invitation { email status vendor { name } } errors { field code } } }"""
ACCEPT = """mutation($id: ID!) { vendorStaffInvitationAccept(id: $id) {
  invitation { status } errors { field code } } }"""
ADD = """mutation($e: String!) { vendorStaffAdd(email: $e) { vendor { name }
  errors { field code } } }"""
MINE = "{ myVendorInvitations { id email } }"


async def memberships(client: Client) -> int:
    async with client.runtime.db.read() as session:
        return int(await session.scalar(select(func.count(VendorMembership.id))) or 0)


async def test_a_pending_vendor_cannot_invite_anyone(client: Client) -> None:
    owner, _ = await client.vendor("new@example.com", "Nueva", approve=False)
    await client.register("clerk@example.com")
    for document in (INVITE, ADD):
        body = await client.raw(document, {"e": "clerk@example.com"}, owner)
        assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    assert (await client.gql(MINE, token=await client.login("clerk@example.com"))
            )["myVendorInvitations"] == []


async def test_known_and_unknown_addresses_get_the_same_answer(client: Client) -> None:
    owner, _ = await client.vendor("boss@example.com", "Bodega")
    await client.register("known@example.com")
    answers: list[dict[str, Any]] = []
    for email in ("known@example.com", "ghost@example.com"):
        data = (await client.gql(INVITE, {"e": email}, owner))["vendorStaffInvite"]
        data["invitation"]["email"] = "<address>"
        answers.append(data)
    assert answers[0] == answers[1] == {"invitation": {
        "email": "<address>", "status": "PENDING", "vendor": {"name": "Bodega"}},
        "errors": []}


async def test_nobody_is_attached_without_accepting_and_operators_never_are(
        client: Client) -> None:
    owner, _ = await client.vendor("boss@example.com", "Bodega")
    before = await memberships(client)
    operator = await client.operator("admin@example.com")
    deprecated = await client.gql(ADD, {"e": "admin@example.com"}, owner)
    assert deprecated["vendorStaffAdd"] == {"vendor": {"name": "Bodega"}, "errors": []}
    assert await memberships(client) == before  # an invitation, not a membership
    invitation = (await client.gql(MINE, token=operator))["myVendorInvitations"][0]
    refused = await client.gql(ACCEPT, {"id": invitation["id"]}, operator)
    assert refused["vendorStaffInvitationAccept"] == {"invitation": None, "errors": [
        {"field": "id", "code": "FORBIDDEN"}]}
    assert (await client.gql("{ myVendor { id } }", token=operator))["myVendor"] is None
    await client.gql(INVITE, {"e": "clerk@example.com"}, owner)
    clerk = await client.register("clerk@example.com")
    stranger = await client.register("stranger@example.com")
    clerk_invitation = (await client.gql(MINE, token=clerk))["myVendorInvitations"][0]
    stolen = await client.gql(ACCEPT, {"id": clerk_invitation["id"]}, stranger)
    assert stolen["vendorStaffInvitationAccept"]["errors"] == [
        {"field": "id", "code": "NOT_FOUND"}]
    assert await memberships(client) == before
    accepted = await client.gql(ACCEPT, {"id": clerk_invitation["id"]}, clerk)
    assert accepted["vendorStaffInvitationAccept"]["invitation"] == {"status": "ACCEPTED"}
    assert await memberships(client) == before + 1
    again = await client.gql(ACCEPT, {"id": clerk_invitation["id"]}, clerk)
    assert again["vendorStaffInvitationAccept"]["errors"] == [
        {"field": "id", "code": "NOT_FOUND"}]


async def test_someone_working_for_a_vendor_cannot_join_another(client: Client) -> None:
    owner, _ = await client.vendor("boss@example.com", "Bodega")
    other_owner, _ = await client.vendor("other@example.com", "Otra")
    await client.gql(INVITE, {"e": "other@example.com"}, owner)
    invitation = (await client.gql(MINE, token=other_owner))["myVendorInvitations"][0]
    data = await client.gql(ACCEPT, {"id": invitation["id"]}, other_owner)
    assert data["vendorStaffInvitationAccept"]["errors"] == [
        {"field": "id", "code": "ALREADY_VENDOR"}]
