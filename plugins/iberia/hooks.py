"""The iberia plugin's hook implementations (registered as the ``iberia`` entry point)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.plugins.api import (
    TAX_FACTS_VERSION,
    GraphQLContribution,
    PricingLine,
    Runtime,
    TaxClassSpec,
    TaxDecision,
    hookimpl,
    watch_cache_version,
)
from plugins.iberia import config, personal_data
from plugins.iberia.decision import decide
from plugins.iberia.facts import SNAPSHOT
from plugins.iberia.graphql import IberiaMutation, vendor_fields
from plugins.iberia.id_checks import check_vat_id, check_vendor
from plugins.iberia.invoice_cli import add_command
from plugins.iberia.invoice_graphql import InvoiceQuery, invoice_vendor_fields
from plugins.iberia.invoices import issue_credit_notes, issue_invoices
from plugins.iberia.models import CrossBorderSale, Invoice, InvoiceCounter, VendorTaxProfile
from plugins.iberia.profiles import ProfileInput, update_profile
from plugins.iberia.sales import record_paid_order, reload
from plugins.iberia.tax_classes import TAX_CLASSES
from plugins.iberia.vies import client_for

if TYPE_CHECKING:
    from engine.demo.index import DemoIndex

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: Seconds between two reloads of the vendor-facts snapshot from ``ruta_tick``.
RELOAD_EVERY = 10.0
_last_reload = [0.0]


async def _refresh_facts(runtime: Runtime) -> None:
    """Another worker changed tax facts (the ``tax_facts`` cache version moved)."""
    await reload(runtime, datetime.now(UTC).year)


watch_cache_version(TAX_FACTS_VERSION, _refresh_facts, plugin=sys.modules[__name__])

# --- composition ------------------------------------------------------------------------


@hookimpl
def ruta_models() -> Sequence[type]:
    return [VendorTaxProfile, CrossBorderSale, InvoiceCounter, Invoice]


@hookimpl
def ruta_migration_locations() -> Sequence[str]:
    return [str(MIGRATIONS)]


@hookimpl
def ruta_tax_classes() -> Sequence[TaxClassSpec]:
    return TAX_CLASSES


@hookimpl
def ruta_graphql_schema() -> GraphQLContribution:
    return GraphQLContribution(query=[InvoiceQuery], mutation=[IberiaMutation])


@hookimpl
def ruta_graphql_type_fields(type_name: str) -> Sequence[Any]:
    return [*vendor_fields(), *invoice_vendor_fields()] if type_name == "Vendor" else []


@hookimpl
def ruta_cli_commands(subparsers: Any, build_runtime: Callable[[], Runtime]) -> None:
    add_command(subparsers, build_runtime)


# --- computation and validation (sync, pure) ----------------------------------------------


@hookimpl
def ruta_tax_decision(line: PricingLine) -> TaxDecision | None:
    return decide(line, SNAPSHOT.get(line.vendor_id), config.current(),
                  datetime.now(UTC).date())


@hookimpl
def ruta_vendor_validate(data: dict[str, Any]) -> None:
    check_vendor(data)


@hookimpl
def ruta_vat_id_validate(vat_id: str | None, country: str | None) -> dict[str, Any]:
    settings = config.current()
    return check_vat_id(vat_id, country, client_for(settings.vies, settings.vies_timeout))


# --- lifecycle and scheduled ----------------------------------------------------------------


@hookimpl
async def ruta_order_paid(runtime: Runtime, occurred_at: datetime, order_id: int) -> None:
    await record_paid_order(runtime, order_id, occurred_at)
    await reload(runtime, datetime.now(UTC).year)
    await issue_invoices(runtime, order_id, occurred_at)


@hookimpl
async def ruta_order_refunded(runtime: Runtime, event_id: int, occurred_at: datetime,
                              order_id: int, vendor_order_id: int, amount: str,
                              full: bool) -> None:
    await issue_credit_notes(runtime, event_id, occurred_at, order_id, vendor_order_id,
                             amount, full)


@hookimpl
async def ruta_demo_seed(runtime: Runtime, demo: DemoIndex) -> None:
    """The demo publisher (net prices) is registered for OSS and opted in to destination
    taxation (art. 59c(3)): its e-book costs a Spanish, a Portuguese and a Canary buyer
    different gross amounts."""
    vendor_id = demo.vendors.get("ediciones-donana")
    if vendor_id is not None:
        await update_profile(runtime, vendor_id, ProfileInput(oss_registered=True,
                                                              oss_opt_in=True))
        await reload(runtime, datetime.now(UTC).year)


@hookimpl
async def ruta_tick(runtime: Runtime, now: datetime) -> None:
    if time.monotonic() - _last_reload[0] < RELOAD_EVERY:
        return
    _last_reload[0] = time.monotonic()
    await reload(runtime, now.year)


@hookimpl
async def ruta_account_export(runtime: Runtime, user_id: int) -> dict[str, Any]:
    return await personal_data.export(runtime, user_id)


@hookimpl
async def ruta_account_erase(runtime: Runtime, user_id: int) -> None:
    await personal_data.erase(runtime, user_id)
