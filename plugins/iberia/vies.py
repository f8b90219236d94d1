"""VIES (the Commission's VAT Information Exchange System) behind an interface.

``ViesClient.check`` answers VALID, INVALID or UNAVAILABLE. UNAVAILABLE (timeout, member
state service down, network error) never means invalid: checkout keeps the number as
*unconfirmed* and charges VAT as to a consumer until a later check confirms it.
Answers are cached per process: VALID/INVALID for :data:`CACHE_SECONDS`, UNAVAILABLE never;
at most :data:`CACHE_ENTRIES` numbers, the least recently used dropped first (every buyer
can type a new number: the cache must not grow with them).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Protocol

VALID = "VALID"
INVALID = "INVALID"
UNAVAILABLE = "UNAVAILABLE"
CACHE_SECONDS = 24 * 3600
CACHE_ENTRIES = 10_000
VIES_URL = "https://ec.europa.eu/taxation_customs/vies/rest-api/check-vat-number"


@dataclass(frozen=True)
class ViesResult:
    status: str
    name: str | None = None
    consultation: str | None = None


class ViesClient(Protocol):
    def check(self, number: str) -> ViesResult: ...


class OfflineVies:
    """No VIES call (``RUTA_IBERIA_VIES=off``): every well-formed number stays unconfirmed."""

    def check(self, number: str) -> ViesResult:
        return ViesResult(UNAVAILABLE)


class HttpVies:
    """The public VIES REST service (``POST check-vat-number``)."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout

    def check(self, number: str) -> ViesResult:
        import httpx  # on first use, not at start-up (tests/test_startup_imports.py)

        try:
            response = httpx.post(VIES_URL, timeout=self.timeout, json={
                "countryCode": number[:2], "vatNumber": number[2:]})
            body = response.json()
        except (httpx.HTTPError, ValueError):
            return ViesResult(UNAVAILABLE)
        if response.status_code != 200 or body.get("userError") not in (None, "VALID",
                                                                          "INVALID"):
            return ViesResult(UNAVAILABLE)
        if body.get("valid") is True:
            return ViesResult(VALID, body.get("name"), body.get("requestIdentifier"))
        return ViesResult(INVALID)


class FakeVies:
    """For tests: fixed answers per number; anything else is UNAVAILABLE."""

    def __init__(self, answers: dict[str, str] | None = None) -> None:
        self.answers = dict(answers or {})
        self.calls: list[str] = []

    def check(self, number: str) -> ViesResult:
        self.calls.append(number)
        return ViesResult(self.answers.get(number, UNAVAILABLE))


class CachedVies:
    def __init__(self, client: ViesClient) -> None:
        self.client = client
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, tuple[float, ViesResult]] = OrderedDict()

    def check(self, number: str) -> ViesResult:
        now = time.monotonic()
        with self._lock:
            hit = self._cache.get(number)
            if hit is not None and now - hit[0] < CACHE_SECONDS:
                self._cache.move_to_end(number)
                return hit[1]
        result = self.client.check(number)
        if result.status != UNAVAILABLE:
            with self._lock:
                self._cache[number] = (now, result)
                self._cache.move_to_end(number)
                while len(self._cache) > CACHE_ENTRIES:
                    self._cache.popitem(last=False)
        return result


_override: CachedVies | None = None


def use(client: ViesClient | None) -> None:
    """Replace the VIES client of this process (tests pass a :class:`FakeVies`)."""
    global _override
    _override = CachedVies(client) if client is not None else None


_default: dict[tuple[str, float], CachedVies] = {}


def client_for(mode: str, timeout: float) -> CachedVies:
    if _override is not None:
        return _override
    key = (mode, timeout)
    if key not in _default:
        _default[key] = CachedVies(HttpVies(timeout) if mode == "live" else OfflineVies())
    return _default[key]
