"""Every core model, imported in one place so that ``Base.metadata`` is complete."""

from engine.accounts.models import RefreshToken, User
from engine.bookings.models import Booking
from engine.catalog.models import (
    Category,
    CategoryTranslation,
    Product,
    ProductTranslation,
    ProductVariant,
)
from engine.checkout.models import Checkout, CheckoutLine
from engine.db.plugin_records import PluginMigrationRecord
from engine.events.models import OutboxDelivery, OutboxEvent
from engine.orders.models import Order, OrderCounter, OrderLine, VendorOrder
from engine.payments.models import (
    LedgerEntry,
    Payment,
    Refund,
    StripeEvent,
    Transfer,
    VendorAccount,
)
from engine.shipping.models import ShippingMethod
from engine.vendors.models import Vendor, VendorMembership, VendorTranslation
from engine.web.models import WebFormSubmission
from engine.webhooks_out.models import Webhook, WebhookDelivery

CORE_MODELS = (
    User, RefreshToken, Vendor, VendorMembership, VendorTranslation, Category,
    CategoryTranslation, Product, ProductTranslation, ProductVariant, OutboxEvent,
    OutboxDelivery, ShippingMethod, Checkout, CheckoutLine, OrderCounter, Order, VendorOrder,
    OrderLine, Booking, Payment, StripeEvent, LedgerEntry, Transfer, Refund, VendorAccount,
    PluginMigrationRecord, Webhook, WebhookDelivery, WebFormSubmission,
)
