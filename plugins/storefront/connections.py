"""Relay connections as lists: ``nodes(data["products"])``."""

from __future__ import annotations

from typing import Any


def nodes(connection: dict[str, Any] | None) -> list[dict[str, Any]]:
    return [edge["node"] for edge in (connection or {}).get("edges") or []]
