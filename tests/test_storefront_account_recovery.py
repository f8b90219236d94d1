"""The links of the account e-mails open storefront pages: the verification link confirms the
address, the reset link sets a new password; "Forgot your password?" answers the same for
any e-mail. The links are read from the built-in mailbox (no SMTP server in the tests)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import httpx
from sqlalchemy import select
from starlette.applications import Starlette

from engine.notifications.models import Notification
from engine.testing.client import PASSWORD, Client
from tests.web_browser import TOKEN_RE, Browser

NEW_PASSWORD = "a-brand-new-passphrase"
ME = "{ me { emailVerified } }"


async def mailed_links(client: Client, kind: str, to: str) -> list[str]:
    """The links (path and query) of the ``kind`` e-mails kept for ``to``, oldest first."""
    assert client.runtime.dispatcher is not None
    await client.runtime.dispatcher.drain()
    async with client.runtime.db.read() as session:
        bodies = (await session.scalars(select(Notification.body_text).where(
            Notification.type == kind, Notification.email == to,
            Notification.email_status == "mailbox").order_by(Notification.id))).all()
    links = []
    for body in bodies:
        found = re.search(r"https?://\S+", body)
        assert found is not None, body
        url = urlsplit(found.group(0))
        links.append(f"{url.path}?{url.query}")
    return links


async def sign_in(browser: Browser, email: str, password: str) -> httpx.Response:
    return await browser.post("/account/login", {"email": email, "password": password})


def without_tokens(html: str) -> str:
    return TOKEN_RE.sub("", html)


async def test_the_verification_link_confirms_the_address(
        app: Starlette, client: Client) -> None:
    async with Browser(app) as browser, Browser(app) as stranger:
        registered = await browser.post("/account/register", {
            "email": "new@example.com", "password": PASSWORD})
        assert registered.status_code == 303, registered.text[:500]
        account = await browser.get("/account?lang=en")
        assert "Your e-mail address is not confirmed yet" in account.text
        [link] = await mailed_links(client, "account_verification", "new@example.com")
        assert link.startswith("/account/verify-email?token=")
        token = await client.login("new@example.com")
        assert (await client.gql(ME, token=token))["me"]["emailVerified"] is False

        # opening the link (as a mail scanner or a link preview would) changes nothing
        opened = await browser.get(link + "&lang=en")
        assert opened.status_code == 200 and "Confirm my e-mail address" in opened.text
        assert (await client.gql(ME, token=token))["me"]["emailVerified"] is False
        secret = parse_qs(urlsplit(link).query)["token"][0]
        assert f'name="token" value="{secret}"' in opened.text
        confirmed = await browser.post("/account/verify-email?lang=en", {"token": secret},
                                       form_page=link)
        assert confirmed.status_code == 200
        assert "Your e-mail address is confirmed. Thank you!" in confirmed.text
        assert (await client.gql(ME, token=token))["me"]["emailVerified"] is True
        assert "not confirmed yet" not in (await browser.get("/account?lang=en")).text
        # the same link again: its owner, signed in, sees the address confirmed
        again = await browser.post("/account/verify-email?lang=en", {"token": secret},
                                   form_page=link)
        assert again.status_code == 200 and "is confirmed" in again.text
        # anybody else is told the link is used, in their language, and how to get one
        used = await stranger.post("/account/verify-email?lang=es", {"token": secret},
                                   form_page=link)
        assert used.status_code == 400
        assert "Este enlace no es válido, ha caducado o ya se ha usado." in used.text
        assert 'href="/account/login?next=/account/verify-email"' in used.text


async def test_a_signed_in_buyer_asks_for_a_new_verification_link(
        app: Starlette, client: Client) -> None:
    await client.register("late@example.com")
    async with Browser(app) as browser:
        assert (await sign_in(browser, "late@example.com", PASSWORD)).status_code == 303
        failed = await browser.post("/account/verify-email?lang=pt", {"token": "forged"},
                                    form_page="/account/verify-email?token=forged")
        assert failed.status_code == 400
        assert "Esta ligação não é válida, expirou ou já foi usada." in failed.text
        sent = await browser.post("/account/verify-email", {},
                                  form_page="/account/verify-email")
        assert sent.status_code == 303 and sent.headers["location"] == "/account/verify-email"
        first, second = await mailed_links(client, "account_verification", "late@example.com")
        assert first != second
        secret = parse_qs(urlsplit(second).query)["token"][0]
        confirmed = await browser.post("/account/verify-email?lang=en", {"token": secret},
                                       form_page=second)
        assert confirmed.status_code == 200 and "is confirmed" in confirmed.text
        done = await browser.post("/account/verify-email?lang=en", {},
                                  form_page="/account/verify-email")
        assert done.headers["location"] == "/account"
        assert "already confirmed" in (await browser.get("/account?lang=en")).text
    async with Browser(app) as anonymous:
        refused = await anonymous.post("/account/verify-email", {},
                                       form_page="/account/verify-email")
        assert refused.headers["location"].startswith("/account/login?next=")


async def test_forgot_password_answers_the_same_for_known_and_unknown_addresses(
        app: Starlette, client: Client) -> None:
    await client.register("known@example.com")
    async with Browser(app) as browser:
        login = await browser.get("/account/login?lang=en")
        assert '<a href="/account/forgot-password">Forgot your password?</a>' in login.text
        answers = []
        for email in ("known@example.com", "nobody@example.com"):
            sent = await browser.post("/account/forgot-password?lang=en", {"email": email})
            assert sent.status_code == 303
            page = await browser.get(sent.headers["location"])
            assert page.status_code == 200
            answers.append((sent.headers["location"], without_tokens(page.text)))
        assert answers[0] == answers[1]
        assert "If an account exists for this e-mail address" in answers[0][1]
        empty = await browser.post("/account/forgot-password?lang=en", {"email": ""})
        assert empty.status_code == 400 and "Write your e-mail address." in empty.text
    assert len(await mailed_links(client, "password_reset", "known@example.com")) == 1
    assert await mailed_links(client, "password_reset", "nobody@example.com") == []


async def test_the_reset_link_sets_a_new_password(app: Starlette, client: Client) -> None:
    await client.register("forgetful@example.com")
    async with Browser(app) as browser:
        await browser.post("/account/forgot-password", {"email": "forgetful@example.com"})
        [link] = await mailed_links(client, "password_reset", "forgetful@example.com")
        assert link.startswith("/account/reset-password?token=")
        form = await browser.get(link + "&lang=en")
        assert form.status_code == 200 and 'name="token" value="' in form.text
        token = re.search(r'name="token" value="([^"]+)"', form.text)
        assert token is not None

        async def reset(password: str, confirm: str, lang: str = "en") -> httpx.Response:
            return await browser.post(f"/account/reset-password?lang={lang}", {
                "token": token.group(1), "password": password, "confirm": confirm},
                form_page=link)

        differ = await reset(NEW_PASSWORD, NEW_PASSWORD + "x")
        assert differ.status_code == 400 and "The two passwords are not the same." in differ.text
        short = await reset("short", "short", "es")
        assert short.status_code == 400 and "La contraseña es demasiado corta." in short.text
        done = await reset(NEW_PASSWORD, NEW_PASSWORD)
        assert done.status_code == 303 and done.headers["location"] == "/account/login"
        assert "Your new password is set." in (await browser.get("/account/login?lang=en")).text

        old = await sign_in(browser, "forgetful@example.com", PASSWORD)
        assert old.status_code == 400
        assert (await sign_in(browser, "forgetful@example.com", NEW_PASSWORD)).status_code == 303

        used = await reset("another-good-passphrase", "another-good-passphrase", "es")
        assert used.status_code == 400
        assert "Este enlace no es válido, ha caducado o ya se ha usado." in used.text
        assert 'href="/account/forgot-password"' in used.text
    still = await client.gql("mutation($e: String!, $p: String!) { tokenCreate(email: $e, "
                             "password: $p) { errors { code } } }",
                             {"e": "forgetful@example.com", "p": NEW_PASSWORD})
    assert still["tokenCreate"]["errors"] == []


async def test_a_forged_reset_link_is_refused_in_the_pages_language(
        app: Starlette, client: Client) -> None:
    await client.register("target@example.com")
    async with Browser(app) as browser:
        for lang, wanted in (("es", "Este enlace no es válido, ha caducado o ya se ha usado."),
                             ("pt", "Esta ligação não é válida, expirou ou já foi usada.")):
            refused = await browser.post(f"/account/reset-password?lang={lang}", {
                "token": "forged", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
                form_page="/account/reset-password?token=forged")
            assert refused.status_code == 400 and wanted in refused.text
            bare = await browser.get(f"/account/reset-password?lang={lang}")
            assert bare.status_code == 400 and wanted in bare.text
    kept = await client.gql("mutation($e: String!, $p: String!) { tokenCreate(email: $e, "
                            "password: $p) { errors { code } } }",
                            {"e": "target@example.com", "p": PASSWORD})
    assert kept["tokenCreate"]["errors"] == []
