"""The core's own plugin: defaults that any other plugin overrides.

Registered first (``DEFAULT_PLUGINS``), with ``trylast`` where another plugin's answer must
win: the default tax decision charges no tax; the core product kinds and tax class; the
catalog's ``Vendor.products`` field.
"""

from __future__ import annotations

from collections.abc import Sequence

import strawberry

from engine.catalog.pricing import NO_TAX, PricingLine, TaxDecision
from engine.catalog.vendor_fields import vendor_fields
from engine.orders.graphql import vendor_orders
from engine.orders.models import Order
from engine.orders.payment import PaymentAction
from engine.plugins.contributions import ProductKindSpec, TaxClassSpec
from engine.plugins.markers import hookimpl
from engine.promotions.graphql import vendor_promotions
from engine.promotions.order_fields import order_fields
from engine.promotions.variant_fields import variant_fields
from engine.promotions.voucher_graphql import vendor_vouchers
from engine.runtime import Runtime
from engine.settings import Settings
from engine.shipping.graphql import shipping_methods
from engine.vendors.staff_members import vendor_staff, vendor_staff_invitations

CORE_KINDS = (
    ProductKindSpec("PHYSICAL", "Goods that are shipped", shippable=True),
    ProductKindSpec("DIGITAL", "Downloadable goods"),
    ProductKindSpec("SERVICE", "Services, optionally booked in slots", bookable=True),
    ProductKindSpec("COURSE", "Courses", bookable=True),
    ProductKindSpec("EVENT", "Events with sessions and seats", bookable=True),
)


class ManualGateway:
    """Paid outside the platform (bank transfer, cash); an operator confirms the payment
    with ``orderMarkPaid``."""

    code = "manual"
    description = "Pay by bank transfer or in person; confirmed by the platform."

    def available(self, settings: Settings) -> bool:
        return True

    async def start(self, runtime: Runtime, order: Order) -> PaymentAction | None:
        return None


@hookimpl
def ruta_payment_gateways() -> list[ManualGateway]:
    return [ManualGateway()]


@hookimpl(trylast=True)
def ruta_tax_decision(line: PricingLine) -> TaxDecision:
    return NO_TAX


@hookimpl
def ruta_product_kinds() -> tuple[ProductKindSpec, ...]:
    return CORE_KINDS


@hookimpl
def ruta_tax_classes() -> list[TaxClassSpec]:
    return [TaxClassSpec("STANDARD", "Standard", "Anything without a more specific class")]


@hookimpl
def ruta_graphql_type_fields(type_name: str) -> Sequence[object]:
    if type_name == "Order":
        return order_fields()
    if type_name == "ProductVariant":
        return variant_fields()
    if type_name != "Vendor":
        return ()
    return [*vendor_fields(),
            strawberry.field(resolver=shipping_methods, description=shipping_methods.__doc__),
            strawberry.field(resolver=vendor_orders, name="orders",
                             description=vendor_orders.__doc__),
            strawberry.field(resolver=vendor_promotions, name="promotions",
                             description=vendor_promotions.__doc__),
            strawberry.field(resolver=vendor_vouchers, name="vouchers",
                             description=vendor_vouchers.__doc__),
            strawberry.field(resolver=vendor_staff, name="staff",
                             description=vendor_staff.__doc__),
            strawberry.field(resolver=vendor_staff_invitations, name="staffInvitations",
                             description=vendor_staff_invitations.__doc__)]
