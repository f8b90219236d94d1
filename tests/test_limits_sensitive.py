"""Issue 10, item 3: one document may run at most one sensitive mutation (password, token,
account, payment), counted through aliases and fragments, refused during validation."""

from __future__ import annotations

from typing import Any

from tests.client import PASSWORD, Client
from tests.limits_spy import Spy
from tests.test_query_counts import counting

LOGIN = 'tokenCreate(email: "guess@example.com", password: "{p}") {{ token errors {{ code }} }}'


def guesses(n: int) -> str:
    return "mutation { " + " ".join(f"a{i}: " + LOGIN.format(p=f"guess-{i}")
                                    for i in range(n)) + " }"


async def test_thirty_aliased_logins_are_refused_before_anything_runs(plugged: Any) -> None:
    spy = Spy()
    async with plugged(spy) as client:
        await client.register("guess@example.com")
        with counting(client.runtime) as statements:
            body = await client.raw(guesses(30).replace("mutation {", "mutation { spyTouch"))
    assert statements == [] and spy.calls == 0
    assert body.get("data") is None
    [error] = body["errors"]
    assert error["extensions"] == {"code": "TOO_MANY_SENSITIVE_MUTATIONS", "maximum": 1}
    assert "30 sensitive mutations" in error["message"]


async def test_fragments_and_different_sensitive_mutations_count_together(
        client: Client) -> None:
    document = """mutation { ...Login ... on Mutation { checkoutComplete(id: "x") { errors {
        code } } } } fragment Login on Mutation { tokenCreate(email: "a@example.com",
        password: "x") { token } }"""
    with counting(client.runtime) as statements:
        body = await client.raw(document)
    assert statements == []
    assert body["errors"][0]["extensions"]["code"] == "TOO_MANY_SENSITIVE_MUTATIONS"
    register_and_login = """mutation { accountRegister(input: { email: "r@example.com",
        password: "long-enough-password", country: ES }) { errors { code } }
        tokenRefresh(refreshToken: "x") { token } }"""
    body = await client.raw(register_and_login)
    assert body["errors"][0]["extensions"]["code"] == "TOO_MANY_SENSITIVE_MUTATIONS"


async def test_one_login_per_request_still_works(client: Client) -> None:
    await client.register("one@example.com")
    body = await client.raw("mutation { " + LOGIN.replace("guess@", "one@").format(p=PASSWORD)
                            + " }")
    assert "errors" not in body, body
    assert body["data"]["tokenCreate"]["token"]
    # A query naming tokenCreate-like fields is not a mutation: nothing to count.
    assert "errors" not in await client.raw("{ a: __typename b: __typename }")
