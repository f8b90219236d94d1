"""Vendor.staff, Vendor.staffInvitations and vendorStaffRemove."""

from __future__ import annotations

from engine.testing.client import Client

STAFF = "{ myVendor { staff { id email role } staffInvitations { email } } }"
INVITE = "mutation($e: String!) { vendorStaffInvite(email: $e) { errors { code } } }"
ACCEPT = """mutation($id: ID!) { vendorStaffInvitationAccept(id: $id) { errors { code } } }"""
MINE = "{ myVendorInvitations { id } }"
REMOVE = "mutation($id: ID!) { vendorStaffRemove(id: $id) { removed errors { field code } } }"


async def test_the_owner_lists_and_removes_staff_but_never_an_owner(client: Client) -> None:
    owner, _ = await client.vendor("owner@example.com", "Bodega")
    helper = await client.register("helper@example.com")
    assert (await client.gql(INVITE, {"e": "helper@example.com"}, owner))[
        "vendorStaffInvite"]["errors"] == []
    listed = (await client.gql(STAFF, token=owner))["myVendor"]
    assert [i["email"] for i in listed["staffInvitations"]] == ["helper@example.com"]
    [invitation] = (await client.gql(MINE, token=helper))["myVendorInvitations"]
    assert (await client.gql(ACCEPT, {"id": invitation["id"]}, helper))[
        "vendorStaffInvitationAccept"]["errors"] == []
    members = {m["email"]: m for m in (await client.gql(STAFF, token=owner))["myVendor"]["staff"]}
    assert {e: m["role"] for e, m in members.items()} == {"owner@example.com": "OWNER",
                                                           "helper@example.com": "STAFF"}
    by_staff = await client.raw(REMOVE, {"id": members["owner@example.com"]["id"]}, helper)
    assert by_staff.get("errors")  # only the owner removes
    own = await client.gql(REMOVE, {"id": members["owner@example.com"]["id"]}, owner)
    assert own["vendorStaffRemove"]["errors"][0]["code"] == "FORBIDDEN"
    gone = await client.gql(REMOVE, {"id": members["helper@example.com"]["id"]}, owner)
    assert gone["vendorStaffRemove"] == {"removed": True, "errors": []}
    assert [m["email"] for m in (await client.gql(STAFF, token=owner))["myVendor"]["staff"]] \
        == ["owner@example.com"]
    assert (await client.gql("{ myVendor { id } }", token=helper))["myVendor"] is None
    outsider = await client.register("nosy@example.com")
    assert (await client.gql("query($id: ID!) { vendor(id: $id) { staff { email } } }",
                             {"id": (await client.gql("{ myVendor { id } }", token=owner))[
                                 "myVendor"]["id"]}, outsider))["vendor"]["staff"] is None
