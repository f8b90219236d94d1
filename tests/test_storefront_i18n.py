"""The storefront speaks seven languages: every message it asks gettext for is translated in
each catalog, placeholders intact, and Arabic pages are right to left."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from engine.web.i18n import load_catalogs

ROOT = Path(__file__).resolve().parents[1]
STOREFRONT = ROOT / "plugins" / "storefront"
LANGS = ("es", "pt", "en", "fr", "ar", "ro", "uk")
METHOD_MAP = [("**/templates/**.html", "jinja2"), ("**.py", "python")]
OPTIONS = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def extracted() -> set[str]:
    """Every message the storefront (and the web kit it relies on) asks gettext for."""
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
    found: set[str] = set()
    for folder in (STOREFRONT, ROOT / "engine" / "web"):
        for _file, _line, message, _comments, _ctx in extract_from_dir(
                folder, METHOD_MAP, OPTIONS, keywords=keywords):
            found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_storefront_message_is_translated_in_the_seven_languages() -> None:
    messages = extracted()
    assert len(messages) > 100
    for lang in LANGS:
        with (STOREFRONT / "locales" / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
            catalog = read_po(f, locale=lang)
        translated = {m.id if isinstance(m.id, str) else m.id[0]: m.string
                      for m in catalog if m.id and not m.fuzzy}
        missing = sorted(msg for msg in messages if not translated.get(msg)
                         or not all(translated[msg]))
        assert missing == [], f"{lang}: untranslated {missing}"
        for msgid, string in translated.items():
            forms = string if isinstance(string, tuple) else (string,)
            wanted = set(PLACEHOLDER.findall(msgid)) - {"%(num)d"}
            for form in forms:
                assert wanted <= set(PLACEHOLDER.findall(form)), (lang, msgid, form)


def test_the_catalogs_load_for_every_language_and_nothing_compiled_is_committed() -> None:
    catalogs = load_catalogs(STOREFRONT / "locales")
    assert set(LANGS) <= set(catalogs)
    assert catalogs["ar"].gettext("Add to cart") == "أضف إلى السلة"
    assert catalogs["uk"].ngettext("%(num)d product", "%(num)d products", 5) == \
        "%(num)d товарів"
    assert catalogs["fr"].gettext("Your cart") == "Votre panier"
    assert not list(STOREFRONT.rglob("*.mo"))
