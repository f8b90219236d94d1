"""Tax territories from country + postal code, tax classes, and rates replayed by date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from plugins.iberia.rate_lookup import applied_rate
from plugins.iberia.rates import RATE_ROWS, rate_on
from plugins.iberia.territories import EU_MEMBER_STATES, territory_of
from tests.client import Client


@pytest.mark.parametrize(("country", "postal", "code", "in_vat_area"), [
    ("ES", "28001", "ES", True), ("ES", "07001", "ES", True),         # Madrid, Palma
    ("ES", "35001", "ES-CN", False), ("ES", "38001", "ES-CN", False),  # Las Palmas, Tenerife
    ("ES", "51001", "ES-CE", False), ("ES", "52001", "ES-ML", False),  # Ceuta, Melilla
    ("ES", "3500", "ES", True),                                        # malformed: mainland
    ("PT", "1100-148", "PT", True), ("PT", "8999-999", "PT", True),
    ("PT", "9000-098", "PT-30", True), ("PT", "9400-160", "PT-30", True),  # Funchal, P. Santo
    ("PT", "9495-001", "PT-30", True), ("PT", "9500-150", "PT-20", True),  # Ponta Delgada
    ("PT", "9900-037", "PT-20", True), ("PT", "9970", "PT-20", True),      # Horta, Flores
    ("FR", "75001", "FR", True), ("GR", "10431", "GR", True), ("US", "10001", "NON-EU", False),
    ("GB", "SW1A 1AA", "NON-EU", False),
])
def test_territory_of(country: str, postal: str, code: str, in_vat_area: bool) -> None:
    territory = territory_of(country, postal)
    assert territory is not None
    assert (territory.code, territory.in_eu_vat_area) == (code, in_vat_area)


def test_every_member_state_has_a_standard_and_an_ebook_rate_with_a_source() -> None:
    for country in EU_MEMBER_STATES:
        assert rate_on(country, "STANDARD", date(2026, 1, 1)) is not None, country
        assert applied_rate(country, "EBOOKS", date(2026, 1, 1)) is not None, country
    assert all(row.source for row in RATE_ROWS)


@pytest.mark.parametrize(("territory", "tax_class", "on", "rate"), [
    ("ES", "STANDARD", date(2012, 8, 31), "0.18"), ("ES", "STANDARD", date(2012, 9, 1), "0.21"),
    ("ES", "FOOD_BASIC", date(2022, 12, 31), "0.04"), ("ES", "FOOD_BASIC", date(2023, 1, 1), "0"),
    ("ES", "FOOD_BASIC", date(2024, 10, 1), "0.02"), ("ES", "FOOD_BASIC", date(2025, 1, 1), "0.04"),
    ("PT-20", "STANDARD", date(2021, 6, 30), "0.18"),
    ("PT-20", "STANDARD", date(2021, 7, 1), "0.16"),
    ("PT-30", "FOOD_BASIC", date(2024, 9, 30), "0.05"),
    ("PT-30", "FOOD_BASIC", date(2024, 10, 1), "0.04"),
    ("PT", "STANDARD", date(2010, 12, 31), "0.21"), ("PT", "STANDARD", date(2011, 1, 1), "0.23"),
    ("FI", "STANDARD", date(2024, 8, 31), "0.24"), ("FI", "STANDARD", date(2024, 9, 1), "0.255"),
    ("EE", "STANDARD", date(2025, 7, 1), "0.24"), ("DE", "STANDARD", date(2020, 12, 1), "0.16"),
    ("DE", "STANDARD", date(2021, 1, 1), "0.19"),
])
def test_a_rate_change_is_a_new_row_and_history_replays_by_date(
        territory: str, tax_class: str, on: date, rate: str) -> None:
    applied = applied_rate(territory, tax_class, on)
    assert applied is not None and applied.rate == Decimal(rate)


async def test_tax_classes_are_published(client: Client) -> None:
    data = await client.gql("{ taxClasses { code name } }")
    codes = [c["code"] for c in data["taxClasses"]]
    assert {"STANDARD", "BOOKS", "EBOOKS", "FOOD_BASIC", "FOOD", "CULTURAL_EVENT",
            "PASSENGER_TRANSPORT", "ACCOMMODATION"} <= set(codes)
