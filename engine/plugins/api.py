"""The public surface for plugin authors: import from here, not from engine internals.

Everything listed in ``__all__`` is kept stable (a test pins the list); anything else in
``engine`` may change between versions.
"""

from engine.accounts.graphql import UserType
from engine.api.context import Context, Info
from engine.api.enums import CountryCode, LanguageCodeEnum
from engine.api.errors import attempt, error_code_enum, payload_errors
from engine.api.ids import decode_id, decode_token_id, encode_id
from engine.api.money_types import MoneyType, TaxedMoneyType, money
from engine.api.pagination import Connection, PageArgs, connection, count_of, fetch_page
from engine.api.viewer import can_manage_vendor, viewer_vendor_id
from engine.cache.tracking import INFO_KEY as CACHE_VERSION_KEY
from engine.cache.tracking import mark as bump_cache_version
from engine.cache.versions import CATALOG as CATALOG_VERSION
from engine.cache.versions import STOCK as STOCK_VERSION
from engine.cache.versions import TAX_FACTS as TAX_FACTS_VERSION
from engine.cache.watchers import watch as watch_cache_version
from engine.catalog.pricing import PricingLine, TaxDecision, shares
from engine.catalog.types import ProductType, ProductVariantType
from engine.checkout.service import set_plugin_data
from engine.checkout.snapshot import CheckoutLineSnapshot, CheckoutSnapshot
from engine.db.base import Base, Timestamped
from engine.db.types import ScaledDecimal, UTCDateTime, utcnow
from engine.demo.people import DemoPerson, add_demo_people
from engine.errors import (
    Collector,
    FieldError,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
    RutaError,
    ValidationError,
)
from engine.events.outbox import record as record_event
from engine.input_rules import checked_text as clean_text
from engine.media.public_images import store_public_image
from engine.money import TaxedMoney, quantize, taxed
from engine.notifications.events import notify
from engine.notifications.spec import (
    Attachment,
    MessageType,
    NotificationExtras,
    NotificationLink,
    Recipient,
)
from engine.notifications.unsubscribe import link as unsubscribe_link
from engine.notifications.unsubscribe import opt_in as notification_opt_in
from engine.orders.payment import PaymentAction, PaymentGateway, mark_paid
from engine.plugins.bookable import BookableSlot, add_bookable_variants, cancel_bought_seat
from engine.plugins.calls import gather_hook
from engine.plugins.contributions import (
    DemoJourney,
    GraphQLContribution,
    ImpactFact,
    IssuedCertificate,
    JourneyFact,
    ProductKindSpec,
    StaffOrganisation,
    TaxClassSpec,
)
from engine.plugins.markers import hookimpl
from engine.plugins.reads import (
    PRODUCT_CATEGORY_ID,
    PRODUCT_ID,
    OrderFacts,
    OrderLineFacts,
    OwnedVendorFacts,
    ProductFacts,
    VariantFacts,
    VendorFacts,
    VendorOrderFacts,
    category_and_descendants,
    commission_by_vendor,
    operator_ids,
    order_facts,
    order_lines,
    owned_vendors,
    product_facts,
    public_products,
    user_emails,
    user_ids_by_email,
    user_names,
    variant_facts,
    variants_facts,
    vendor_facts,
)
from engine.plugins.signing import sign_link, verify_link
from engine.postal_codes import clean_postal_code
from engine.runtime import Runtime
from engine.vendors.types import VendorType
from engine.web.execution import GraphQLResult
from engine.web.headers import content_security_policy, permissions_policy
from engine.web.kit import WebKit
from engine.web.site import WebSite
from engine.web.visit import Visit

__all__ = [
    "CACHE_VERSION_KEY",
    "CATALOG_VERSION",
    "PRODUCT_CATEGORY_ID",
    "PRODUCT_ID",
    "STOCK_VERSION",
    "TAX_FACTS_VERSION",
    "Attachment",
    "Base",
    "BookableSlot",
    "CheckoutLineSnapshot",
    "CheckoutSnapshot",
    "Collector",
    "Connection",
    "Context",
    "CountryCode",
    "DemoJourney",
    "DemoPerson",
    "FieldError",
    "GraphQLContribution",
    "GraphQLResult",
    "ImpactFact",
    "Info",
    "IssuedCertificate",
    "JourneyFact",
    "LanguageCodeEnum",
    "MessageType",
    "MoneyType",
    "NotAuthenticated",
    "NotFound",
    "NotificationExtras",
    "NotificationLink",
    "OrderFacts",
    "OrderLineFacts",
    "OwnedVendorFacts",
    "PageArgs",
    "PaymentAction",
    "PaymentGateway",
    "PermissionDenied",
    "PricingLine",
    "ProductFacts",
    "ProductKindSpec",
    "ProductType",
    "ProductVariantType",
    "Recipient",
    "Runtime",
    "RutaError",
    "ScaledDecimal",
    "StaffOrganisation",
    "TaxClassSpec",
    "TaxDecision",
    "TaxedMoney",
    "TaxedMoneyType",
    "Timestamped",
    "UTCDateTime",
    "UserType",
    "ValidationError",
    "VariantFacts",
    "VendorFacts",
    "VendorOrderFacts",
    "VendorType",
    "Visit",
    "WebKit",
    "WebSite",
    "add_bookable_variants",
    "add_demo_people",
    "attempt",
    "bump_cache_version",
    "can_manage_vendor",
    "cancel_bought_seat",
    "category_and_descendants",
    "clean_postal_code",
    "clean_text",
    "commission_by_vendor",
    "connection",
    "content_security_policy",
    "count_of",
    "decode_id",
    "decode_token_id",
    "encode_id",
    "error_code_enum",
    "fetch_page",
    "gather_hook",
    "hookimpl",
    "mark_paid",
    "money",
    "notification_opt_in",
    "notify",
    "operator_ids",
    "order_facts",
    "order_lines",
    "owned_vendors",
    "payload_errors",
    "permissions_policy",
    "product_facts",
    "public_products",
    "quantize",
    "record_event",
    "set_plugin_data",
    "shares",
    "sign_link",
    "store_public_image",
    "taxed",
    "unsubscribe_link",
    "user_emails",
    "user_ids_by_email",
    "user_names",
    "utcnow",
    "variant_facts",
    "variants_facts",
    "vendor_facts",
    "verify_link",
    "viewer_vendor_id",
    "watch_cache_version",
]
