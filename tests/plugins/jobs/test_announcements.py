"""Announcements reach exactly the opted-in members of a segment, once each, in their
language; a test send goes to the sender only; unsubscribing stops them."""

from __future__ import annotations

from urllib.parse import urlparse

from engine.plugins.api import decode_id
from tests.client import Client
from tests.plugins.jobs.scenario import ERR, events, user_id

OPT_IN = f"""mutation($f: SegmentInput!) {{ announcementOptIn(facts: $f) {{ optIn {{
  subscribed language }} {ERR} }} }}"""
CREATE = f"""mutation($s: SegmentInput!) {{ announcementCreate(kind: "JOB_FAIR",
  subject: {{es: "Feria de empleo", pt: "Feira de emprego", en: "Job fair"}},
  body: {{es: "Te esperamos", en: "See you there"}}, segment: $s) {{
  announcement {{ id status recipients }} {ERR} }} }}"""
SEND = f"""mutation($id: ID!) {{ announcementSend(id: $id) {{ announcement {{ status
  recipients }} {ERR} }} }}"""
TEST = f"mutation($id: ID!) {{ announcementTestSend(id: $id) {{ ok {ERR} }} }}"
UNSUBSCRIBE = f"mutation($t: String!) {{ announcementUnsubscribe(token: $t) {{ ok {ERR} }} }}"


async def member(client: Client, email: str, **facts: str) -> str:
    token = await client.register(email)
    data = await client.gql(OPT_IN, {"f": facts}, token)
    assert data["announcementOptIn"]["errors"] == [], data
    return await user_id(client, token)


def pk(global_id: str) -> int:
    return decode_id(global_id, "User")


async def test_a_segment_gets_it_once_each_in_their_language_and_unsubscribe_stops_it(
        client: Client) -> None:
    op = await client.operator()
    ana = await member(client, "ana@example.com", language="ES", region="huelva")
    joao = await member(client, "joao@example.com", language="PT", region="huelva")
    ola = await member(client, "ola@example.com", language="EN", region="huelva")
    await member(client, "faro@example.com", language="PT", region="faro")
    await client.register("never@example.com")  # never opted in, lives in Huelva too
    created = await client.gql(CREATE, {"s": {"region": "huelva"}}, op)
    ann = created["announcementCreate"]["announcement"]["id"]
    tested = await client.gql(TEST, {"id": ann}, op)
    assert tested["announcementTestSend"]["ok"] is True
    queued = await events(client, "ruta_announcement_queued")
    assert [(e["user_id"], e["test"]) for e in queued] == [
        (pk(await user_id(client, op)), True)]
    sent = await client.gql(SEND, {"id": ann}, op)
    assert sent["announcementSend"]["announcement"] == {"status": "SENT", "recipients": 3}
    again = await client.gql(SEND, {"id": ann}, op)
    assert [e["code"] for e in again["announcementSend"]["errors"]] == ["ALREADY_SENT"]
    queued = [e for e in await events(client, "ruta_announcement_queued") if not e["test"]]
    by_user = {e["user_id"]: (e["language"], e["subject"], e["body"]) for e in queued}
    assert len(queued) == 3 and set(by_user) == {pk(x) for x in (ana, joao, ola)}
    assert sorted(by_user.values()) == [
        ("EN", "Job fair", "See you there"), ("ES", "Feria de empleo", "Te esperamos"),
        ("PT", "Feira de emprego", "See you there")]  # no Portuguese body: English
    link = next(e["unsubscribe_url"] for e in queued if e["language"] == "PT")
    assert "/notifications/unsubscribe?token=" in link  # the core's RFC 8058 link
    url = urlparse(link)
    done = await client.http.post(f"{url.path}?{url.query}",
                                  content=b"List-Unsubscribe=One-Click")
    assert done.status_code == 200
    await client.runtime.dispatcher.drain()  # type: ignore[union-attr]
    forged = await client.gql(UNSUBSCRIBE, {"t": "not-a-token"})
    assert [e["code"] for e in forged["announcementUnsubscribe"]["errors"]] == ["INVALID_LINK"]
    second = (await client.gql(CREATE, {"s": {"region": "huelva"}}, op)
              )["announcementCreate"]["announcement"]["id"]
    resent = await client.gql(SEND, {"id": second}, op)
    assert resent["announcementSend"]["announcement"]["recipients"] == 2  # João left


async def test_only_operators_write_and_send(client: Client) -> None:
    token = await client.register("someone@example.com")
    refused = await client.raw(CREATE, {"s": {}}, token)
    assert refused["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"

