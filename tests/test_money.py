"""Money: one rounding rule (half-up to cents), exact net/tax/gross splits."""

from __future__ import annotations

from decimal import Decimal

import pytest

from engine.db.types import ScaledDecimal
from engine.money import TaxedMoney, quantize, taxed


@pytest.mark.parametrize(("given", "expected"), [
    ("0.005", "0.01"), ("0.015", "0.02"), ("2.675", "2.68"), ("-0.005", "-0.01"),
    ("1.004", "1.00"), ("10", "10.00"),
])
def test_rounding_is_half_up_to_cents(given: str, expected: str) -> None:
    assert quantize(Decimal(given)) == Decimal(expected)


def test_prices_including_tax_keep_the_gross() -> None:
    split = taxed(Decimal("12.10"), Decimal("0.21"), prices_include_tax=True)
    assert (split.net, split.tax, split.gross) == (Decimal("10.00"), Decimal("2.10"),
                                                   Decimal("12.10"))


def test_prices_excluding_tax_add_it() -> None:
    split = taxed(Decimal("9.99"), Decimal("0.06"), prices_include_tax=False)
    assert (split.net, split.tax, split.gross) == (Decimal("9.99"), Decimal("0.60"),
                                                   Decimal("10.59"))


@pytest.mark.parametrize("price", ["0.01", "0.99", "3.33", "19.99", "1234.56"])
@pytest.mark.parametrize("rate", ["0", "0.04", "0.06", "0.10", "0.21", "0.23"])
def test_net_plus_tax_is_exactly_gross(price: str, rate: str) -> None:
    for include in (True, False):
        split = taxed(Decimal(price), Decimal(rate), prices_include_tax=include)
        assert split.net + split.tax == split.gross
        assert split.gross.as_tuple().exponent == -2


def test_taxed_money_adds_exactly() -> None:
    total = sum((TaxedMoney(Decimal("0.10"), Decimal("0.02"), Decimal("0.12"))
                 for _ in range(10)), TaxedMoney.zero())
    assert total == TaxedMoney(Decimal("1.00"), Decimal("0.20"), Decimal("1.20"))


def test_money_is_stored_as_exact_integers() -> None:
    cents = ScaledDecimal(2)
    assert cents.process_bind_param(Decimal("19.99"), None) == 1999  # type: ignore[arg-type]
    assert cents.process_result_value(1999, None) == Decimal("19.99")  # type: ignore[arg-type]
    rate = ScaledDecimal(4)
    assert rate.process_bind_param(Decimal("0.1250"), None) == 1250  # type: ignore[arg-type]
