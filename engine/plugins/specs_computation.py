"""Computation and validation hooks: sync, inside the request, before commit.

Part of :mod:`engine.plugins.specs`, which registers every hook; see its docstring."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:

    from engine.catalog.pricing import PricingLine, TaxDecision
    from engine.checkout.snapshot import CheckoutSnapshot


hookspec = pluggy.HookspecMarker("ruta")


# --- Computation and validation: sync, inside the request, before commit --------------------


@hookspec(firstresult=True)
def ruta_tax_decision(line: PricingLine) -> TaxDecision | None:
    """Decide the tax of one priced line (firstresult, sync, pure).

    ``line`` carries the vendor's establishment, the buyer's country/postal code and VAT id,
    the product kind and tax class and the unit price. Return a
    :class:`engine.catalog.pricing.TaxDecision`, or ``None`` to let the next plugin decide.
    The core's default (registered last) charges no tax (treatment ``OUTSIDE_SCOPE``).
    """


@hookspec(firstresult=True)
def ruta_unit_price(line: PricingLine) -> Any:
    """Adjust the unit price of a line before tax (firstresult, sync, pure).

    Return a ``Decimal`` to replace ``line.unit_price`` (promotions, member prices), or
    ``None`` to keep it. The result is rounded to cents by the engine.
    """


@hookspec
def ruta_vendor_validate(data: dict[str, Any], vendor_id: int | None) -> None:
    """Validate vendor input before it is written (``vendorCreate`` / ``vendorUpdate``).

    ``data`` holds the normalised fields about to be written (``country``, ``postal_code``,
    ``tax_id``...); ``vendor_id`` is None on create. Raise
    :class:`engine.errors.ValidationError` to refuse; nothing is written.
    """


@hookspec
def ruta_product_validate(data: dict[str, Any], vendor_id: int, product_id: int | None) -> None:
    """Validate product input before it is written (``productCreate`` / ``productUpdate``).

    Raise :class:`engine.errors.ValidationError` to refuse; nothing is written.
    """


@hookspec
def ruta_variant_validate(data: dict[str, Any], product_kind: str, variant_id: int | None) -> None:
    """Validate variant input (``productVariantCreate`` / ``productVariantUpdate``).

    Raise :class:`engine.errors.ValidationError` to refuse; nothing is written.
    """


@hookspec
def ruta_checkout_validate(checkout: CheckoutSnapshot) -> None:
    """Validate a checkout inside ``checkoutComplete``'s transaction, before stock is taken.

    ``checkout`` is a read-only :class:`engine.checkout.snapshot.CheckoutSnapshot` (lines,
    buyer, addresses, VAT id, total). Raise :class:`engine.errors.ValidationError` to refuse
    the order with a typed error; nothing is written.
    """


@hookspec
def ruta_vat_id_validate(vat_id: str | None, country: str | None) -> dict[str, Any] | None:
    """Validate the buyer's VAT number whenever it is set (``checkoutCreate``,
    ``checkoutVatIdUpdate``).

    ``vat_id`` is upper-cased without spaces (None when removed); ``country`` is the buyer's
    billing (else shipping) country, if known. Raise :class:`engine.errors.ValidationError`
    (code ``INVALID_VAT_ID``) to refuse; nothing is written. Return a mapping to merge into
    the checkout's ``plugin_data`` (e.g. ``{"iberia_vat": {"status": "VALID", ...}}``) so
    that pure pricing hooks can read the outcome from ``PricingLine.plugin_data``.

    Sync, but run by the engine in a worker thread *before* the transaction: it may call a
    remote service (VIES) with a timeout. "Service unavailable" must not mean "invalid".
    """
