"""What a signed Stripe event must look like before any of it is applied.

A correctly signed event can still be malformed (a test fixture, a replayed edit of a real
delivery, an API version with other fields): ``data: {}`` used to reach the handlers and
end in a KeyError (500, and Stripe retrying for days). ``problem(event)`` names the first
thing wrong with it, or returns None; the webhook answers 400 and logs that one line.

Every event needs ``id``, ``type``, ``created`` and an object in ``data.object``; the types
Ruta acts on need the fields their handler reads (``engine.payments.effects``), with the
JSON type Stripe sends and amounts within what a database column can hold.
"""

from __future__ import annotations

from typing import Any

MAX_CENTS = 10**12
MAX_TIMESTAMP = 2**31 - 1

#: Fields each handled type's ``data.object`` must have: (name, kind, required).
OBJECT_FIELDS: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "payment_intent.succeeded": (("id", "str", True), ("amount", "cents", True),
                                 ("currency", "str", True), ("metadata", "strmap", False)),
    "payment_intent.payment_failed": (("id", "str", True), ("last_payment_error", "obj", False)),
    "payment_intent.canceled": (("id", "str", True), ("last_payment_error", "obj", False)),
    "charge.refunded": (("amount_refunded", "cents", True), ("payment_intent", "str", False)),
    "account.updated": (("id", "str", True), ("payouts_enabled", "bool", False)),
}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _fits(kind: str, value: Any) -> bool:
    if kind == "str":
        return isinstance(value, str) and 0 < len(value) <= 255
    if kind == "cents":
        return _is_int(value) and 0 <= value <= MAX_CENTS
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "obj":
        return isinstance(value, dict) and isinstance(value.get("message", ""), (str, type(None)))
    if kind == "strmap":
        return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
    return False


def problem(event: Any) -> str | None:
    """Why ``event`` (decoded JSON) cannot be applied, or None if it can."""
    if not isinstance(event, dict):
        return "the event is not a JSON object"
    for name in ("id", "type"):
        if not _fits("str", event.get(name)):
            return f"{name} is missing or not a string"
    created = event.get("created")
    if not (isinstance(created, int) and _is_int(created) and 0 <= created <= MAX_TIMESTAMP):
        return "created is missing or not a timestamp"
    data = event.get("data")
    obj = data.get("object") if isinstance(data, dict) else None
    if not isinstance(obj, dict):
        return "data.object is missing or not an object"
    for name, kind, required in OBJECT_FIELDS.get(event["type"], ()):
        value = obj.get(name)
        if value is None and not required:
            continue
        if not _fits(kind, value):
            return f"data.object.{name} is missing or malformed"
    return None
