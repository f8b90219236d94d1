"""Drive pages with the mouse or with the keyboard alone, auditing every page reached.

``Driver(page, base, keyboard=True)`` reaches every field, link and button with Tab only
(it fails when one cannot be reached) and acts with the keyboard (typing, arrow keys, Space,
Enter). ``Audit`` checks each page: axe-core (no serious or critical violation), the number
of GraphQL documents and the HTML size the server reports, the pseudo-locale (no visible text
outside gettext), and takes screenshots at 1280 and 360 px.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, Response

AXE = Axe()
#: Text allowed outside gettext: numbers, money and dates as Babel formats them.
FORMATTED = re.compile("^[\\s\\d.,:;\u00b7\\-\u2013\u2014()%\u20ac/#|+*\u00a0\u202f]*$")
VISIBLE_TEXT = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (!parent || parent.closest('[translate="no"], script, style, textarea')) continue;
    const text = node.textContent.trim();
    if (!text) continue;
    const style = getComputedStyle(parent);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    out.push(text);
  }
  for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
    for (const name of ['aria-label', 'placeholder', 'title']) {
      const value = el.getAttribute(name);
      if (value && !el.closest('[translate="no"]')) out.push(value);
    }
  }
  let title = document.title;  // a page named after data (a product) shows it in its title
  for (const h1 of document.querySelectorAll('h1[translate="no"]')) {
    title = title.replace(h1.textContent.trim(), '');
  }
  out.push(title);
  return out;
}"""


@dataclass
class Audit:
    shots: Path | None = None
    axe: bool = False
    pseudo: bool = False
    prefix: str = ""
    violations: list[str] = field(default_factory=list)
    untranslated: list[str] = field(default_factory=list)
    budgets: list[str] = field(default_factory=list)
    pages: int = 0

    def response(self, response: Response) -> None:
        if response.request.resource_type != "document":
            return
        count = response.headers.get("ruta-graphql-documents")
        if count is not None and int(count) > 2:
            self.budgets.append(f"{response.url}: {count} GraphQL documents")
        length = int(response.headers.get("content-length") or 0)
        if length >= 100_000:
            self.budgets.append(f"{response.url}: {length} bytes")

    def check(self, page: Page, name: str) -> None:
        self.pages += 1
        if self.axe:
            results = AXE.run(page)
            for violation in results.response["violations"]:
                if violation.get("impact") in ("serious", "critical"):
                    targets = [node["target"] for node in violation["nodes"]][:3]
                    self.violations.append(f"{name}: {violation['id']} {targets}")
        if self.pseudo:
            for text in page.evaluate(VISIBLE_TEXT):
                outside, before = text, ""
                while outside != before:  # innermost markers first (nested messages)
                    before, outside = outside, re.sub(r"⟦[^⟦⟧]*⟧", "", outside)
                if not FORMATTED.match(outside):
                    self.untranslated.append(f"{name}: {text!r}")
        if self.shots is not None:
            for width in (1280, 360):
                page.set_viewport_size({"width": width, "height": 900})
                page.screenshot(path=str(self.shots / f"{self.prefix}{name}-{width}.png"),
                                full_page=True)
            page.set_viewport_size({"width": 1280, "height": 900})


class Driver:
    def __init__(self, page: Page, base: str, audit: Audit, *, keyboard: bool = False) -> None:
        self.page, self.base, self.audit, self.keyboard = page, base, audit, keyboard
        page.on("response", audit.response)

    # --- navigation ------------------------------------------------------------------------
    def goto(self, path: str, name: str | None = None) -> Response | None:
        response = self.page.goto(self.base + path)
        if name:
            self.audit.check(self.page, name)
        return response

    def landed(self, name: str) -> None:
        """After a navigation: audit the page now shown."""
        self.page.wait_for_load_state()
        self.audit.check(self.page, name)

    # --- keyboard focus --------------------------------------------------------------------
    def _tab_to(self, selector: str) -> None:
        target = self.page.locator(selector).first
        target.wait_for()
        handle = target.element_handle()
        self.page.evaluate("() => document.activeElement && document.activeElement.blur()")
        for _ in range(120):
            self.page.keyboard.press("Tab")
            if self.page.evaluate("(el) => document.activeElement === el", handle):
                return
        raise AssertionError(f"{selector} cannot be reached with the Tab key")

    # --- actions ---------------------------------------------------------------------------
    def fill(self, selector: str, value: str) -> None:
        if not self.keyboard:
            self.page.fill(selector, value)
            return
        self._tab_to(selector)
        self.page.keyboard.press("Control+A")
        self.page.keyboard.press("Delete")
        if value:
            self.page.keyboard.type(value)
        assert self.page.input_value(selector) == value

    def select(self, selector: str, value: str) -> None:
        if not self.keyboard:
            self.page.select_option(selector, value)
            return
        self._tab_to(selector)
        for key in ("Home", *["ArrowDown"] * 60):
            if self.page.input_value(selector) == value:
                return
            self.page.keyboard.press(key)
        assert self.page.input_value(selector) == value, f"{selector}: {value} not reached"

    def check(self, selector: str, on: bool = True) -> None:
        if not self.keyboard:
            self.page.set_checked(selector, on)
            return
        if self.page.is_checked(selector) != on:
            self._tab_to(selector)
            self.page.keyboard.press("Space")
        assert self.page.is_checked(selector) == on

    def press(self, selector: str, name: str | None = None) -> None:
        """Click (or Tab to and press Enter on) a button or link; audit where it leads."""
        with self.page.expect_navigation():
            if self.keyboard:
                self._tab_to(selector)
                self.page.keyboard.press("Enter")
            else:
                self.page.click(selector)
        if name:
            self.landed(name)

    def text(self, selector: str) -> str:
        return str(self.page.inner_text(selector)).strip()

    def notice(self) -> str:
        return self.text(".notice")


def has_no_problems(audit: Audit) -> dict[str, Any]:
    return {"axe": audit.violations, "untranslated": audit.untranslated,
            "budgets": audit.budgets}
