"""Order and vendor-order statuses in the buyer's words."""

from __future__ import annotations

from engine.plugins.api import Visit
from plugins.storefront.forms import N_

STATUSES = {
    "UNPAID": N_("Waiting for payment"),
    "PAID": N_("Paid"),
    "ACCEPTED": N_("Being prepared"),
    "FULFILLED": N_("Sent"),
    "COMPLETED": N_("Completed"),
    "CANCELLED": N_("Cancelled"),
    "REFUNDED": N_("Refunded"),
    "PARTIALLY_REFUNDED": N_("Partly refunded"),
}


def status_names(visit: Visit) -> dict[str, str]:
    return {code: visit.gettext(text) for code, text in STATUSES.items()}
