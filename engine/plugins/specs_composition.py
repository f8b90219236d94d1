"""Composition hooks: run once when the app (and its schema) is built.

Part of :mod:`engine.plugins.specs`, which registers every hook; see its docstring."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from starlette.routing import BaseRoute

    from engine.notifications.spec import MessageType
    from engine.orders.payment import PaymentGateway
    from engine.plugins.contributions import (
        GraphQLContribution,
        ProductKindSpec,
        TaxClassSpec,
    )
    from engine.runtime import Runtime
    from engine.web.kit import WebKit


hookspec = pluggy.HookspecMarker("ruta")


# --- Composition: run once when the app (and its schema) is built --------------------------


@hookspec
def ruta_graphql_schema() -> GraphQLContribution | None:
    """Contribute GraphQL root fields and types.

    Return a :class:`engine.plugins.contributions.GraphQLContribution` holding strawberry
    classes whose fields are merged into ``Query`` / ``Mutation`` (``query``, ``mutation``)
    and extra types to register (``types``). Sync; runs once per schema build.
    """


@hookspec
def ruta_graphql_type_fields(type_name: str) -> Sequence[Any] | None:
    """Add fields to a core GraphQL type: ``Product``, ``ProductVariant``, ``Vendor``,
    ``User``, ``Category`` or ``Order`` (``engine.api.schema.EXTENSIBLE_TYPES``).

    Return strawberry fields (``strawberry.field(resolver=..., name=...)``); each resolver
    receives the core object as ``root``. Called once per core type name when the schema is
    built. Sync.
    """


@hookspec
def ruta_models() -> Sequence[type] | None:
    """Return the plugin's SQLAlchemy model classes (declared on ``engine.db.Base``).

    Called at start-up so that the metadata (and the migration drift check) includes them.
    """


@hookspec
def ruta_migration_locations() -> Sequence[str] | None:
    """Return directories holding the plugin's Alembic revisions.

    Each plugin keeps its revisions on its own branch (``branch_labels``) depending on the
    core's head; ``ruta migrate`` upgrades all heads.
    """


@hookspec
def ruta_product_kinds() -> Sequence[ProductKindSpec] | None:
    """Add values to the ``ProductKind`` enum (core: PHYSICAL DIGITAL SERVICE COURSE EVENT).

    Return :class:`engine.plugins.contributions.ProductKindSpec` items; a kind declares
    whether it ships (needs an address) and whether its variants are bookable.
    """


@hookspec
def ruta_http_routes(runtime: Runtime) -> Sequence[Any] | None:
    """Contribute HTTP routes (``starlette.routing.Route``) mounted next to ``/graphql``,
    e.g. a plugin's signed download links. Paths should start with ``/<plugin name>/``.
    Called once when the app is built; each endpoint checks its own authorisation (a
    signed token, never a cookie).
    """


@hookspec
def ruta_tax_classes() -> Sequence[TaxClassSpec] | None:
    """Publish tax-class codes (what is sold: ``BOOKS``, ``FOOD_BASIC``...) for ``taxClasses``.

    The core knows only ``STANDARD``. A product's ``taxClass`` must be a published code.
    """


@hookspec
def ruta_payment_gateways() -> Sequence[PaymentGateway] | None:
    """Contribute payment gateways (:class:`engine.orders.payment.PaymentGateway`).

    A gateway has a ``code`` (what ``checkoutComplete(paymentGateway:)`` names) and an async
    ``start(runtime, order)`` the engine calls after the order is committed, returning the
    ``PaymentAction`` the client must perform (or None). The core offers ``manual`` (paid
    outside the platform, confirmed by an operator with ``orderMarkPaid``).
    """


@hookspec
def ruta_cli_commands(subparsers: Any, build_runtime: Callable[[], Runtime]) -> None:
    """Add ``ruta`` sub-commands (e.g. ``ruta iberia-verify-invoices``).

    ``subparsers`` is the ``argparse`` sub-parser collection: add a parser and set
    ``func=<callable(args) -> int>`` as its default. ``build_runtime()`` gives a
    :class:`engine.runtime.Runtime` configured from the environment (dispose its database
    when done). Sync; runs when the command line is parsed.
    """


@hookspec
def ruta_notification_types() -> Sequence[MessageType] | None:
    """Contribute message types (:class:`engine.plugins.api.MessageType`): a code, a
    category (``NUDGE`` and ``REMINDER`` can be switched off by the recipient, the others are
    transactional), a directory of Jinja2 templates (``<language>.j2`` with the blocks
    ``subject``, ``text`` and ``html``; ``en.j2`` is the fallback) and, to be fed by a
    lifecycle event, ``hook`` and an async ``resolve(runtime, **event_arguments)`` returning
    :class:`engine.plugins.api.Recipient` items. A type with the same code as the core's
    (``order_confirmation``...) replaces it. Sync; read once per plugin manager.
    """


@hookspec
def ruta_web_routes(web: WebKit) -> Sequence[BaseRoute] | None:
    """Add web pages: return Starlette routes (usually one ``Mount``) for the app to serve.

    Called once when the app is built, after the schema. ``web`` (:class:`engine.web.WebKit`,
    also exported as ``engine.plugins.api.WebKit``) runs GraphQL documents in process as the
    signed-in user (the same schema, context and permission checks as ``POST /graphql``)
    and builds a site: ``site = web.site(folder)`` with Jinja2 templates, ``.po`` catalogs
    and ``.graphql`` documents; ``site.page(handler)`` adds the session cookie, language,
    CSRF and once-only checks; ``site.mount("/prefix", routes)`` adds static files and
    security headers. Pages must use only the public API. Sync; return None for no routes.
    """
