"""The iberia plugin's hook implementations (registered as the ``iberia`` entry point)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.routing import Route

from engine.plugins.api import (
    GraphQLContribution,
    NotificationExtras,
    PricingLine,
    Recipient,
    Runtime,
    TaxClassSpec,
    TaxDecision,
    hookimpl,
)
from plugins.iberia import config, personal_data
from plugins.iberia.commission_invoices import issue_commission_invoices
from plugins.iberia.decision import decide
from plugins.iberia.graphql import IberiaMutation, vendor_fields
from plugins.iberia.graphql_records import IberiaRecordsMutation
from plugins.iberia.id_checks import check_vat_id, check_vendor
from plugins.iberia.invoice_cli import add_command
from plugins.iberia.invoice_graphql import InvoicePdfQuery, InvoiceQuery, invoice_vendor_fields
from plugins.iberia.invoice_links import PATH, endpoint
from plugins.iberia.invoice_mail import invoice_links
from plugins.iberia.invoices import issue_credit_notes, issue_invoices
from plugins.iberia.models import (
    CrossBorderSale,
    Invoice,
    InvoiceCounter,
    OutsideSales,
    VendorTaxProfile,
    ViesConfirmation,
)
from plugins.iberia.profiles import ProfileInput, update_profile
from plugins.iberia.sales import pricing_facts, record_paid_order
from plugins.iberia.tax_classes import TAX_CLASSES
from plugins.iberia.vies import client_for

if TYPE_CHECKING:
    from engine.demo.index import DemoIndex

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


# --- composition ------------------------------------------------------------------------


@hookimpl
def ruta_models() -> Sequence[type]:
    return [VendorTaxProfile, CrossBorderSale, InvoiceCounter, Invoice, OutsideSales,
            ViesConfirmation]


@hookimpl
def ruta_migration_locations() -> Sequence[str]:
    return [str(MIGRATIONS)]


@hookimpl
def ruta_tax_classes() -> Sequence[TaxClassSpec]:
    return TAX_CLASSES


@hookimpl
def ruta_graphql_schema() -> GraphQLContribution:
    return GraphQLContribution(query=[InvoiceQuery, InvoicePdfQuery],
                               mutation=[IberiaMutation, IberiaRecordsMutation])


@hookimpl
def ruta_http_routes(runtime: Runtime) -> Sequence[Route]:
    return [Route(PATH, endpoint(runtime))]


@hookimpl
def ruta_graphql_type_fields(type_name: str) -> Sequence[Any]:
    return [*vendor_fields(), *invoice_vendor_fields()] if type_name == "Vendor" else []


@hookimpl
def ruta_cli_commands(subparsers: Any, build_runtime: Callable[[], Runtime]) -> None:
    add_command(subparsers, build_runtime)


# --- computation and validation (sync, pure) ----------------------------------------------


@hookimpl
def ruta_tax_decision(line: PricingLine) -> TaxDecision | None:
    return decide(line, config.current(), datetime.now(UTC).date())


@hookimpl
async def ruta_pricing_facts(session: AsyncSession, vendor_ids: Sequence[int],
                             buyer_vat_id: str | None) -> dict[int, dict[str, Any]]:
    return await pricing_facts(session, vendor_ids, buyer_vat_id, datetime.now(UTC).year)


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
    await issue_invoices(runtime, order_id, occurred_at)


@hookimpl
async def ruta_notification_extras(runtime: Runtime, message_type: str,
                                   event: Mapping[str, Any], recipient: Recipient
                                   ) -> NotificationExtras | None:
    """The buyer's invoice PDFs, linked from the order-confirmation e-mail."""
    return await invoice_links(runtime, message_type, event, recipient)


@hookimpl
async def ruta_order_refunded(runtime: Runtime, event_id: int, occurred_at: datetime,
                              order_id: int, vendor_order_id: int, amount: str,
                              full: bool) -> None:
    await issue_credit_notes(runtime, event_id, occurred_at, order_id, vendor_order_id,
                             amount, full)


#: Months whose commission invoices this process has already issued (issuing is idempotent;
#: this only spares the database a query on every tick).
_commission_months: set[tuple[int, int]] = set()


@hookimpl
async def ruta_demo_seed(runtime: Runtime, demo: DemoIndex) -> None:
    """The demo publisher (net prices) is registered for OSS and opted in to destination
    taxation (art. 59c(3)): its e-book costs a Spanish, a Portuguese and a Canary buyer
    different gross amounts."""
    vendor_id = demo.vendors.get("ediciones-donana")
    if vendor_id is not None:
        await update_profile(runtime, vendor_id, ProfileInput(oss_registered=True,
                                                              oss_opt_in=True))


@hookimpl
async def ruta_tick(runtime: Runtime, now: datetime) -> None:
    """On the first ticks of a month, the platform's commission invoices for the last one."""
    year, month = (now.year, now.month - 1) if now.month > 1 else (now.year - 1, 12)
    if (year, month) in _commission_months:
        return
    await issue_commission_invoices(runtime, year, month, now)
    _commission_months.add((year, month))


@hookimpl
async def ruta_account_export(runtime: Runtime, user_id: int) -> dict[str, Any]:
    return await personal_data.export(runtime, user_id)


@hookimpl
async def ruta_account_erase(runtime: Runtime, user_id: int) -> None:
    await personal_data.erase(runtime, user_id)
