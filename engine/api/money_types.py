"""GraphQL types for amounts: ``Money`` and ``TaxedMoney`` (net, tax, gross)."""

from __future__ import annotations

from decimal import Decimal

import strawberry

from engine.money import TaxedMoney


@strawberry.type(name="Money")
class MoneyType:
    amount: Decimal
    currency: str


@strawberry.type(name="TaxedMoney")
class TaxedMoneyType:
    net: MoneyType
    tax: MoneyType
    gross: MoneyType
    currency: str

    @classmethod
    def of(cls, value: TaxedMoney) -> TaxedMoneyType:
        return cls(net=money(value.net, value.currency), tax=money(value.tax, value.currency),
                   gross=money(value.gross, value.currency), currency=value.currency)


def money(amount: Decimal, currency: str = "EUR") -> MoneyType:
    return MoneyType(amount=amount, currency=currency)
