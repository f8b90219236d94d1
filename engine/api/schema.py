"""Compose the GraphQL schema from the core's domains and the plugins' contributions.

Plugins add root fields and types (``ruta_graphql_schema``), fields on core types
(``ruta_graphql_type_fields``) and product kinds (``ruta_product_kinds``). Core types are
extended only for the duration of one build, so apps with different plugin sets coexist.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pluggy
import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaskErrors, ParserCache, ValidationCache
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext
from strawberry.types.enum import EnumValue

from engine.accounts.graphql import AccountMutation, AccountQuery, UserType
from engine.accounts.graphql_lifecycle import AccountLifecycleMutation
from engine.accounts.graphql_two_factor import TwoFactorMutation
from engine.addresses.graphql import AddressBookMutation
from engine.api.errors import should_mask
from engine.api.fast_fields import LeafFieldsExecutionContext, plan_leaf_fields
from engine.api.limits import limit_extensions
from engine.api.scalars import SCALAR_MAP
from engine.api.suggestions import strip_suggestions
from engine.api.text_inputs import RefuseBadText
from engine.api.unavailable import ServiceUnavailable
from engine.audit.extension import AuditMutations
from engine.audit.graphql import AuditQuery
from engine.catalog.import_graphql import ProductImportMutation
from engine.catalog.kinds import product_kinds
from engine.catalog.mutations import CatalogMutation
from engine.catalog.queries import CatalogQuery
from engine.catalog.series_graphql import SlotSeriesMutation
from engine.catalog.types import CategoryType, ProductKind, ProductType, ProductVariantType
from engine.checkout.graphql import CheckoutMutation, CheckoutQuery
from engine.events.operator_graphql import OutboxMutation, OutboxQuery
from engine.i18n.extension import LocaliseErrors
from engine.media.graphql import MediaMutation
from engine.orders.graphql import OrderMutation, OrderQuery
from engine.orders.guest_graphql import GuestOrderQuery
from engine.orders.operator_search import OperatorOrderQuery
from engine.orders.types import OrderType
from engine.plugins.contributions import GraphQLContribution
from engine.promotions.graphql import PromotionMutation
from engine.promotions.voucher_graphql import VoucherMutation, VoucherQuery
from engine.returns.graphql import ReturnMutation, ReturnQuery
from engine.reviews.graphql import ReviewMutation, ReviewQuery
from engine.search.graphql import SearchQuery
from engine.settings import Settings
from engine.shipping.graphql import ShippingMutation
from engine.shop.graphql import ShopQuery
from engine.vendors.graphql import VendorMutation, VendorQuery
from engine.vendors.staff_graphql import StaffMutation, StaffQuery
from engine.vendors.staff_members import StaffRemoveMutation
from engine.vendors.types import VendorType

#: Distinct documents kept parsed and validated (per process, shared by every schema).
DOCUMENT_CACHE_SIZE = 256

CORE_QUERIES: tuple[type, ...] = (ShopQuery, AccountQuery, VendorQuery, StaffQuery,
                                  CatalogQuery, SearchQuery, ReviewQuery, CheckoutQuery,
                                  OrderQuery, GuestOrderQuery, AuditQuery, VoucherQuery,
                                  OutboxQuery, OperatorOrderQuery, ReturnQuery)
CORE_MUTATIONS: tuple[type, ...] = (AccountMutation, VendorMutation, StaffMutation,
                                    CatalogMutation, MediaMutation, ShippingMutation,
                                    CheckoutMutation, OrderMutation, ReviewMutation,
                                    PromotionMutation, VoucherMutation,
                                    AccountLifecycleMutation, TwoFactorMutation,
                                    ProductImportMutation, StaffRemoveMutation,
                                    SlotSeriesMutation, OutboxMutation, ReturnMutation,
                                    AddressBookMutation)

#: Core types plugins may add fields to, by GraphQL name.
EXTENSIBLE_TYPES: dict[str, type] = {
    "Product": ProductType,
    "ProductVariant": ProductVariantType,
    "Vendor": VendorType,
    "User": UserType,
    "Category": CategoryType,
    "Order": OrderType,
}


@contextmanager
def _extended_types(plugins: pluggy.PluginManager) -> Iterator[None]:
    saved: list[tuple[Any, list[Any]]] = []
    try:
        for name, cls in EXTENSIBLE_TYPES.items():
            extra: list[Any] = []
            for contributed in plugins.hook.ruta_graphql_type_fields(type_name=name):
                extra.extend(contributed or ())
            if not extra:
                continue
            definition = cls.__strawberry_definition__  # type: ignore[attr-defined]
            saved.append((definition, definition.fields))
            for field in extra:
                field.python_name = field.python_name or field.base_resolver.name
                field.origin = cls
            definition.fields = [*definition.fields, *extra]
        yield
    finally:
        for definition, fields in saved:
            definition.fields = fields


@contextmanager
def _extended_kinds(plugins: pluggy.PluginManager) -> Iterator[None]:
    definition = ProductKind.__strawberry_definition__  # type: ignore[attr-defined]
    core = {member.value for member in ProductKind}
    added = [code for code in product_kinds(plugins) if code not in core]
    if not added:
        yield
        return
    saved = (definition.values, definition.wrapped_cls)
    codes = [*core, *added]
    definition.wrapped_cls = enum.StrEnum(  # type: ignore[misc]
        "ProductKind", {c: c for c in codes})
    definition.values = [*definition.values, *(EnumValue(name=c, value=c) for c in added)]
    try:
        yield
    finally:
        definition.values, definition.wrapped_cls = saved


class RutaSchema(strawberry.Schema):
    """Logs only unexpected errors: refused input and permissions are normal traffic.
    Without field suggestions (production), every other suggestion goes too."""

    def process_errors(self, errors: list[GraphQLError],
                       execution_context: ExecutionContext | None = None) -> None:
        if self.config.disable_field_suggestions:
            strip_suggestions(errors)
        unexpected = [e for e in errors if should_mask(e)]
        if unexpected:
            super().process_errors(unexpected, execution_context)


def build_schema(plugins: pluggy.PluginManager, settings: Settings) -> strawberry.Schema:
    contributions: list[GraphQLContribution] = [
        c for c in plugins.hook.ruta_graphql_schema() if c is not None]
    query = merge_types("Query", CORE_QUERIES + tuple(t for c in contributions for t in c.query))
    mutation = merge_types(
        "Mutation", CORE_MUTATIONS + tuple(t for c in contributions for t in c.mutation))
    extensions: list[Any] = [*limit_extensions(settings)]
    # Parsed and validated documents are cached: parsing depends on the text only, and
    # strawberry keys validation by (schema, document, rules), so apps with different
    # plugin sets in one process never share a verdict. Both LRUs are bounded.
    extensions += [lambda: ParserCache(maxsize=DOCUMENT_CACHE_SIZE),
                   lambda: ValidationCache(maxsize=DOCUMENT_CACHE_SIZE)]
    extensions.extend((RefuseBadText, LocaliseErrors, AuditMutations))
    if not settings.debug:
        extensions.append(lambda: MaskErrors(should_mask_error=should_mask))
    extensions.append(ServiceUnavailable)
    config = StrawberryConfig(disable_field_suggestions=settings.is_production,
                              scalar_map=SCALAR_MAP)
    with _extended_types(plugins), _extended_kinds(plugins):
        schema = RutaSchema(query=query, mutation=mutation,
                            types=[t for c in contributions for t in c.types],
                            extensions=extensions, config=config,
                            execution_context_class=LeafFieldsExecutionContext)
    plan_leaf_fields(schema._schema, schema.config.info_class, bool(schema.exception_handlers))
    return schema
