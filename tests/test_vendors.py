"""Vendors: applying, approval by operators, owner-only edits, visibility of pending ones."""

from __future__ import annotations

from sqlalchemy import func, select

from engine.vendors.models import Vendor
from tests.client import Client

APPLY = """mutation($i: VendorCreateInput!) { vendorCreate(input: $i) {
  vendor { id status name } errors { field code message } } }"""
APPROVE = """mutation($id: ID!) { vendorApprove(id: $id) { vendor { id status } errors {
  field code } } }"""
UPDATE = """mutation($id: ID!, $i: VendorUpdateInput!) { vendorUpdate(id: $id, input: $i) {
  vendor { id name description postalCode pricesIncludeTax commissionRate }
  errors { field code message } } }"""
VENDOR = """query($slug: String, $id: ID, $lang: LanguageCodeEnum) {
  vendor(slug: $slug, id: $id, languageCode: $lang) {
    id name status description taxId commissionRate } }"""

GOOD = {"name": "Conservas Raia", "country": "PT", "postalCode": "8000-138",
        "taxId": "501964819", "pricesIncludeTax": True}


async def vendor_count(client: Client) -> int:
    async with client.runtime.db.read() as session:
        return int(await session.scalar(select(func.count()).select_from(Vendor)) or 0)


async def test_apply_creates_a_pending_vendor_owned_by_the_applicant(client: Client) -> None:
    token = await client.register("owner@example.com")
    data = await client.gql(APPLY, {"i": GOOD}, token)
    vendor = data["vendorCreate"]["vendor"]
    assert vendor["status"] == "PENDING" and data["vendorCreate"]["errors"] == []
    mine = await client.gql("{ myVendor { id status taxId commissionRate } }", token=token)
    assert mine["myVendor"] == {"id": vendor["id"], "status": "PENDING",
                                "taxId": "501964819", "commissionRate": "0.1000"}


async def test_apply_needs_a_signed_in_user(client: Client) -> None:
    body = await client.raw(APPLY, {"i": GOOD})
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert await vendor_count(client) == 0


async def test_bad_applications_get_typed_errors_and_write_nothing(client: Client) -> None:
    token = await client.register("bad@example.com")
    cases = [
        ({**GOOD, "name": "   "}, "name", "REQUIRED"),
        ({**GOOD, "name": "x" * 121}, "name", "TOO_LONG"),
        ({**GOOD, "country": "US"}, "country", "UNSUPPORTED_COUNTRY"),
        ({**GOOD, "postalCode": "!!"}, "postalCode", "INVALID_POSTAL_CODE"),
        ({**GOOD, "taxId": ""}, "taxId", "REQUIRED"),
    ]
    for given, field, code in cases:
        data = await client.gql(APPLY, {"i": given}, token)
        assert data["vendorCreate"]["vendor"] is None
        assert (data["vendorCreate"]["errors"][0]["field"],
                data["vendorCreate"]["errors"][0]["code"]) == (field, code), given
    assert await vendor_count(client) == 0


async def test_a_user_belongs_to_one_vendor(client: Client) -> None:
    token = await client.register("twice@example.com")
    await client.gql(APPLY, {"i": GOOD}, token)
    again = await client.gql(APPLY, {"i": {**GOOD, "name": "Second shop"}}, token)
    assert again["vendorCreate"]["errors"][0]["code"] == "ALREADY_VENDOR"
    assert await vendor_count(client) == 1


async def test_only_operators_approve(client: Client) -> None:
    token, vendor_id = await client.vendor("shop@example.com", "Shop", approve=False)
    customer = await client.register("customer@example.com")
    for who in (token, customer):
        body = await client.raw(APPROVE, {"id": vendor_id}, who)
        assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    operator = await client.operator()
    data = await client.gql(APPROVE, {"id": vendor_id}, operator)
    assert data["vendorApprove"]["vendor"]["status"] == "APPROVED"
    again = await client.gql(APPROVE, {"id": vendor_id}, operator)
    assert again["vendorApprove"]["errors"][0]["code"] == "INVALID_STATUS"


async def test_pending_vendors_are_private_until_approved(client: Client) -> None:
    token, vendor_id = await client.vendor("pending@example.com", "Pending Shop", approve=False)
    assert (await client.gql(VENDOR, {"id": vendor_id}))["vendor"] is None
    assert (await client.gql(VENDOR, {"slug": "pending-shop"}))["vendor"] is None
    listing = await client.gql("{ vendors(first: 10) { totalCount edges { node { id } } } }")
    assert listing["vendors"]["totalCount"] == 0
    own = await client.gql(VENDOR, {"id": vendor_id}, token)
    assert own["vendor"]["status"] == "PENDING"
    operator = await client.operator()
    pending = await client.gql(
        "{ vendors(first: 10, status: PENDING) { edges { node { id } } } }", token=operator)
    assert [e["node"]["id"] for e in pending["vendors"]["edges"]] == [vendor_id]
    await client.gql(APPROVE, {"id": vendor_id}, operator)
    public = await client.gql(VENDOR, {"slug": "pending-shop"})
    assert public["vendor"]["id"] == vendor_id
    assert public["vendor"]["taxId"] is None and public["vendor"]["commissionRate"] is None


async def test_owner_updates_partially_and_translations_fall_back(client: Client) -> None:
    token, vendor_id = await client.vendor("edit@example.com", "Edit Shop")
    data = await client.gql(UPDATE, {"id": vendor_id, "i": {
        "description": "Tienda de prueba", "languageCode": "ES",
        "translations": [{"languageCode": "PT", "description": "Loja de teste"}]}}, token)
    updated = data["vendorUpdate"]["vendor"]
    assert data["vendorUpdate"]["errors"] == []
    assert updated["name"] == "Edit Shop" and updated["postalCode"] == "21700"
    assert updated["pricesIncludeTax"] is True
    pt = await client.gql(VENDOR, {"id": vendor_id, "lang": "PT"})
    es = await client.gql(VENDOR, {"id": vendor_id, "lang": "ES"})
    fr = await client.gql(VENDOR, {"id": vendor_id, "lang": "FR"})
    assert pt["vendor"]["description"] == "Loja de teste"
    assert es["vendor"]["description"] == "Tienda de prueba"
    assert fr["vendor"]["description"] == "Tienda de prueba"  # no FR, no EN: source text


async def test_only_the_owner_or_an_operator_edits_a_vendor(client: Client) -> None:
    _token, vendor_id = await client.vendor("a@example.com", "Shop A")
    other, _ = await client.vendor("b@example.com", "Shop B")
    customer = await client.register("c@example.com")
    for who in (customer,):
        body = await client.raw(UPDATE, {"id": vendor_id, "i": {"name": "Hacked"}}, who)
        assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    stolen = await client.gql(UPDATE, {"id": vendor_id, "i": {"name": "Hacked"}}, other)
    assert stolen["vendorUpdate"]["errors"][0]["code"] == "NOT_FOUND"
    public = await client.gql(VENDOR, {"id": vendor_id})
    assert public["vendor"]["name"] == "Shop A"


async def test_commission_is_set_by_operators_only(client: Client) -> None:
    token, vendor_id = await client.vendor("fee@example.com", "Fee Shop")
    refused = await client.gql(UPDATE, {"id": vendor_id, "i": {"commissionRate": "0.01"}}, token)
    assert refused["vendorUpdate"]["errors"][0]["code"] == "FORBIDDEN"
    operator = await client.operator("boss@example.com")
    bad = await client.gql(UPDATE, {"id": vendor_id, "i": {"commissionRate": "1.5"}}, operator)
    assert bad["vendorUpdate"]["errors"][0]["field"] == "commissionRate"
    ok = await client.gql(UPDATE, {"id": vendor_id, "i": {"commissionRate": "0.125"}}, operator)
    assert ok["vendorUpdate"]["vendor"]["commissionRate"] == "0.1250"


async def test_wrong_type_and_malformed_ids_are_errors(client: Client) -> None:
    operator = await client.operator()
    user_id = (await client.gql("{ me { id } }", token=operator))["me"]["id"]
    for bad in (user_id, "not-base64!", "", "VmVuZG9yOmFiYw=="):
        data = await client.gql(APPROVE, {"id": bad}, operator)
        assert data["vendorApprove"]["errors"][0]["code"] == "INVALID_ID", bad
        body = await client.raw(VENDOR, {"id": bad})
        assert body["errors"][0]["extensions"]["code"] == "INVALID_ID", bad


INVITE = """mutation($e: String!) { vendorStaffInvite(email: $e) { invitation { id email status
  vendor { id } } errors { field code } } }"""
ACCEPT = """mutation($id: ID!) { vendorStaffInvitationAccept(id: $id) { invitation { status }
  errors { field code } } }"""
INVITATIONS = "{ myVendorInvitations { id email vendor { name } } }"


async def test_owner_invites_staff_who_accept_then_manage_products_but_not_the_vendor(
        client: Client) -> None:
    owner, vendor_id = await client.vendor("boss@example.com", "Staffed")
    staff = await client.register("clerk@example.com")
    invited = (await client.gql(INVITE, {"e": "CLERK@example.com"}, owner))["vendorStaffInvite"]
    assert invited["errors"] == []
    assert (invited["invitation"]["email"], invited["invitation"]["status"],
            invited["invitation"]["vendor"]["id"]) == ("clerk@example.com", "PENDING", vendor_id)
    assert (await client.gql("{ myVendor { id } }", token=staff))["myVendor"] is None
    mine = (await client.gql(INVITATIONS, token=staff))["myVendorInvitations"]
    assert [(i["email"], i["vendor"]["name"]) for i in mine] == [("clerk@example.com", "Staffed")]
    accepted = await client.gql(ACCEPT, {"id": mine[0]["id"]}, staff)
    assert accepted["vendorStaffInvitationAccept"] == {"invitation": {"status": "ACCEPTED"},
                                                       "errors": []}
    product_id, _ = await client.product(staff, "Made by staff")
    mine_now = await client.gql("{ myVendor { id products(first: 5) { totalCount } } }",
                                token=staff)
    assert mine_now["myVendor"] == {"id": vendor_id, "products": {"totalCount": 1}}
    body = await client.raw(UPDATE, {"id": vendor_id, "i": {"name": "Mine now"}}, staff)
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    body = await client.raw(INVITE, {"e": "boss@example.com"}, staff)
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    assert product_id


async def test_the_public_cannot_list_vendors_by_another_status(client: Client) -> None:
    await client.vendor("hid@example.com", "Hidden", approve=False)
    body = await client.raw("{ vendors(first: 5, status: PENDING) { totalCount } }")
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


async def test_a_vendor_speaks_its_country_language_by_default(client: Client) -> None:
    token = await client.register("luso@example.com")
    await client.gql(APPLY, {"i": GOOD}, token)
    product_id, _ = await client.product(token, "Pastel de nata")
    data = await client.gql("""query($id: ID!) { myVendor { languageCode }
        product(id: $id) { languageCode } }""", {"id": product_id}, token)
    assert data == {"myVendor": {"languageCode": "PT"}, "product": {"languageCode": "PT"}}
