"""The browser session: one signed, HttpOnly cookie around the engine's tokens.

The cookie holds a random session id (present even before sign-in, so forms can carry a
CSRF token bound to it), the access and refresh tokens, when the access token expires, the
account's e-mail, language, country and time zone, and the language the visitor chose
explicitly. It is signed with HMAC-SHA256 under a key derived from ``RUTA_SECRET_KEY``: a
tampered cookie is ignored (a fresh anonymous session starts). It is never readable by
scripts (HttpOnly), ``SameSite=Lax``, and ``Secure`` in production.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import asdict, dataclass, field
from typing import Any

COOKIE = "ruta_session"
LANG_COOKIE = "lang"
MAX_AGE = 30 * 24 * 3600


def derive_key(secret_key: str, purpose: str) -> bytes:
    return hmac.new(secret_key.encode(), f"ruta-web:{purpose}".encode(), hashlib.sha256).digest()


def new_session_id() -> str:
    return secrets.token_urlsafe(18)


@dataclass
class WebSession:
    sid: str = field(default_factory=new_session_id)
    access: str | None = None
    refresh: str | None = None
    expires: float = 0.0
    email: str | None = None
    operator: bool = False
    account_lang: str | None = None
    country: str | None = None
    time_zone: str | None = None
    chosen_lang: str | None = None
    flash: str | None = None
    changed: bool = False

    @property
    def signed_in(self) -> bool:
        return self.refresh is not None

    def sign_in(self, token: str, refresh: str, expires: float, user: dict[str, Any]) -> None:
        """Keep the tokens; a new session id (no fixation of the anonymous one)."""
        self.sid = new_session_id()
        self.access, self.refresh, self.expires = token, refresh, expires
        self.email = user.get("email")
        self.operator = bool(user.get("isOperator"))
        self.account_lang = (user.get("languageCode") or "").lower() or None
        self.country = user.get("country")
        self.time_zone = user.get("timeZone")
        self.changed = True

    def sign_out(self) -> None:
        chosen = self.chosen_lang
        self.__dict__.update(asdict(WebSession()))
        self.chosen_lang = chosen
        self.changed = True

    def rotate(self, token: str, refresh: str, expires: float) -> None:
        self.access, self.refresh, self.expires = token, refresh, expires
        self.changed = True


def _sign(key: bytes, body: bytes) -> str:
    return base64.urlsafe_b64encode(hmac.new(key, body, hashlib.sha256).digest()).decode()


def dump(session: WebSession, key: bytes) -> str:
    data = {k: v for k, v in asdict(session).items() if k != "changed" and v not in (None, False)}
    body = base64.urlsafe_b64encode(json.dumps(data, separators=(",", ":")).encode())
    return f"{body.decode()}.{_sign(key, body)}"


def load(value: str | None, key: bytes) -> WebSession:
    """The session in the cookie, or a new anonymous one when missing or tampered with."""
    if value:
        body, _, signature = value.partition(".")
        if hmac.compare_digest(_sign(key, body.encode()), signature):
            try:
                data = json.loads(base64.urlsafe_b64decode(body.encode()))
                known = {k: v for k, v in data.items() if k in WebSession.__dataclass_fields__}
                return WebSession(**known)
            except (ValueError, TypeError):
                pass
    return WebSession(changed=True)
