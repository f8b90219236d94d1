"""Gettext catalogs read from ``.po`` files at start-up, the pseudo-locale, language choice.

Each web plugin keeps ``locales/<lang>/LC_MESSAGES/messages.po`` in its folder (no compiled
``.mo`` in the repository): :func:`load_catalogs` compiles them in memory with Babel.
English is the source language (the msgids). ``qps`` is a pseudo-locale, offered outside
production: it wraps every catalog string in ``⟦…⟧`` and accents its letters, so a test can
see which visible text did not go through gettext.

A site offers English and every language it has a catalog for (the dashboard: es, pt,
en; the storefront: es, pt, en, fr, ar, ro, uk). The language of a page: an explicit
``?lang=`` (remembered in the session), else the account's language, else the ``lang``
cookie, else ``Accept-Language``, else English.
"""

from __future__ import annotations

import gettext
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

#: The languages a site offers when it has no catalog of its own for more (the dashboard).
LANGUAGES = ("es", "pt", "en")
PSEUDO = "qps"
#: Every language a site may offer (a site offers those it has a catalog for, and English).
NAMES = {"es": "Español", "pt": "Português", "en": "English", "fr": "Français",
         "ar": "العربية", "ro": "Română", "uk": "Українська"}
#: Languages written right to left (their pages get ``dir="rtl"``).
RTL = frozenset({"ar"})
_ACCENTS = str.maketrans("aeiouAEIOUcnsyCNSY", "áéíóúÁÉÍÓÚçñšýÇÑŠÝ")


def pseudo(text: str) -> str:
    """``Save`` -> ``⟦Šávé⟧`` (placeholders such as ``%(name)s`` stay intact)."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "%" and text[i + 1:i + 2] == "(":
            end = text.find(")", i) + 2
            out.append(text[i:end])
            i = end
        else:
            out.append(text[i].translate(_ACCENTS))
            i += 1
    return "⟦" + "".join(out) + "⟧"


class PseudoTranslations(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)


def load_catalogs(folder: Path) -> dict[str, gettext.NullTranslations]:
    """Every ``<folder>/<lang>/LC_MESSAGES/messages.po``, compiled in memory."""
    catalogs: dict[str, gettext.NullTranslations] = {"en": gettext.NullTranslations(),
                                                     PSEUDO: PseudoTranslations()}
    for po in sorted(folder.glob("*/LC_MESSAGES/messages.po")):
        lang = po.parent.parent.name
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        buffer.seek(0)
        catalogs[lang] = Translations(fp=buffer)
    return catalogs


def _accepted(header: str) -> list[str]:
    ranked: list[tuple[float, str]] = []
    for part in header.split(","):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        if tag:
            ranked.append((weight, tag.split("-")[0].lower()))
    return [tag for _w, tag in sorted(ranked, key=lambda r: -r[0])]


def choose_language(*, explicit: str | None, account: str | None, cookie: str | None,
                    accept: str, allow_pseudo: bool,
                    languages: tuple[str, ...] = LANGUAGES) -> str:
    offered = languages + ((PSEUDO,) if allow_pseudo else ())
    for candidate in (explicit, account, cookie, *_accepted(accept)):
        if candidate and candidate.lower() in offered:
            return candidate.lower()
    return "en"
