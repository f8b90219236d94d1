"""Money: ``Decimal`` amounts in EUR, rounded half-up to cents in exactly one place.

``quantize`` is the only rounding rule in the engine; every other module calls it.
``TaxedMoney`` splits an amount into net, tax and gross for one tax rate, whether the
vendor's prices include tax or not.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
CURRENCY = "EUR"
MAX_PRICE = Decimal("1000000.00")


def quantize(amount: Decimal) -> Decimal:
    """Round ``amount`` half-up to cents. The one rounding function of the engine."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def has_cent_precision(amount: Decimal) -> bool:
    """True when ``amount`` is finite and has at most two decimal places."""
    if not amount.is_finite():
        return False
    return amount == amount.quantize(CENT)


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str = CURRENCY


@dataclass(frozen=True)
class TaxedMoney:
    net: Decimal
    tax: Decimal
    gross: Decimal
    currency: str = CURRENCY

    def __add__(self, other: TaxedMoney) -> TaxedMoney:
        if other.currency != self.currency:
            raise ValueError("cannot add amounts in different currencies")
        return TaxedMoney(
            self.net + other.net, self.tax + other.tax, self.gross + other.gross, self.currency
        )

    @classmethod
    def zero(cls, currency: str = CURRENCY) -> TaxedMoney:
        return cls(Decimal("0.00"), Decimal("0.00"), Decimal("0.00"), currency)


def taxed(price: Decimal, rate: Decimal, *, prices_include_tax: bool) -> TaxedMoney:
    """Split ``price`` at ``rate`` (0.21 for 21 %) into net, tax and gross, each in cents.

    When prices include tax the gross is the price and the net is derived; otherwise the
    net is the price and tax is added. ``net + tax == gross`` always holds exactly.
    """
    price = quantize(price)
    if prices_include_tax:
        gross = price
        net = quantize(gross / (Decimal(1) + rate))
        return TaxedMoney(net=net, tax=gross - net, gross=gross)
    net = price
    tax = quantize(net * rate)
    return TaxedMoney(net=net, tax=tax, gross=net + tax)
