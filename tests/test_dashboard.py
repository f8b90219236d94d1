"""The seller dashboard in process: sessions, CSRF, once-only forms, ownership, budgets."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from starlette.applications import Starlette

from engine.app import create_app
from engine.testing.client import PASSWORD, Client
from engine.web.session import COOKIE, dump, load
from tests.shop import COMPLETE, build, ready
from tests.web_browser import Browser

ROOT = Path(__file__).resolve().parents[1]
DASHBOARD = ROOT / "plugins" / "dashboard"
MY_PRODUCTS = "query { myVendor { products(first: 50) { totalCount edges { node { name } } } } }"


async def test_signing_in_sets_an_httponly_samesite_cookie_and_strict_headers(
        app: Starlette, client: Client) -> None:
    await client.register("ana@example.com")
    async with Browser(app) as browser:
        await browser.login("ana@example.com", PASSWORD)
        cookie = next(c for c in browser.http.cookies.jar if c.name == COOKIE)
        assert cookie.has_nonstandard_attr("HttpOnly")
        assert cookie.get_nonstandard_attr("SameSite").lower() == "lax"
        home = await browser.get("/dashboard/")
        assert home.status_code == 200 and "ana@example.com" in home.text
        csp = home.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert re.search(r"<script(?![^>]*\bsrc=)", home.text) is None  # no inline script
        assert " style=" not in home.text
        static = await browser.get("/dashboard/static/dashboard.css")
        assert static.status_code == 200
        assert static.headers["x-content-type-options"] == "nosniff"


async def test_a_form_posted_without_its_token_is_refused_and_writes_nothing(
        app: Starlette, client: Client) -> None:
    token = await client.register("ana@example.com")
    async with Browser(app) as browser:
        await browser.login("ana@example.com", PASSWORD)
        form = {"name": "Forged", "country": "ES", "postalCode": "21700", "taxId": "B21000005"}
        refused = await browser.http.post("/dashboard/apply", data=form)
        assert refused.status_code == 403
        other = Browser(app)  # a token issued to another browser session
        stolen = await other.token("/dashboard/login")
        await other.__aexit__()
        refused = await browser.http.post("/dashboard/apply", data={**form, "csrf_token": stolen})
        assert refused.status_code == 403
    assert (await client.gql("{ myVendor { id } }", token=token))["myVendor"] is None


async def test_a_form_sent_twice_with_the_same_token_acts_once(
        app: Starlette, client: Client) -> None:
    vendor_token, _ = await client.vendor("es@example.com", "Bodega ES")
    async with Browser(app) as browser:
        await browser.login("es@example.com", PASSWORD)
        token = await browser.token("/dashboard/products/new")
        form = {"name": "Aceite", "kind": "PHYSICAL", "taxClass": "STANDARD"}
        first = await browser.post("/dashboard/products/new", form, token=token)
        second = await browser.post("/dashboard/products/new", form, token=token)
    assert first.status_code == second.status_code == 303
    assert second.headers["location"] == first.headers["location"]
    data = await client.gql(MY_PRODUCTS, token=vendor_token)
    assert data["myVendor"]["products"]["totalCount"] == 1


async def test_an_expiring_access_token_is_refreshed_on_the_server(
        app: Starlette, client: Client) -> None:
    await client.register("ana@example.com")
    key = app.state.web.session_key
    async with Browser(app) as browser:
        await browser.login("ana@example.com", PASSWORD)
        session = load(browser.http.cookies[COOKIE].strip('"'), key)
        spent = session.refresh
        session.expires = 0  # as if the access token ran out
        browser.http.cookies.delete(COOKIE)
        browser.http.cookies.set(COOKIE, dump(session, key), domain="testserver.local")
        home = await browser.get("/dashboard/")
        assert home.status_code == 200 and "ana@example.com" in home.text
        rotated = load(home.cookies[COOKIE].strip('"'), key)
        assert rotated.refresh != spent and rotated.expires > 0
    reused = await client.gql("mutation($r: String!) { tokenRefresh(refreshToken: $r) "
                              "{ token errors { code } } }", {"r": spent})
    assert reused["tokenRefresh"]["token"] is None  # the old refresh token was spent


async def test_a_tampered_cookie_is_an_anonymous_visit(app: Starlette, client: Client) -> None:
    await client.register("ana@example.com")
    async with Browser(app) as browser:
        await browser.login("ana@example.com", PASSWORD)
        value = browser.http.cookies[COOKIE].strip('"')
        browser.http.cookies.delete(COOKIE)
        browser.http.cookies.set(COOKIE, "x" + value, domain="testserver.local")
        response = await browser.get("/dashboard/products")
    assert response.status_code == 303
    assert response.headers["location"].startswith("/dashboard/login")


async def test_a_vendor_cannot_open_another_vendors_product_or_order(
        app: Starlette, client: Client) -> None:
    shop = await build(client)
    checkout_id = await ready(client, shop, {"wine": 1})
    order = (await client.gql(COMPLETE, {"id": checkout_id}))["checkoutComplete"]["order"]
    vendor_order = order["vendorOrders"][0]["id"]
    es_products = await client.gql(MY_PRODUCTS.replace("name", "id name"), token=shop.es_token)
    product_id = es_products["myVendor"]["products"]["edges"][0]["node"]["id"]
    async with Browser(app) as owner:
        await owner.login("es@example.com", PASSWORD)
        assert (await owner.get(f"/dashboard/products/{product_id}")).status_code == 200
        assert (await owner.get(f"/dashboard/orders/{vendor_order}")).status_code == 200
    async with Browser(app) as other:
        await other.login("pt@example.com", PASSWORD)
        for path in (f"/dashboard/products/{product_id}", f"/dashboard/orders/{vendor_order}"):
            page = await other.get(path)
            assert page.status_code == 404, path
            assert "Wine" not in page.text
        publish = await other.post(f"/dashboard/products/{product_id}/publish",
                                   {"publish": "0"}, form_page="/dashboard/products")
        assert publish.status_code == 404
    still = await client.gql("query($id: ID!) { product(id: $id) { isPublished } }",
                             {"id": product_id})
    assert still["product"]["isPublished"] is True


async def test_each_vendor_page_runs_at_most_two_documents_and_weighs_under_100_kb(
        app: Starlette, client: Client) -> None:
    shop = await build(client)
    checkout_id = await ready(client, shop, {"wine": 2})
    order = (await client.gql(COMPLETE, {"id": checkout_id}))["checkoutComplete"]["order"]
    data = await client.gql(MY_PRODUCTS.replace("name", "id name"), token=shop.es_token)
    product_id = data["myVendor"]["products"]["edges"][0]["node"]["id"]
    pages = ["/dashboard/", "/dashboard/products", "/dashboard/products?search=wine",
             "/dashboard/products/new", f"/dashboard/products/{product_id}", "/dashboard/orders",
             "/dashboard/orders?status=UNPAID",
             f"/dashboard/orders/{order['vendorOrders'][0]['id']}", "/dashboard/balance",
             "/dashboard/sales", "/dashboard/sales?days=90", "/dashboard/shipping",
             "/dashboard/products/import", "/dashboard/staff", "/dashboard/apply",
             "/dashboard/login", "/dashboard/register", "/dashboard/promotions",
             "/dashboard/vouchers"]
    async with Browser(app) as browser:
        await browser.login("es@example.com", PASSWORD)
        for path in pages:
            assert (await browser.get(path)).status_code == 200, path
        await browser.post("/dashboard/products/new", {"name": "Miel", "kind": "PHYSICAL"})
        detail = f"/dashboard/orders/{order['vendorOrders'][0]['id']}"
        await browser.post(f"{detail}/refund", {"amount": "1.00"}, form_page=detail)
    seen = {path for path, _count, _size in browser.documents}
    assert set(pages) <= seen
    for path, count, size in browser.documents:
        assert count <= 2, (path, count)
        assert size < 100_000, (path, size)


async def test_the_operator_page_is_for_operators_only(app: Starlette, client: Client) -> None:
    await client.vendor("applicant@example.com", "Tienda Nueva", approve=False)
    await client.operator("boss@example.com")
    async with Browser(app) as browser:
        await browser.login("applicant@example.com", PASSWORD)
        assert (await browser.get("/dashboard/operator/vendors")).status_code == 403
    async with Browser(app) as operator:
        await operator.login("boss@example.com", PASSWORD)
        page = await operator.get("/dashboard/operator/vendors")
        assert "Tienda Nueva" in page.text
        action = re.search(r'action="(/dashboard/operator/vendors/[^"]+/approve)"', page.text)
        assert action is not None
        done = await operator.post(action.group(1), {}, form_page="/dashboard/operator/vendors")
        assert done.status_code == 303
        after = await operator.get(done.headers["location"])
        assert "Tienda Nueva is approved" in after.text


async def test_the_language_is_the_explicit_choice_then_the_account_then_cookie_then_header(
        app: Starlette, client: Client) -> None:
    await client.gql("mutation($i: AccountRegisterInput!) { accountRegister(input: $i) "
                     "{ errors { code } } }", {"i": {"email": "pt@example.com",
                                                     "password": PASSWORD,
                                                     "languageCode": "PT", "country": "PT"}})
    async with Browser(app) as browser:
        page = await browser.get("/dashboard/login", headers={"accept-language": "es-ES,es"})
        assert '<html lang="es">' in page.text and "Iniciar sesión" in page.text
        page = await browser.get("/dashboard/login", headers={"accept-language": "es",
                                                              "cookie": "lang=en"})
        assert '<html lang="en">' in page.text
        await browser.login("pt@example.com", PASSWORD)
        page = await browser.get("/dashboard/", headers={"accept-language": "es"})
        assert '<html lang="pt">' in page.text and "Sessão iniciada" in page.text
        page = await browser.get("/dashboard/?lang=es")
        assert '<html lang="es">' in page.text
        page = await browser.get("/dashboard/")  # the explicit choice is remembered
        assert '<html lang="es">' in page.text


async def test_a_disabled_dashboard_is_not_served(app: Starlette) -> None:
    from engine.app import build_runtime
    from engine.plugins.manager import build_plugin_manager
    runtime = build_runtime(app.state.runtime.settings,
                            build_plugin_manager(entry_points_from="ruta",
                                                 disabled=["dashboard"]))
    headless = create_app(runtime=runtime)
    async with Browser(headless) as browser:
        assert (await browser.get("/dashboard/login")).status_code == 404
    await runtime.db.dispose()


def test_the_dashboard_imports_only_the_public_plugin_api() -> None:
    for path in DASHBOARD.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            for name in names:
                if name == "engine" or name.startswith("engine."):
                    assert name == "engine.plugins.api", f"{path.name} imports {name}"
                if name.startswith("plugins.") and not name.startswith("plugins.dashboard"):
                    pytest.fail(f"{path.name} imports another plugin: {name}")


async def test_products_export_as_csv_and_an_import_with_a_bad_row_writes_nothing(
        app: Starlette, client: Client) -> None:
    vendor_token, _ = await client.vendor("es@example.com", "Bodega ES")
    await client.product(vendor_token, "Vino tinto", price="12.10", stock=5)
    good = ("name,kind,sku,price,stock,isPublished\n"
            "Miel,PHYSICAL,M-1,6.50,4,yes\nQueso,PHYSICAL,Q-1,\"9,90\",2,no\n")
    bad = good + "Pan,PHYSICAL,M-1,1.00,1,no\nAceite,PHYSICAL,A-1,barato,1,no\n"
    async with Browser(app) as browser:
        await browser.login("es@example.com", PASSWORD)
        exported = await browser.get("/dashboard/products/export.csv")
        assert exported.headers["content-type"].startswith("text/csv")
        lines = exported.text.splitlines()
        assert lines[0] == "name,description,kind,taxClass,isPublished,sku,variantName,price,stock"
        assert lines[1].startswith("Vino tinto,") and lines[1].endswith(",12.10,5")
        token = await browser.token("/dashboard/products/import")
        refused = await browser.http.post("/dashboard/products/import", data={
            "csrf_token": token}, files={"file": ("p.csv", bad.encode(), "text/csv")})
        assert refused.status_code == 400
        assert "Write a price such as 12.50." in refused.text  # row 4, found before the API
        token = await browser.token("/dashboard/products/import")
        refused = await browser.http.post("/dashboard/products/import", data={
            "csrf_token": token}, files={"file": ("p.csv", bad.replace("barato", "2").encode(),
                                                  "text/csv")})
        assert refused.status_code == 400 and "This is already in use." in refused.text
        assert ">3<" in refused.text  # the row with the repeated SKU
        count = await client.gql(MY_PRODUCTS, token=vendor_token)
        assert count["myVendor"]["products"]["totalCount"] == 1  # nothing written
        token = await browser.token("/dashboard/products/import")
        done = await browser.http.post("/dashboard/products/import", data={
            "csrf_token": token}, files={"file": ("p.csv", good.encode(), "text/csv")})
        assert done.status_code == 303
    names = await client.gql(MY_PRODUCTS, token=vendor_token)
    assert {e["node"]["name"] for e in names["myVendor"]["products"]["edges"]} == {
        "Vino tinto", "Miel", "Queso"}


async def test_the_owner_invites_staff_who_accept_and_can_be_removed(
        app: Starlette, client: Client) -> None:
    await client.vendor("owner@example.com", "Bodega ES")
    await client.register("helper@example.com")
    async with Browser(app) as owner:
        await owner.login("owner@example.com", PASSWORD)
        sent = await owner.post("/dashboard/staff", {"email": "helper@example.com"})
        assert sent.status_code == 303
        page = await owner.get("/dashboard/staff")
        assert "helper@example.com" in page.text  # waiting
        async with Browser(app) as helper:
            await helper.login("helper@example.com", PASSWORD)
            home = await helper.get("/dashboard/")
            action = re.search(r'action="(/dashboard/invitations/[^"]+/accept)"', home.text)
            assert action is not None
            joined = await helper.post(action.group(1), {}, form_page="/dashboard/")
            assert joined.status_code == 303
            assert "Bodega ES" in (await helper.get("/dashboard/")).text
            staff_page = await helper.get("/dashboard/staff")
            assert "/remove" not in staff_page.text  # only the owner removes
        page = await owner.get("/dashboard/staff")
        remove = re.search(r'action="(/dashboard/staff/[^"]+/remove)"', page.text)
        assert remove is not None
        done = await owner.post(remove.group(1), {}, form_page="/dashboard/staff")
        assert done.status_code == 303
        after = await owner.get("/dashboard/staff")
        assert "helper@example.com" not in after.text and "Removed from your staff." in after.text


async def test_a_course_is_authored_with_modules_lessons_and_a_quiz(
        app: Starlette, client: Client) -> None:
    token, _ = await client.vendor("teacher@example.com", "Escuela")
    product_id, _ = await client.product(token, "Cata de aceite", kind="COURSE", price="0.00")
    base = f"/dashboard/products/{product_id}/course"
    async with Browser(app) as browser:
        await browser.login("teacher@example.com", PASSWORD)
        assert (await browser.get(base)).status_code == 200
        saved = await browser.post(f"{base}/settings", {"deliveryMode": "SELF_PACED_RECORDED",
                                                        "level": "BEGINNER",
                                                        "durationMinutes": "90"},
                                   form_page=base)
        assert saved.status_code == 303
        page = (await browser.get(base)).text
        course_id = re.search(r'name="courseId" value="([^"]+)"', page)
        assert course_id is not None
        added = await browser.post(f"{base}/modules", {"courseId": course_id.group(1),
                                                       "title": "Primeros pasos"},
                                   form_page=base)
        assert added.status_code == 303
        page = (await browser.get(base)).text
        action = re.search(r'action="(/dashboard/products/[^"]+/lessons)"', page)
        assert action is not None
        bad = await browser.post(action.group(1), {"title": "Aromas", "quiz": "nonsense"},
                                 form_page=base)
        assert bad.status_code == 400 and "Write each question after ?" in bad.text
        quiz = "? ¿Qué aceite es virgen extra?\n* El de primera presión\n- El refinado\n"
        done = await browser.post(action.group(1), {"title": "Aromas", "quiz": quiz},
                                  form_page=base)
        assert done.status_code == 303
        page = (await browser.get(base)).text
        assert "Primeros pasos" in page and "Aromas" in page
    outline = await client.gql("query($id: ID!) { product(id: $id) { course { modules { "
                               "title lessons { title } } } } }", {"id": product_id}, token)
    assert outline["product"]["course"]["modules"] == [
        {"title": "Primeros pasos", "lessons": [{"title": "Aromas"}]}]


async def test_a_series_of_event_slots_is_added_and_shows_seats_taken(
        app: Starlette, client: Client) -> None:
    token, _ = await client.vendor("events@example.com", "Eventos")
    created = await client.gql("""mutation { productCreate(input: { name: "Cata", kind: EVENT })
      { product { id } errors { code } } }""", token=token)
    product_id = created["productCreate"]["product"]["id"]
    page = f"/dashboard/products/{product_id}"
    form = {"skuPrefix": "CATA", "price": "25", "startsAt": "2027-05-07T19:30",
            "durationMinutes": "90", "count": "4", "everyDays": "7", "capacity": "12"}
    async with Browser(app) as browser:
        await browser.login("events@example.com", PASSWORD)
        bad = await browser.post(f"{page}/series", {**form, "count": "0"}, form_page=page)
        assert bad.status_code == 400 and "Write a whole number, 1 or more." in bad.text
        done = await browser.post(f"{page}/series", form, form_page=page)
        assert done.status_code == 303
        shown = (await browser.get(page)).text
    assert shown.count("0 / 12") == 4 and "07/05/2027, 19:30" in shown  # en_GB, Madrid time
    variants = await client.gql("query($id: ID!) { product(id: $id) { variants { startsAt } } }",
                                {"id": product_id}, token)
    assert variants["product"]["variants"][0]["startsAt"].startswith("2027-05-07T17:30")
