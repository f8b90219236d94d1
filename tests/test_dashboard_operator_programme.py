"""The operator console's pages over the mentoring and e-learning plugins (verify experts,
revoke a certificate, move funding requests) and the vendor's invoice downloads (iberia):
operators only, errors next to their field, nothing written on refusal."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from starlette.applications import Starlette

from engine.testing.client import PASSWORD, Client
from tests.plugins.elearning.test_certificates import certified, check
from tests.plugins.mentoring.test_funding import INPUT, OPEN
from tests.plugins.mentoring.test_profiles import make_expert
from tests.shop import COMPLETE, build, ready
from tests.web_browser import Browser

EXPERT = "query($id: ID!) { expert(id: $id) { verified } }"
FUNDING = "query($id: ID!) { fundingRequest(id: $id) { status history { status note } } }"
PAID = "mutation($id: ID!) { orderMarkPaid(id: $id) { order { status } errors { code } } }"


async def test_an_operator_verifies_an_expert(app: Starlette, client: Client) -> None:
    _, expert_id = await make_expert(client, "ana@example.com", verified=False)
    operator = await client.operator("boss@example.com")
    await client.vendor("shop@example.com", "Tienda")
    verify = f"/dashboard/operator/experts/{expert_id}/verify"
    async with Browser(app) as vendor:
        await vendor.login("shop@example.com", PASSWORD)
        assert (await vendor.get("/dashboard/operator/experts")).status_code == 403
        refused = await vendor.post(verify, {"verified": "1"}, form_page="/dashboard/")
        assert refused.status_code == 403
    assert (await client.gql(EXPERT, {"id": expert_id}, operator))["expert"]["verified"] is False
    async with Browser(app) as boss:
        await boss.login("boss@example.com", PASSWORD)
        page = await boss.get("/dashboard/operator/experts")
        assert "Verify Ana" in page.text
        done = await boss.post(verify, {"verified": "1"}, form_page="/dashboard/operator/experts")
        assert done.status_code == 303
        after = await boss.get(done.headers["location"])
        assert "Ana is verified." in after.text and "Withdraw the verification of Ana" in \
            after.text
    assert (await client.gql(EXPERT, {"id": expert_id}, operator))["expert"]["verified"] is True


async def test_an_operator_revokes_a_certificate_by_its_id(app: Starlette, client: Client
                                                           ) -> None:
    cert = await certified(client)
    await client.operator("boss@example.com")
    async with Browser(app) as anonymous:
        away = await anonymous.get("/dashboard/operator/certificates")
        assert away.status_code == 303 and "/dashboard/login" in away.headers["location"]
    async with Browser(app) as boss:
        await boss.login("boss@example.com", PASSWORD)
        form = "/dashboard/operator/certificates"
        unknown = await boss.post(f"{form}/revoke", {"credentialId": "urn:uuid:nope",
                                                     "reason": "Fraud"}, form_page=form)
        assert unknown.status_code == 400
        assert re.search(r'<p class="error" id="credentialId-error">[^<]+</p>', unknown.text)
        assert 'value="urn:uuid:nope"' in unknown.text
        assert (await check(client, cert["credential"]))["valid"] is True
        done = await boss.post(f"{form}/revoke", {"credentialId": cert["credentialId"],
                                                  "reason": "Exam fraud"}, form_page=form)
        assert done.status_code == 303
        assert "is revoked" in (await boss.get(done.headers["location"])).text
    result = await check(client, cert["credential"])
    assert (result["valid"], result["reason"]) == (False, "REVOKED")


async def test_an_operator_moves_a_funding_request_along(app: Starlette, client: Client
                                                         ) -> None:
    founder = await client.register("founder@example.com")
    request = (await client.gql(OPEN, {"i": INPUT}, founder)
               )["fundingRequestOpen"]["fundingRequest"]
    advisor, _ = await make_expert(client, "advisor@example.com", kind="FUNDING")
    await client.gql("mutation($id: ID!) { fundingRequestPickUp(id: $id) { errors { code } } }",
                     {"id": request["id"]}, advisor)
    operator = await client.operator("boss@example.com")
    move = f"/dashboard/operator/funding/{request['id']}/move"
    async with Browser(app) as person:
        await person.login("founder@example.com", PASSWORD)
        assert (await person.get("/dashboard/operator/funding")).status_code == 403
        refused = await person.post(move, {"status": "GRANTED"}, form_page="/dashboard/")
        assert refused.status_code == 403
    async with Browser(app) as boss:
        await boss.login("boss@example.com", PASSWORD)
        page = await boss.get("/dashboard/operator/funding")
        assert "Quesería en Aracena" in page.text and "Advisor" in page.text
        skipped = await boss.post(move, {"status": "GRANTED"},
                                  form_page="/dashboard/operator/funding")
        assert skipped.status_code == 400
        assert re.search(r'id="status-1-error">[^<]+</p>', skipped.text)
        done = await boss.post(move, {"status": "SUBMITTED_TO_FUNDER", "note": "Sent to ENISA"},
                               form_page="/dashboard/operator/funding")
        assert done.status_code == 303
    seen = (await client.gql(FUNDING, {"id": request["id"]}, operator))["fundingRequest"]
    assert seen["status"] == "SUBMITTED_TO_FUNDER"
    assert seen["history"][-1]["note"] == "Sent to ENISA"


async def test_an_operator_assigns_a_funding_request_to_an_advisor_who_finds_it(
        app: Starlette, client: Client) -> None:
    founder = await client.register("founder@example.com")
    request = (await client.gql(OPEN, {"i": INPUT}, founder)
               )["fundingRequestOpen"]["fundingRequest"]
    await make_expert(client, "advisor@example.com", kind="FUNDING")
    _, mentor_id = await make_expert(client, "mentor@example.com", kind="MENTOR")
    operator = await client.operator("boss@example.com")
    await client.vendor("shop@example.com", "Tienda")
    form = "/dashboard/operator/funding"
    assign = f"{form}/{request['id']}/assign"
    async with Browser(app) as shop:
        await shop.login("shop@example.com", PASSWORD)
        refused = await shop.post(assign, {"expertId": mentor_id}, form_page="/dashboard/")
        assert refused.status_code == 403
    async with Browser(app) as boss:
        await boss.login("boss@example.com", PASSWORD)
        await boss.get("/dashboard/?lang=es")
        page = await boss.get(form)
        options = re.findall(r'<option value="([^"]+)" translate="no">([^<]+)</option>',
                             page.text)
        assert [name for _, name in options] == ["Advisor"]
        wrong = await boss.post(assign, {"expertId": mentor_id}, form_page=form)
        assert wrong.status_code == 400
        error = re.search(r'id="expert-1-error">([^<]+)</p>', wrong.text)
        assert error and error.group(1) == "Este experto no asesora sobre financiación."
        done = await boss.post(assign, {"expertId": options[0][0]}, form_page=form)
        assert done.status_code == 303
        after = await boss.get(done.headers["location"])
        assert "Asesor asignado" in after.text
        assert f'action="{assign}"' in after.text  # IN_REVIEW: another advisor may join
        assert re.findall(r'<option value="[^"]+" translate="no">', after.text) == []
    seen = (await client.gql(FUNDING, {"id": request["id"]}, operator))["fundingRequest"]
    assert seen["status"] == "IN_REVIEW"
    async with Browser(app) as advisor:
        await advisor.login("advisor@example.com", PASSWORD)
        assert "Quesería en Aracena" in (await advisor.get("/dashboard/expert/funding")).text
    for browser in (shop, boss, advisor):
        for path, count, size in browser.documents:
            assert count <= 2 and size < 100_000, (path, count, size)


async def test_a_vendor_lists_and_downloads_its_own_invoices_only(
        app: Starlette, client: Client) -> None:
    shop = await build(client)
    checkout_id = await ready(client, shop, {"wine": 1, "tile": 1})
    order = (await client.gql(COMPLETE, {"id": checkout_id}))["checkoutComplete"]["order"]
    operator = await client.login("shop-op@example.com")
    await client.gql(PAID, {"id": order["id"]}, operator)
    await client.runtime.dispatcher.drain()
    async with Browser(app) as es:
        await es.login("es@example.com", PASSWORD)
        page = await es.get("/dashboard/invoices")
        links = re.findall(r'href="(/dashboard/invoices/[^"]+/pdf)"', page.text)
        assert len(links) == 1
        download = await es.get(links[0])
        assert download.status_code == 303
        pdf = await client.http.get(urlparse(download.headers["location"]).path)
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    async with Browser(app) as pt:
        await pt.login("pt@example.com", PASSWORD)
        assert (await pt.get(links[0])).status_code == 404  # the ES vendor's invoice
        own = re.findall(r'href="(/dashboard/invoices/[^"]+/pdf)"',
                         (await pt.get("/dashboard/invoices")).text)
        assert len(own) == 1 and own != links
    for browser in (es, pt):
        for path, count, size in browser.documents:
            assert count <= 2 and size < 100_000, (path, count, size)
