"""The order process: every allowed status change, in one place.

    Order:        UNPAID -> PAID -> FULFILLED -> COMPLETED
                  UNPAID | PAID -> CANCELLED;  PAID | FULFILLED | COMPLETED -> REFUNDED |
                  PARTIALLY_REFUNDED
    VendorOrder:  UNPAID -> PAID -> ACCEPTED -> FULFILLED -> COMPLETED (ACCEPTED is optional)
                  UNPAID | PAID | ACCEPTED -> CANCELLED; paid ones -> REFUNDED |
                  PARTIALLY_REFUNDED
"""

from __future__ import annotations

from engine.errors import ValidationError

REFUNDS = ("REFUNDED", "PARTIALLY_REFUNDED")

ORDER_TRANSITIONS: dict[str, tuple[str, ...]] = {
    "UNPAID": ("PAID", "CANCELLED"),
    "PAID": ("FULFILLED", "CANCELLED", *REFUNDS),
    "FULFILLED": ("COMPLETED", *REFUNDS),
    "COMPLETED": REFUNDS,
    "PARTIALLY_REFUNDED": REFUNDS,
    "CANCELLED": (),
    "REFUNDED": (),
}

VENDOR_ORDER_TRANSITIONS: dict[str, tuple[str, ...]] = {
    "UNPAID": ("PAID", "CANCELLED"),
    "PAID": ("ACCEPTED", "FULFILLED", "CANCELLED", *REFUNDS),
    "ACCEPTED": ("FULFILLED", "CANCELLED", *REFUNDS),
    "FULFILLED": ("COMPLETED", *REFUNDS),
    "COMPLETED": REFUNDS,
    "PARTIALLY_REFUNDED": REFUNDS,
    "CANCELLED": (),
    "REFUNDED": (),
}

ORDER_STATUSES = tuple(ORDER_TRANSITIONS)
VENDOR_ORDER_STATUSES = tuple(VENDOR_ORDER_TRANSITIONS)


def can_move(table: dict[str, tuple[str, ...]], current: str, target: str) -> bool:
    return target in table.get(current, ())


def check_order(current: str, target: str) -> None:
    if not can_move(ORDER_TRANSITIONS, current, target):
        raise ValidationError("id", "INVALID_STATUS",
                              f"An order that is {current} cannot become {target}.")


def check_vendor_order(current: str, target: str) -> None:
    if not can_move(VENDOR_ORDER_TRANSITIONS, current, target):
        raise ValidationError("id", "INVALID_STATUS",
                              f"A vendor order that is {current} cannot become {target}.")


def sources(table: dict[str, tuple[str, ...]], target: str) -> tuple[str, ...]:
    """Every status that may move to ``target`` (for conditional UPDATEs)."""
    return tuple(status for status, targets in table.items() if target in targets)
