"""Which endpoint addresses and event lists a webhook may have."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from engine.errors import ValidationError
from engine.settings import Settings
from engine.webhooks_out.events import EVENT_TYPES

MAX_URL = 2000


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def clean_url(settings: Settings, url: str) -> str:
    """HTTPS anywhere; plain HTTP only to a loopback address, and never in production."""
    url = url.strip()
    parts = urlsplit(url)
    if len(url) > MAX_URL or not parts.hostname or parts.scheme not in ("https", "http"):
        raise ValidationError("url", "INVALID_URL", "Give an absolute https:// address.")
    if parts.username or parts.password:
        raise ValidationError("url", "INVALID_URL", "The address may not carry credentials.")
    if parts.scheme == "http" and (settings.is_production or not is_loopback(parts.hostname)):
        raise ValidationError("url", "INSECURE_URL",
                              "Webhooks are sent over HTTPS only (plain HTTP is allowed to "
                              "a loopback address outside production).")
    return url


def clean_events(events: list[str]) -> list[str]:
    unknown = sorted(set(events) - set(EVENT_TYPES))
    if unknown:
        raise ValidationError("events", "INVALID_EVENT",
                              f"Unknown event types: {', '.join(unknown)}.")
    if not events:
        raise ValidationError("events", "REQUIRED", "Choose at least one event.")
    return sorted(set(events))
