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
from engine.events.models import OutboxDelivery, OutboxEvent
from engine.media.models import ProductMedia
from engine.orders.models import Order, OrderCounter, OrderLine, VendorOrder
from engine.payments.models import (
    LedgerEntry,
    Payment,
    Refund,
    StripeEvent,
    Transfer,
    VendorAccount,
)
from engine.reviews.models import Review
from engine.shipping.models import ShippingMethod
from engine.vendors.models import Vendor, VendorMembership, VendorTranslation

CORE_MODELS = (
    User, RefreshToken, Vendor, VendorMembership, VendorTranslation, Category,
    CategoryTranslation, Product, ProductTranslation, ProductVariant, OutboxEvent,
    OutboxDelivery, ShippingMethod, Checkout, CheckoutLine, OrderCounter, Order, VendorOrder,
    OrderLine, Booking, ProductMedia, Payment, StripeEvent, LedgerEntry, Transfer, Refund,
    VendorAccount, Review,
)
