"""The gettext catalogs of error messages, read with Babel's ``read_po`` (no ``.mo`` files).

The msgid is the English message. Messages with variable parts have named placeholders
(``"Use at least {min_length} characters."``): a rendered English message is matched
against the placeholder msgids and its parts are put into the translation.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

LOCALE_DIR = Path(__file__).parent / "locale"
#: Every language with a catalog; the first three must translate every message.
LANGUAGES = ("en", "es", "pt", "fr", "ar", "ro", "uk")
REQUIRED = ("en", "es", "pt")
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"


def read_catalog(language: str) -> Catalog:
    with po_path(language).open("rb") as handle:
        return read_po(handle, locale=language)


def _pattern(msgid: str) -> re.Pattern[str]:
    out, last = [], 0
    for match in _PLACEHOLDER.finditer(msgid):
        out.append(re.escape(msgid[last:match.start()].replace("{{", "{").replace("}}", "}")))
        out.append(f"(?P<{match.group(1)}>.+?)")
        last = match.end()
    out.append(re.escape(msgid[last:].replace("{{", "{").replace("}}", "}")))
    return re.compile("".join(out), re.DOTALL)


@dataclass(frozen=True)
class Translations:
    exact: dict[str, str]
    #: (pattern of the English message, translation), the most specific first.
    templates: tuple[tuple[re.Pattern[str], str], ...]

    def gettext(self, message: str) -> str:
        found = self.exact.get(message)
        if found is not None:
            return found
        for pattern, translation in self.templates:
            match = pattern.fullmatch(message)
            if match:
                return translation.format(**match.groupdict())
        return message


@functools.cache
def translations(language: str) -> Translations | None:
    """The catalog of ``language`` (lower-case ISO 639-1), or None when there is none."""
    if language not in LANGUAGES:
        return None
    exact: dict[str, str] = {}
    templates: list[tuple[int, re.Pattern[str], str]] = []
    for message in read_catalog(language):
        if not message.id or not message.string or not isinstance(message.id, str):
            continue
        translation = str(message.string)
        if _PLACEHOLDER.search(message.id):
            literal = len(_PLACEHOLDER.sub("", message.id))
            templates.append((literal, _pattern(message.id), translation))
        else:
            exact[message.id] = translation.replace("{{", "{").replace("}}", "}")
    templates.sort(key=lambda item: -item[0])
    return Translations(exact, tuple((p, t) for _, p, t in templates))


def translate(message: str, language: str | None) -> str:
    """``message`` (English, as the code wrote it) in ``language``; unchanged when unknown."""
    if not language:
        return message
    catalog = translations(language.lower())
    return catalog.gettext(message) if catalog else message


def add_missing(msgids: set[str]) -> None:
    """Add msgids missing from each catalog (English: translated as itself)."""
    for language in LANGUAGES:
        path = po_path(language)
        catalog = read_catalog(language) if path.exists() else Catalog(locale=language)
        for msgid in sorted(msgids):
            if msgid not in catalog:
                catalog.add(msgid, msgid if language == "en" else "")
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            write_po(handle, catalog, width=100, sort_output=True, omit_header=False)
