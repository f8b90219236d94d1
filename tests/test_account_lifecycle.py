"""The account lifecycle end to end: a test plugin receives the messages (links) through
the lifecycle hooks, as a notifications plugin would."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from engine import hookimpl
from engine.accounts import lifecycle
from engine.db.types import utcnow
from engine.errors import ValidationError
from tests.client import PASSWORD, Client

REGISTER = """mutation($i: AccountRegisterInput!) { accountRegister(input: $i) {
  user { id } requiresConfirmation errors { field code message } } }"""
RESET_REQUEST = """mutation($e: String!) { passwordResetRequest(email: $e) {
  ok errors { field code message } } }"""
RESET_CONFIRM = """mutation($t: String!, $p: String!) { passwordResetConfirm(token: $t,
  newPassword: $p) { ok errors { field code message } } }"""
CONFIRM_EMAIL = """mutation($t: String!) { accountConfirmEmail(token: $t) {
  user { email emailVerified } errors { code } } }"""
CHANGE = """mutation($o: String!, $n: String!) { passwordChange(oldPassword: $o, newPassword: $n)
  { token errors { field code message } } }"""
UPDATE = """mutation($i: AccountUpdateInput!) { accountUpdate(input: $i) {
  user { name languageCode country timeZone } errors { field code } } }"""
ME = "{ me { email } }"
NEW_PASSWORD = "a-brand-new-passphrase"


class Mailbox:
    """Implements the account message hooks: what an e-mail plugin would send."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, int, str | None]] = []

    @hookimpl
    def ruta_account_verification_requested(self, user_id: int, link: str) -> None:
        self.sent.append(("verify", user_id, link))

    @hookimpl
    def ruta_password_reset_requested(self, user_id: int, link: str) -> None:
        self.sent.append(("reset", user_id, link))

    @hookimpl
    def ruta_password_changed(self, user_id: int) -> None:
        self.sent.append(("changed", user_id, None))

    @hookimpl
    def ruta_account_registration_attempted(self, user_id: int) -> None:
        self.sent.append(("attempted", user_id, None))

    def kinds(self) -> list[str]:
        return [kind for kind, _, _ in self.sent]

    def token(self, kind: str) -> str:
        link = [link for k, _, link in self.sent if k == kind][-1]
        assert link is not None and link.startswith("https://shop.example/")
        return parse_qs(urlparse(link).query)["token"][0]


async def delivered(client: Client) -> None:
    assert client.runtime.dispatcher is not None
    await client.runtime.dispatcher.drain()


async def test_registering_an_existing_email_answers_exactly_like_a_new_one(plugged: Any) -> None:
    mailbox = Mailbox()
    async with plugged(mailbox, public_url="https://shop.example") as client:
        given = {"email": "ana@example.com", "password": PASSWORD, "country": "ES"}
        new = await client.raw(REGISTER, {"i": given})
        again = await client.raw(REGISTER, {"i": {**given, "password": "another-password"}})
        assert new == again == {"data": {"accountRegister": {
            "user": None, "requiresConfirmation": True, "errors": []}}}
        await delivered(client)
        assert mailbox.kinds() == ["verify", "attempted"]
        assert mailbox.sent[0][1] == mailbox.sent[1][1]  # the owner is told
        assert await client.login("ana@example.com")  # the first password stands


async def test_the_email_is_confirmed_once_with_its_link(plugged: Any) -> None:
    mailbox = Mailbox()
    async with plugged(mailbox, public_url="https://shop.example") as client:
        await client.register("ana@example.com")
        await delivered(client)
        token = mailbox.token("verify")
        confirmed = (await client.gql(CONFIRM_EMAIL, {"t": token}))["accountConfirmEmail"]
        assert confirmed["user"] == {"email": "ana@example.com", "emailVerified": True}
        again = (await client.gql(CONFIRM_EMAIL, {"t": token}))["accountConfirmEmail"]
        assert again == {"user": None, "errors": [{"code": "INVALID_TOKEN"}]}


async def test_a_reset_link_works_once_and_ends_every_other_session(plugged: Any) -> None:
    mailbox = Mailbox()
    async with plugged(mailbox, public_url="https://shop.example") as client:
        old_session = await client.register("ana@example.com")
        unknown = await client.gql(RESET_REQUEST, {"e": "nobody@example.com"})
        known = await client.gql(RESET_REQUEST, {"e": "ana@example.com"})
        assert unknown == known == {"passwordResetRequest": {"ok": True, "errors": []}}
        await delivered(client)
        token = mailbox.token("reset")
        done = await client.gql(RESET_CONFIRM, {"t": token, "p": NEW_PASSWORD})
        assert done == {"passwordResetConfirm": {"ok": True, "errors": []}}
        reused = (await client.gql(RESET_CONFIRM, {"t": token, "p": "yet-another-one"}))
        assert reused["passwordResetConfirm"]["errors"][0]["code"] == "INVALID_TOKEN"
        ended = await client.raw(ME, token=old_session)
        assert ended["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        assert await client.login("ana@example.com", NEW_PASSWORD)
        await delivered(client)
        assert mailbox.kinds().count("changed") == 1


async def test_a_reset_link_expires_after_one_hour(plugged: Any) -> None:
    mailbox = Mailbox()
    async with plugged(mailbox, public_url="https://shop.example") as client:
        await client.register("ana@example.com")
        asked = utcnow()
        await lifecycle.request_password_reset(client.runtime, "ana@example.com", now=asked)
        await delivered(client)
        token = mailbox.token("reset")
        late = asked + timedelta(hours=1, seconds=1)
        with pytest.raises(ValidationError) as expired:
            await lifecycle.confirm_password_reset(client.runtime, token, NEW_PASSWORD, now=late)
        assert expired.value.errors[0].code == "INVALID_TOKEN"
        in_time = asked + timedelta(minutes=59)
        await lifecycle.confirm_password_reset(client.runtime, token, NEW_PASSWORD, now=in_time)
        assert await client.login("ana@example.com", NEW_PASSWORD)


async def test_changing_the_password_needs_the_old_one_and_ends_other_sessions(
        client: Client) -> None:
    other_session = await client.register("ana@example.com")
    this_session = await client.login("ana@example.com")
    wrong = (await client.gql(CHANGE, {"o": "not-my-password", "n": NEW_PASSWORD},
                              this_session))["passwordChange"]
    assert wrong["token"] is None
    assert wrong["errors"][0]["field"] == "oldPassword"
    changed = (await client.gql(CHANGE, {"o": PASSWORD, "n": NEW_PASSWORD},
                                this_session))["passwordChange"]
    assert changed["errors"] == [] and changed["token"]
    assert (await client.gql(ME, token=changed["token"]))["me"]["email"] == "ana@example.com"
    ended = await client.raw(ME, token=other_session)
    assert ended["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert await client.login("ana@example.com", NEW_PASSWORD)


async def test_account_update_changes_only_what_is_given(client: Client) -> None:
    token = await client.register("ana@example.com")
    first = await client.gql(UPDATE, {"i": {"name": " Ana Silva ", "timeZone": "Europe/Lisbon",
                                            "languageCode": "PT", "country": "PT"}}, token)
    assert first["accountUpdate"] == {"user": {"name": "Ana Silva", "languageCode": "PT",
                                               "country": "PT", "timeZone": "Europe/Lisbon"},
                                      "errors": []}
    second = await client.gql(UPDATE, {"i": {"country": "US", "timeZone": "Nowhere/Else"}},
                              token)
    assert second["accountUpdate"]["errors"] == [
        {"field": "country", "code": "UNSUPPORTED_COUNTRY"},
        {"field": "timeZone", "code": "INVALID_TIME_ZONE"}]
    third = await client.gql(UPDATE, {"i": {"name": "Ana"}}, token)
    assert third["accountUpdate"]["user"] == {"name": "Ana", "languageCode": "PT",
                                              "country": "PT", "timeZone": "Europe/Lisbon"}
    anonymous = await client.raw(UPDATE, {"i": {"name": "x"}})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
