"""Form values in, payload errors out: per-field messages in the visitor's language."""

from __future__ import annotations

from typing import Any

from engine.plugins.api import Visit


def N_(message: str) -> str:
    """Mark a message for the catalogs; it is translated when shown."""
    return message


#: Engine error codes shown in the visitor's language (others show the engine's message,
#: which the API already translates for es, pt and en).
MESSAGES = {
    "REQUIRED": N_("This field is required."),
    "INVALID": N_("This value is not valid."),
    "INVALID_POSTAL_CODE": N_("This postal code is not valid for the country."),
    "UNSUPPORTED_COUNTRY": N_("We do not deliver to this country yet."),
    "INSUFFICIENT_STOCK": N_("There is not enough stock for this quantity."),
    "INVALID_QUANTITY": N_("Choose a quantity of 1 or more."),
    "PRODUCT_UNAVAILABLE": N_("This product is no longer available."),
    "EMAIL_REQUIRED": N_("Write your e-mail address."),
    "SHIPPING_ADDRESS_REQUIRED": N_("Write the delivery address."),
    "BILLING_ADDRESS_REQUIRED": N_("Write the delivery address."),
    "SHIPPING_METHOD_REQUIRED": N_("Choose how each shop sends your goods."),
    "SHIPPING_NOT_AVAILABLE": N_("This shop does not deliver to your address."),
    "INVALID_VAT_ID": N_("This VAT number is not valid."),
    "VOUCHER_INVALID": N_("This voucher code is not valid."),
    "EMPTY_CHECKOUT": N_("Your cart is empty."),
    "INVALID_CREDENTIALS": N_("The e-mail or the password is not right."),
    "PASSWORD_TOO_SHORT": N_("The password is too short."),
    "PASSWORD_TOO_LONG": N_("The password is too long."),
    "PAYMENT_REQUIRED": N_("This event is paid: buy a ticket."),
}


def field_errors(visit: Visit, errors: list[dict[str, Any]]) -> dict[str, str]:
    """``{field: message}``; errors without a known field go under ``"__all__"``."""
    out: dict[str, str] = {}
    for error in errors:
        code = str(error.get("code") or "")
        message = visit.gettext(MESSAGES[code]) if code in MESSAGES else str(error["message"])
        key = str(error.get("field") or "__all__")
        out.setdefault(key, message)
    return out


def text(visit: Visit, name: str) -> str:
    value = visit.form.get(name)
    return value.strip() if isinstance(value, str) else ""


def safe_next(target: str | None) -> str:
    """Only a path on this site (never ``//host`` or a full URL)."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return "/"
