"""Web pages' languages: complete catalogs, the pseudo-locale, language choice, Babel formats."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from engine.web.formatting import Formatter, time_zone_for, viewer_time_zone
from engine.web.i18n import PSEUDO, choose_language, load_catalogs, pseudo

ROOT = Path(__file__).resolve().parents[1]
DASHBOARD = ROOT / "plugins" / "dashboard"
METHOD_MAP = [("**/templates/**.html", "jinja2"), ("**.py", "python")]
OPTIONS = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n"}}


def extracted() -> set[str]:
    """Every message the dashboard (and the web kit it relies on) asks gettext for."""
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
    found: set[str] = set()
    for folder in (DASHBOARD, ROOT / "engine" / "web"):
        for _file, _line, message, _comments, _ctx in extract_from_dir(
                folder, METHOD_MAP, OPTIONS, keywords=keywords):
            found.add(message if isinstance(message, str) else message[0])
    return found


def test_the_spanish_and_portuguese_catalogs_translate_every_message() -> None:
    messages = extracted()
    assert len(messages) > 150
    for lang in ("es", "pt"):
        with (DASHBOARD / "locales" / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
            catalog = read_po(f, locale=lang)
        translated = {m.id if isinstance(m.id, str) else m.id[0]: m.string
                      for m in catalog if m.id and not m.fuzzy}
        missing = sorted(msg for msg in messages if not translated.get(msg)
                         or not all(translated[msg]))
        assert missing == [], f"{lang}: untranslated {missing}"


def test_catalogs_are_read_from_po_files_at_start_up() -> None:
    catalogs = load_catalogs(DASHBOARD / "locales")
    assert catalogs["es"].gettext("Sign in") == "Iniciar sesión"
    assert catalogs["pt"].gettext("Sign in") == "Iniciar sessão"
    assert catalogs["en"].gettext("Sign in") == "Sign in"
    assert catalogs["pt"].ngettext("%(num)d order", "%(num)d orders", 2) == "%(num)d encomendas"
    assert catalogs[PSEUDO].gettext("Sign in") == pseudo("Sign in")
    assert not list(DASHBOARD.rglob("*.mo"))  # nothing compiled is committed


def test_the_pseudo_locale_marks_text_and_keeps_placeholders() -> None:
    assert pseudo("Order %(number)s") == "⟦Órdér %(number)s⟧"
    assert pseudo("Save") == "⟦Šávé⟧"


def test_language_comes_from_the_request_then_account_then_cookie_then_header() -> None:
    def choose(**given: str | None) -> str:
        args: dict[str, str | None] = {"explicit": None, "account": None, "cookie": None,
                                       "accept": ""}
        args.update(given)
        return choose_language(allow_pseudo=False, **args)  # type: ignore[arg-type]

    assert choose(explicit="pt", account="es", cookie="en", accept="es") == "pt"
    assert choose(account="es", cookie="pt", accept="en") == "es"
    assert choose(cookie="pt", accept="es") == "pt"
    assert choose(accept="fr-FR,fr;q=0.9,pt;q=0.8,es;q=0.5") == "pt"
    assert choose(accept="de") == "en"
    assert choose(explicit=PSEUDO) == "en"  # the pseudo-locale only outside production
    assert choose_language(explicit=PSEUDO, account=None, cookie=None, accept="",
                           allow_pseudo=True) == PSEUDO


def test_money_dates_and_times_follow_the_locale_and_the_users_time_zone() -> None:
    madrid = Formatter("es", time_zone_for("ES"))
    lisbon = Formatter("pt", time_zone_for("PT"))
    assert madrid.money("1234.565") == "1.234,57\u00a0€"  # half-up, as the engine rounds
    assert madrid.money("12345.5") == "12.345,50\u00a0€"
    assert lisbon.money("12345.5") == "12\u00a0345,50\u00a0€"
    assert Formatter("en", "Europe/Madrid").money("12.5") == "€12.50"
    moment = datetime(2026, 7, 1, 16, 30, tzinfo=UTC)
    assert madrid.datetime(moment) == "1/7/26, 18:30"
    assert lisbon.datetime(moment.isoformat()) == "01/07/26, 17:30"
    assert madrid.percent("0.2100") == "21\u00a0%"
    assert lisbon.percent("0.055") == "5,5%"  # CLDR: no space in pt_PT


def test_the_time_zone_of_a_place_follows_its_islands_postal_codes() -> None:
    assert time_zone_for("PT", "8000-283") == "Europe/Lisbon"  # Faro
    assert time_zone_for("PT", "8999-999") == "Europe/Lisbon"
    assert time_zone_for("PT", "9000-018") == "Atlantic/Madeira"  # Funchal
    assert time_zone_for("PT", "9400-100") == "Atlantic/Madeira"  # Porto Santo
    assert time_zone_for("PT", "9499-999") == "Atlantic/Madeira"
    assert time_zone_for("PT", "9500-321") == "Atlantic/Azores"  # Ponta Delgada
    assert time_zone_for("PT", "9970-305") == "Atlantic/Azores"  # Santa Cruz das Flores
    assert time_zone_for("ES", "21700") == "Europe/Madrid"  # Huelva
    assert time_zone_for("ES", "35001") == "Atlantic/Canary"  # Las Palmas
    assert time_zone_for("ES", "38001") == "Atlantic/Canary"  # Santa Cruz de Tenerife
    assert time_zone_for("ES", "36001") == "Europe/Madrid"  # Pontevedra, between the two
    assert time_zone_for("FR", "97100") == "Europe/Madrid"
    assert time_zone_for(None) == "Europe/Madrid"
    # the account's own zone first, then the chosen place, then the account's country
    assert viewer_time_zone("America/Bogota", ("ES", "21700"), "ES") == "America/Bogota"
    assert viewer_time_zone(None, ("PT", "9500-321"), "ES") == "Atlantic/Azores"
    assert viewer_time_zone("Not/AZone", None, "PT") == "Europe/Lisbon"
