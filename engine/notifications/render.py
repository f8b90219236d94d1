"""Render a message type for one recipient: subject, plain text and HTML, in the
recipient's language (falling back to English), with Babel money and dates.

Templates are Jinja2 files, one per language (``<dir>/<lang>.j2``), each defining the
blocks ``subject``, ``text`` and ``html``. One file per language keeps a translation
complete and reviewable on its own (a translator sees the whole message, its HTML and its
plain text together) and lets a plugin override one message by shipping one directory;
gettext catalogs would split every message into dozens of msgids shared across messages.
The HTML block is rendered with autoescaping, the subject and text blocks without.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template

from engine.notifications.locale import Formats
from engine.notifications.spec import NotificationLink

FALLBACK = "en"


@dataclass(frozen=True)
class Rendered:
    language: str
    subject: str
    text: str
    html: str


@lru_cache(maxsize=256)
def _environment(directory: Path, autoescape: bool) -> Environment:
    return Environment(loader=FileSystemLoader(directory), autoescape=autoescape,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=False)


def available(directory: Path, language: str) -> str:
    lang = language.lower()
    return lang if (directory / f"{lang}.j2").is_file() else FALLBACK


def _block(template: Template, name: str, variables: dict[str, Any]) -> str:
    return "".join(template.blocks[name](template.new_context(variables))).strip()


def _with_links(text: str, body: str, links: Sequence[NotificationLink]) -> tuple[str, str]:
    """Plugins' links (``ruta_notification_extras``) end both parts, one per line."""
    if not links:
        return text, body
    text += "\n\n" + "\n".join(f"{link.label}: {link.url}" for link in links)
    items = "".join(f'<li><a href="{escape(link.url)}">{escape(link.label)}</a></li>'
                    for link in links)
    return text, f"{body}\n<ul>{items}</ul>"


def render(directory: Path, language: str, time_zone: str,
           variables: dict[str, Any], links: Sequence[NotificationLink] = ()) -> Rendered:
    lang = available(directory, language)
    formats = Formats(lang, time_zone)
    context = {**variables, "lang": lang, "dir": formats.direction}
    plain = _environment(directory, False)
    plain.filters.update(formats.filters())
    text_template = plain.get_template(f"{lang}.j2")
    subject = " ".join(_block(text_template, "subject", context).split())
    text = _block(text_template, "text", context)
    html_env = _environment(directory, True)
    html_env.filters.update(formats.filters())
    body = _block(html_env.get_template(f"{lang}.j2"), "html", context)
    text, body = _with_links(text, body, links)
    html = (f'<!DOCTYPE html>\n<html lang="{lang}" dir="{formats.direction}"><head>'
            f'<meta charset="utf-8"><title>{escape(subject)}</title></head>'
            f'<body dir="{formats.direction}">\n{body}\n</body></html>')
    return Rendered(lang.upper(), subject, text, html)
