"""Every core model, imported in one place so that ``Base.metadata`` is complete."""

from engine.accounts.models import (
    LoginThrottle,
    OneTimeToken,
    RecoveryCode,
    RefreshToken,
    TotpDevice,
    User,
)
from engine.addresses.models import AccountAddress
from engine.audit.models import AuditEntry
from engine.bookings.models import Booking
from engine.cache import tracking  # noqa: F401  (bumps versions in writing transactions)
from engine.cache.versions import CacheVersion
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
from engine.media.models import ProductMedia
from engine.notifications.models import Notification, NotificationOptOut
from engine.orders.models import Order, OrderCounter, OrderLine, VendorOrder
from engine.payments.models import (
    LedgerEntry,
    Payment,
    Refund,
    StripeEvent,
    Transfer,
    VendorAccount,
)
from engine.price_history import recording  # noqa: F401  (writes price history)
from engine.price_history.models import PriceHistory
from engine.promotions.models import Promotion, Voucher, VoucherUse
from engine.returns.models import ReturnRequest
from engine.reviews.models import Review
from engine.shipping.models import ShippingMethod
from engine.vendors.models import Vendor, VendorInvitation, VendorMembership, VendorTranslation
from engine.web.models import WebFormSubmission
from engine.webhooks_out.models import Webhook, WebhookDelivery

CORE_MODELS = (
    User, RefreshToken, Vendor, VendorMembership, VendorTranslation, Category,
    CategoryTranslation, Product, ProductTranslation, ProductVariant, OutboxEvent,
    OutboxDelivery, ShippingMethod, Checkout, CheckoutLine, OrderCounter, Order, VendorOrder,
    OrderLine, Booking, ProductMedia, Payment, StripeEvent, LedgerEntry, Transfer, Refund,
    VendorAccount, Review, PluginMigrationRecord, Webhook, WebhookDelivery, VendorInvitation,
    Notification, NotificationOptOut, CacheVersion, OneTimeToken, LoginThrottle, AuditEntry,
    TotpDevice, RecoveryCode, Promotion, Voucher, VoucherUse, WebFormSubmission, PriceHistory,
    ReturnRequest, AccountAddress,
)
