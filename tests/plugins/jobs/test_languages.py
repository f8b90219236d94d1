"""The jobs plugin speaks the core's seven languages (es, pt, en, fr, ar, ro, uk): every job
e-mail has a template in each, every error message it raises is translated in each
catalog, opting in and applying take any of them, and a candidate's errors come back in
their account's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.i18n.catalogs import LANGUAGES as CATALOGS
from engine.i18n.catalogs import read_catalog
from engine.i18n.extract import messages_in
from engine.notifications.render import render
from engine.plugins.api import MessageType
from plugins.jobs.notices import MESSAGE_TYPES
from tests.client import Client
from tests.plugins.jobs.scenario import ERR, offer
from tests.plugins.jobs.test_announcements import OPT_IN

SEVEN = ("es", "pt", "en", "fr", "ar", "ro", "uk")
JOBS = Path(__file__).resolve().parents[3] / "plugins" / "jobs"
ACCOUNT_LANGUAGE = f"""mutation($l: LanguageCodeEnum!) {{ accountUpdate(input: {{
  languageCode: $l }}) {{ user {{ languageCode }} {ERR} }} }}"""
APPLY = f"""mutation($o: ID!, $l: String!) {{ jobApply(offerId: $o, language: $l,
  message: "Bună ziua") {{ application {{ id }} {ERR} }} }}"""
GRANT = f"""mutation($s: ID!) {{ profileConsentGrant(staffUserId: $s) {{ {ERR} }} }}"""
ME = "query { me { id } }"


def jobs_messages() -> set[str]:
    found: set[str] = set()
    for path in sorted(JOBS.rglob("*.py")):
        found.update(messages_in(path.read_text(encoding="utf-8")))
    return found


@pytest.mark.parametrize("spec", MESSAGE_TYPES, ids=lambda spec: spec.code)
def test_every_job_email_has_a_template_in_each_of_the_seven_languages(
        spec: MessageType) -> None:
    templates = spec.templates
    assert sorted(p.stem for p in templates.glob("*.j2")) == sorted(SEVEN)
    context = {"title": "Taller X", "status": "SHORTLISTED", "message": "Hola",
               "employer": "Hotel", "subject": "Taller X", "body": "Hola\n\nAdiós",
               "test": True, "unsubscribe_url": "https://r.example/u",
               "public_url": "https://r.example"}
    subjects, texts = set(), set()
    for lang in SEVEN:
        done = render(templates, lang.upper(), "Europe/Madrid", context)
        assert done.language == lang.upper(), f"{spec.code}: no {lang}.j2"
        assert "Taller X" in done.subject and done.text and "<p>" in done.html
        subjects.add(done.subject)
        texts.add(done.text)
    assert len(texts) == len(SEVEN)  # translated, not copies of one language
    assert len(subjects) >= 4  # "[TEST]" is the same word in en, fr and ro


def test_every_jobs_error_message_is_translated_in_each_catalog() -> None:
    messages = jobs_messages()
    assert len(messages) > 40
    assert set(CATALOGS) == set(SEVEN)
    for language in SEVEN:
        catalog = {m.id: m.string for m in read_catalog(language) if m.id}
        missing = sorted(m for m in messages if not catalog.get(m))
        assert missing == [], f"{language}: translate these in messages.po: {missing}"
        if language != "en":
            same = sorted(m for m in messages if catalog[m] == m)
            assert same == [], f"{language}: left in English: {same}"


async def test_opting_in_takes_any_of_the_seven_languages(client: Client) -> None:
    kyiv = await client.register("olena@example.com")
    data = await client.gql(OPT_IN, {"f": {"language": "uk", "region": "huelva"}}, kyiv)
    assert data["announcementOptIn"] == {"optIn": {"subscribed": True, "language": "UK"},
                                         "errors": []}
    wrong = await client.gql(OPT_IN, {"f": {"language": "xx"}}, kyiv)
    assert [(e["field"], e["code"]) for e in wrong["announcementOptIn"]["errors"]] == [
        ("language", "INVALID")]
    # without a language: the account's, else English (accounts may be in German)
    paris = await client.register("amadou@example.com")
    await client.gql(ACCOUNT_LANGUAGE, {"l": "FR"}, paris)
    data = await client.gql(OPT_IN, {"f": {"region": "huelva"}}, paris)
    assert data["announcementOptIn"]["optIn"] == {"subscribed": True, "language": "FR"}
    berlin = await client.register("jonas@example.com")
    await client.gql(ACCOUNT_LANGUAGE, {"l": "DE"}, berlin)
    data = await client.gql(OPT_IN, {"f": {}}, berlin)
    assert data["announcementOptIn"]["optIn"] == {"subscribed": True, "language": "EN"}


async def test_a_candidates_errors_come_back_in_romanian_for_language_code_ro(
        client: Client) -> None:
    employer, _ = await client.vendor("hotel@example.com", "Hotel Faro")
    offer_id = await offer(client, employer, title="Recepcionista")
    ioana = await client.register("ioana@example.com")
    changed = await client.gql(ACCOUNT_LANGUAGE, {"l": "RO"}, ioana)
    assert changed["accountUpdate"]["user"] == {"languageCode": "RO"}
    no_profile = await client.gql(APPLY, {"o": offer_id, "l": "RO"}, ioana)
    assert no_profile["jobApply"]["errors"] == [{
        "field": "offerId", "code": "NO_PROFILE",
        "message": "Creați mai întâi profilul dvs. de candidat."}]
    language = await client.gql(APPLY, {"o": offer_id, "l": "DE"}, ioana)
    assert language["jobApply"]["errors"] == [{
        "field": "language", "code": "INVALID",
        "message": "Folosiți o limbă acceptată: ES, PT, EN, FR, AR, RO sau UK."}]
    me = (await client.gql(ME, token=ioana))["me"]["id"]
    own = await client.gql(GRANT, {"s": me}, ioana)
    assert own["profileConsentGrant"]["errors"] == [{
        "field": "staffUserId", "code": "INVALID",
        "message": "Vă gestionați deja propriul profil."}]
    opt_in = await client.gql(OPT_IN, {"f": {"language": "xx"}}, ioana)
    assert [e["message"] for e in opt_in["announcementOptIn"]["errors"]] == [
        "Folosiți o limbă acceptată: ES, PT, EN, FR, AR, RO sau UK."]
