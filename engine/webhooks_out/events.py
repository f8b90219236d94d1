"""The events an endpoint may subscribe to, and what their payloads may carry.

Payloads are *thin*: the event's type, its stable id, when it happened and the global IDs
of the objects involved, plus a few non-personal facts (a cancellation reason, a refunded
amount). They never carry secrets, e-mail addresses, names or addresses: a subscriber
reads details through the GraphQL API with credentials that carry the right permissions,
so a webhook never shows more than its owner's API access would.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from engine.api.ids import encode_id

Builder = Callable[[dict[str, Any]], dict[str, Any]]


def _ids(**names: str) -> Builder:
    """``order="Order"`` turns argument ``order_id`` into ``{"order": {"id": <global id>}}``."""

    def build(args: dict[str, Any]) -> dict[str, Any]:
        return {key: {"id": encode_id(type_name, args[f"{key}_id"])}
                for key, type_name in names.items()}

    return build


def _with(builder: Builder, *facts: str) -> Builder:
    def build(args: dict[str, Any]) -> dict[str, Any]:
        return {**builder(args), **{fact: args[fact] for fact in facts}}

    return build


#: lifecycle hook -> (event type, payload ``data`` builder)
EVENTS: dict[str, tuple[str, Builder]] = {
    "ruta_user_registered": ("user.registered", _ids(user="User")),
    "ruta_vendor_applied": ("vendor.applied", _ids(vendor="Vendor")),
    "ruta_vendor_approved": ("vendor.approved", _ids(vendor="Vendor")),
    "ruta_product_created": ("product.created", _ids(product="Product", vendor="Vendor")),
    "ruta_product_updated": ("product.updated", _ids(product="Product", vendor="Vendor")),
    "ruta_product_deleted": ("product.deleted", _ids(product="Product", vendor="Vendor")),
    "ruta_order_created": ("order.created", _ids(order="Order")),
    "ruta_order_paid": ("order.paid", _ids(order="Order")),
    "ruta_order_cancelled": ("order.cancelled", _with(_ids(order="Order"), "reason")),
    "ruta_vendor_order_fulfilled": ("vendor_order.fulfilled", _ids(
        vendor_order="VendorOrder", order="Order", vendor="Vendor")),
    "ruta_order_refunded": ("order.refunded", _with(_ids(
        order="Order", vendor_order="VendorOrder"), "amount", "full")),
}

EVENT_TYPES = tuple(event_type for event_type, _ in EVENTS.values())


def event_id_text(event_id: int) -> str:
    """The id a subscriber deduplicates by: the same on every retry of one event."""
    return f"evt_{event_id}"


def body(hook: str, event_id: int, occurred_at: datetime, args: dict[str, Any]) -> str:
    event_type, build = EVENTS[hook]
    return json.dumps({"id": event_id_text(event_id), "type": event_type,
                       "createdAt": occurred_at.isoformat(), "data": build(args)},
                      separators=(",", ":"), sort_keys=True)
