"""Security headers on every response; no caching of credentialed answers (issue 10, item
18), and absolute links built from ``RUTA_PUBLIC_URL``, never the Host header (item 17)."""

from __future__ import annotations

from typing import Any

from tests.client import Client
from tests.shop import COMPLETE, build, checkout

ALWAYS = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer"}
NOT_FRAMED = {"x-frame-options": "DENY"}
QUERY = {"query": "{ __typename }"}


def has(headers: Any, expected: dict[str, str]) -> None:
    assert {k: headers.get(k) for k in expected} == expected


async def test_every_response_says_nosniff_no_referrer_and_no_framing(client: Client) -> None:
    responses = [await client.http.post("/graphql", json=QUERY),
                 await client.http.get("/health"),
                 await client.http.get("/no-such-page"),
                 await client.http.get("/downloads/not-a-token"),
                 await client.http.post("/graphql", content=b"x" * (2 * 1024 * 1024),
                                        headers={"content-type": "application/json"})]
    assert [r.status_code for r in responses] == [200, 200, 404, 403, 413]
    for response in responses:
        has(response.headers, {**ALWAYS, **NOT_FRAMED})
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    api = responses[0].headers
    assert api["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"
    assert "no-store" not in api.get("cache-control", "")


async def test_graphiql_keeps_its_page_working(client: Client) -> None:
    page = await client.http.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()
    has(page.headers, ALWAYS)
    assert "x-frame-options" not in page.headers
    assert "content-security-policy" not in page.headers  # it loads its scripts and styles


async def test_credentialed_answers_are_never_stored(client: Client) -> None:
    token = await client.register("ana@example.com")
    me = {"query": "{ me { email } }"}
    with_token = await client.http.post("/graphql", json=me,
                                        headers={"Authorization": f"Bearer {token}"})
    assert with_token.json() == {"data": {"me": {"email": "ana@example.com"}}}
    with_cookie = await client.http.post("/graphql", json=QUERY,
                                         headers={"Cookie": "session=abc"})
    bad_token = await client.http.post("/graphql", json=me,
                                       headers={"Authorization": "Bearer nonsense"})
    for response in (with_token, with_cookie, bad_token):
        assert response.headers["cache-control"] == "no-store"
        has(response.headers, ALWAYS)
    anonymous = await client.http.post("/graphql", json=QUERY)
    assert anonymous.headers.get("cache-control") != "no-store"


async def test_download_links_use_the_public_url_not_the_host_header(plugged: Any) -> None:
    public = "https://shop.ruta.example"
    async with plugged(public_url=public + "/") as client:
        shop = await build(client)
        _, variant = await client.product(shop.pt_token, "Free guide", kind="DIGITAL",
                                          price="0.00",
                                          digitalAsset="https://cdn.example/free.pdf")
        shop.variants["free"] = variant
        created = await checkout(client, {"free": 1}, shop, billingAddress={
            "firstName": "A", "lastName": "B", "streetAddress1": "Rua 1", "city": "Faro",
            "postalCode": "8000-138", "country": "PT"})
        response = await client.http.post(
            "/graphql", json={"query": COMPLETE, "variables": {"id": created["id"]}},
            headers={"Host": "evil.example", "X-Forwarded-Host": "evil.example"})
        order = response.json()["data"]["checkoutComplete"]["order"]
        link = order["vendorOrders"][0]["lines"][0]["downloadUrl"]
        assert link.startswith(f"{public}/downloads/") and "evil" not in link
