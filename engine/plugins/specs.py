"""Every hook a Ruta plugin can implement, grouped by when it runs.

Implement a hook with ``from engine.plugins.api import hookimpl`` and a function of the same name;
register the plugin through the ``ruta.plugins`` entry-point group (first-party plugins are
registered the same way). An implementation may accept any subset of a spec's arguments.

Five kinds of hook, with different rules:

* **Composition hooks** run once when the app is built (schema parts, models, migrations,
  product kinds, tax classes). Sync.
* **Computation and validation hooks** run inside a request, before commit. They are
  **sync and pure**; ``async def`` implementations are refused at registration. Validation
  hooks raise :class:`engine.errors.ValidationError` to refuse input: it becomes a typed
  payload error and nothing is written.
* **Lifecycle hooks** (``ruta_<thing>_<happened>``) run **after commit**, from the outbox.
  They may be ``async def``. Each implementation is isolated: one that raises or exceeds
  ``RUTA_HOOK_TIMEOUT`` is logged and retried with exponential backoff, never affects the
  transaction that produced the event, and never stops the other implementations. Delivery
  is at least once: make implementations idempotent. Each receives ``runtime``
  (:class:`engine.runtime.Runtime`: settings, database, plugin manager), ``event_id`` (the
  same on every redelivery of one event: use it to deduplicate) and ``occurred_at`` (when
  the transaction recorded it) besides the event's own arguments. Plugins may define their
  own lifecycle events here and record them with ``engine.plugins.api.record_event``.
* **Query hooks** (``QUERY_HOOKS``) answer a question one plugin asks another without
  either importing the other; they may be ``async def``; the engine awaits every result and
  collects them (``engine.plugins.api.gather_hook``).
* **Scheduled hooks** (``ruta_tick``) run in every worker's background loop, every few
  seconds; each implementation is isolated (an error is logged, the loop goes on).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession
    from starlette.routing import BaseRoute

    from engine.catalog.pricing import PricingLine, TaxDecision
    from engine.checkout.snapshot import CheckoutSnapshot
    from engine.demo.index import DemoIndex
    from engine.notifications.spec import MessageType
    from engine.orders.payment import PaymentGateway
    from engine.plugins.contributions import (
        GraphQLContribution,
        ImpactFact,
        JourneyFact,
        ProductKindSpec,
        TaxClassSpec,
    )
    from engine.runtime import Runtime
    from engine.web.kit import WebKit

hookspec = pluggy.HookspecMarker("ruta")

#: Hooks whose implementations run after commit from the outbox.
LIFECYCLE_HOOKS = (
    "ruta_user_registered",
    "ruta_vendor_applied",
    "ruta_vendor_approved",
    "ruta_product_created",
    "ruta_product_updated",
    "ruta_product_deleted",
    "ruta_product_media_uploaded",
    "ruta_order_created",
    "ruta_order_paid",
    "ruta_order_cancelled",
    "ruta_vendor_order_fulfilled",
    "ruta_order_refunded",
    "ruta_course_completed",
    "ruta_learner_at_risk",
    "ruta_account_verification_requested",
    "ruta_password_reset_requested",
    "ruta_password_changed",
    "ruta_account_registration_attempted",
    "ruta_job_application_changed",
    "ruta_job_hired",
    "ruta_announcement_queued",
)

#: Hooks the engine awaits and whose results it collects (may be ``async def``).
QUERY_HOOKS = ("ruta_progress_shared_with", "ruta_account_export", "ruta_account_erase",
               "ruta_pricing_facts", "ruta_user_credentials", "ruta_journey_facts",
               "ruta_impact_facts")

#: Hooks the background loop calls every few seconds (may be ``async def``).
SCHEDULED_HOOKS = ("ruta_tick",)

#: Hooks run once by ``ruta demo`` / ``ruta serve --demo`` after the core demo data.
DEMO_HOOKS = ("ruta_demo_seed",)

#: Hooks that must be sync (computation and validation).
SYNC_HOOKS = (
    "ruta_tax_decision",
    "ruta_unit_price",
    "ruta_vendor_validate",
    "ruta_product_validate",
    "ruta_variant_validate",
    "ruta_checkout_validate",
    "ruta_vat_id_validate",
    "ruta_payment_gateways",
    "ruta_cli_commands",
    "ruta_graphql_schema",
    "ruta_graphql_type_fields",
    "ruta_models",
    "ruta_migration_locations",
    "ruta_product_kinds",
    "ruta_tax_classes",
    "ruta_http_routes",
    "ruta_notification_types",
    "ruta_web_routes",
)


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


# --- Computation and validation: sync, inside the request, before commit --------------------


@hookspec(firstresult=True)
def ruta_tax_decision(line: PricingLine) -> TaxDecision | None:
    """Decide the tax of one priced line (firstresult, sync, pure).

    ``line`` carries the vendor's establishment, the buyer's country/postal code and VAT id,
    the product kind and tax class and the unit price. Return a
    :class:`engine.catalog.pricing.TaxDecision`, or ``None`` to let the next plugin decide.
    The core's default (registered last) charges no tax (treatment ``OUTSIDE_SCOPE``).
    """


@hookspec(firstresult=True)
def ruta_unit_price(line: PricingLine) -> Any:
    """Adjust the unit price of a line before tax (firstresult, sync, pure).

    Return a ``Decimal`` to replace ``line.unit_price`` (promotions, member prices), or
    ``None`` to keep it. The result is rounded to cents by the engine.
    """


@hookspec
def ruta_vendor_validate(data: dict[str, Any], vendor_id: int | None) -> None:
    """Validate vendor input before it is written (``vendorCreate`` / ``vendorUpdate``).

    ``data`` holds the normalised fields about to be written (``country``, ``postal_code``,
    ``tax_id``...); ``vendor_id`` is None on create. Raise
    :class:`engine.errors.ValidationError` to refuse; nothing is written.
    """


@hookspec
def ruta_product_validate(data: dict[str, Any], vendor_id: int, product_id: int | None) -> None:
    """Validate product input before it is written (``productCreate`` / ``productUpdate``).

    Raise :class:`engine.errors.ValidationError` to refuse; nothing is written.
    """


@hookspec
def ruta_variant_validate(data: dict[str, Any], product_kind: str, variant_id: int | None) -> None:
    """Validate variant input (``productVariantCreate`` / ``productVariantUpdate``).

    Raise :class:`engine.errors.ValidationError` to refuse; nothing is written.
    """


@hookspec
def ruta_checkout_validate(checkout: CheckoutSnapshot) -> None:
    """Validate a checkout inside ``checkoutComplete``'s transaction, before stock is taken.

    ``checkout`` is a read-only :class:`engine.checkout.snapshot.CheckoutSnapshot` (lines,
    buyer, addresses, VAT id, total). Raise :class:`engine.errors.ValidationError` to refuse
    the order with a typed error; nothing is written.
    """


@hookspec
def ruta_vat_id_validate(vat_id: str | None, country: str | None) -> dict[str, Any] | None:
    """Validate the buyer's VAT number whenever it is set (``checkoutCreate``,
    ``checkoutVatIdUpdate``).

    ``vat_id`` is upper-cased without spaces (None when removed); ``country`` is the buyer's
    billing (else shipping) country, if known. Raise :class:`engine.errors.ValidationError`
    (code ``INVALID_VAT_ID``) to refuse; nothing is written. Return a mapping to merge into
    the checkout's ``plugin_data`` (e.g. ``{"iberia_vat": {"status": "VALID", ...}}``) so
    that pure pricing hooks can read the outcome from ``PricingLine.plugin_data``.

    Sync, but run by the engine in a worker thread *before* the transaction: it may call a
    remote service (VIES) with a timeout. "Service unavailable" must not mean "invalid".
    """


# --- Lifecycle: after commit, from the outbox, isolated per implementation ------------------


@hookspec
def ruta_user_registered(
    runtime: Runtime, event_id: int, occurred_at: datetime, user_id: int, email: str
) -> None:
    """A customer account was created (``accountRegister``). After commit; may be async."""


@hookspec
def ruta_vendor_applied(
    runtime: Runtime, event_id: int, occurred_at: datetime, vendor_id: int, user_id: int
) -> None:
    """A user applied to sell (``vendorCreate``; status PENDING). After commit; may be async."""


@hookspec
def ruta_vendor_approved(
    runtime: Runtime, event_id: int, occurred_at: datetime, vendor_id: int
) -> None:
    """An operator approved a vendor (``vendorApprove``). After commit; may be async."""


@hookspec
def ruta_product_created(
    runtime: Runtime, event_id: int, occurred_at: datetime, product_id: int, vendor_id: int
) -> None:
    """A product was created (``productCreate``). After commit; may be async."""


@hookspec
def ruta_product_updated(
    runtime: Runtime, event_id: int, occurred_at: datetime, product_id: int, vendor_id: int
) -> None:
    """A product or one of its variants changed. After commit; may be async."""


@hookspec
def ruta_product_deleted(
    runtime: Runtime, event_id: int, occurred_at: datetime, product_id: int, vendor_id: int
) -> None:
    """A product was deleted (``productDelete``). After commit; may be async."""


@hookspec
def ruta_product_media_uploaded(
    runtime: Runtime, event_id: int, occurred_at: datetime, media_id: int, product_id: int,
    vendor_id: int,
) -> None:
    """A picture was added to a product (``productMediaCreate``). After commit; may be
    async. The core's own implementation makes its WebP thumbnails."""


@hookspec
def ruta_order_created(
    runtime: Runtime, event_id: int, occurred_at: datetime, order_id: int
) -> None:
    """``checkoutComplete`` created an order (UNPAID, or PAID at once when free).
    After commit; may be async."""


@hookspec
def ruta_order_paid(runtime: Runtime, event_id: int, occurred_at: datetime, order_id: int) -> None:
    """An order became PAID (its vendor orders too; booking holds are confirmed).
    After commit; may be async."""


@hookspec
def ruta_order_cancelled(
    runtime: Runtime, event_id: int, occurred_at: datetime, order_id: int, reason: str
) -> None:
    """An order was cancelled; stock and seats are already back. ``reason`` is
    ``CANCELLED_BY_CUSTOMER``, ``CANCELLED_BY_OPERATOR`` or ``EXPIRED`` (an unpaid booking
    hold ran out).
    After commit; may be async."""


@hookspec
def ruta_vendor_order_fulfilled(
    runtime: Runtime,
    event_id: int,
    occurred_at: datetime,
    vendor_order_id: int,
    order_id: int,
    vendor_id: int,
) -> None:
    """A vendor shipped its part of an order (``vendorOrderFulfill``). After commit; may be
    async."""


@hookspec
def ruta_order_refunded(
    runtime: Runtime,
    event_id: int,
    occurred_at: datetime,
    order_id: int,
    vendor_order_id: int,
    amount: str,
    full: bool,
) -> None:
    """Money was refunded for a vendor order (``amount`` is a Decimal string in EUR; ``full``
    when the whole vendor order is refunded). After commit; may be async."""


@hookspec
def ruta_course_completed(
    runtime: Runtime,
    event_id: int,
    occurred_at: datetime,
    user_id: int,
    product_id: int,
    topics: list[str],
) -> None:
    """A learner completed a course (recorded by the e-learning plugin); ``topics`` are the
    course's topic tags, e.g. for rewarding the learner. After commit; may be async."""


@hookspec
def ruta_learner_at_risk(
    runtime: Runtime,
    event_id: int,
    occurred_at: datetime,
    user_id: int,
    product_id: int,
    step: str,
    signals: list[str],
) -> None:
    """A learner looks likely to drop out (recorded by the e-learning plugin). ``step`` is
    ``NUDGE`` (day 3), ``MENTOR`` (day 7) or ``COORDINATOR`` (day 14); ``signals`` name the
    evidence (``INACTIVE``, ``STALLED_MODULE``, ``FAILED_QUIZ``, ``NEVER_STARTED``).
    After commit; may be async."""


@hookspec
def ruta_pricing_facts(session: AsyncSession, vendor_ids: Sequence[int],
                       buyer_vat_id: str | None) -> Mapping[int, Mapping[str, Any]] | None:
    """Per-vendor facts the pure ``ruta_tax_decision`` / ``ruta_unit_price`` need, read
    fresh before a cart or a listing is priced (e.g. a vendor's OSS opt-in, exemption,
    cross-border sales this year, or what is on record about the buyer's VAT number
    ``buyer_vat_id``, the checkout's; None for listings).

    Return ``{vendor_id: {"<plugin>...": value}}`` (keys prefixed with the plugin's name,
    values immutable); the engine merges every plugin's mapping and passes it to each
    line as ``PricingLine.vendor_facts``. Read with ``session`` (read-only, one or two
    statements for all ``vendor_ids``; the engine calls it once per checkout priced and
    once per batch of listed vendors). A query hook: may be async.
    """


@hookspec
def ruta_account_verification_requested(
    runtime: Runtime, event_id: int, occurred_at: datetime, user_id: int, link: str
) -> None:
    """Send the user the e-mail-verification ``link`` (built from ``RUTA_PUBLIC_URL``; its
    token works once, for 24 hours). Recorded by ``accountRegister`` and
    ``accountRequestEmailVerification``. After commit; may be async."""


@hookspec
def ruta_password_reset_requested(
    runtime: Runtime, event_id: int, occurred_at: datetime, user_id: int, link: str
) -> None:
    """Send the user the password-reset ``link`` (``RUTA_PUBLIC_URL`` based; the token works
    once, for one hour). Recorded by ``passwordResetRequest`` for an existing, active account
    only (the API answers the same either way). After commit; may be async."""


@hookspec
def ruta_password_changed(
    runtime: Runtime, event_id: int, occurred_at: datetime, user_id: int
) -> None:
    """Tell the user their password changed (``passwordChange`` or ``passwordResetConfirm``;
    every session was ended). After commit; may be async."""


@hookspec
def ruta_account_registration_attempted(
    runtime: Runtime, event_id: int, occurred_at: datetime, user_id: int
) -> None:
    """Someone called ``accountRegister`` with the e-mail of the existing account
    ``user_id``: tell its owner (the API answered as for a new account). After commit; may be
    async."""


@hookspec
def ruta_job_application_changed(
    runtime: Runtime,
    event_id: int,
    occurred_at: datetime,
    application_id: int,
    candidate_user_id: int,
    status: str,
    message: str,
    language: str,
) -> None:
    """A job application changed status (recorded by the jobs plugin): tell the candidate
    ``candidate_user_id`` the new ``status`` (``RECEIVED``, ``SHORTLISTED``, ``INTERVIEW``,
    ``OFFERED``, ``HIRED``, ``DECLINED``, ``WITHDRAWN``) with the employer's ``message``
    (may be empty), in ``language``. After commit; may be async."""


@hookspec
def ruta_job_hired(
    runtime: Runtime,
    event_id: int,
    occurred_at: datetime,
    employer_vendor_id: int,
    candidate_user_id: int,
    application_id: int,
) -> None:
    """A vendor hired a candidate through a job offer (recorded by the jobs plugin): one
    direct job created by a programme business, e.g. for an impact report. After commit;
    may be async; idempotent by ``event_id`` (or ``application_id``: hired once)."""


@hookspec
def ruta_announcement_queued(
    runtime: Runtime,
    event_id: int,
    occurred_at: datetime,
    announcement_id: int,
    user_id: int,
    language: str,
    subject: str,
    body: str,
    unsubscribe_url: str,
    test: bool,
) -> None:
    """Deliver one programme announcement to one opted-in recipient (recorded by the jobs
    plugin, once per recipient): ``subject`` and ``body`` are already in the recipient's
    ``language``; send ``unsubscribe_url`` as ``List-Unsubscribe`` with
    ``List-Unsubscribe-Post: List-Unsubscribe=One-Click`` (RFC 8058). ``test`` marks a test
    send to the sender. After commit; may be async."""


@hookspec
def ruta_user_credentials(runtime: Runtime, user_id: int) -> list[dict[str, Any]] | None:
    """Verifiable credentials ``user_id`` earned on Ruta (e.g. course certificates), as
    JSON-serialisable dicts with ``kind``, ``title``, ``credential_id``, ``issued_at``
    (ISO 8601) and ``token`` (the signed credential, checkable with the issuer's verify
    query, e.g. ``certificateVerify``); None when the plugin has none. A query hook: may be async;
    the engine awaits and collects every result. Callers show them only with the user's
    consent."""


@hookspec
def ruta_account_export(runtime: Runtime, user_id: int) -> dict[str, Any] | None:
    """The plugin's part of ``accountDataExport`` (GDPR art. 20) for ``user_id``.

    Return a JSON-serialisable dict (it appears under the plugin's name) or None. A query
    hook: may be async; the engine awaits and collects every result.
    """


@hookspec
def ruta_account_erase(runtime: Runtime, user_id: int) -> None:
    """Erase or anonymise the plugin's personal data of ``user_id`` (``accountDelete``).

    Keep what the law requires (invoices, bookkeeping) with the person's data replaced.
    Called after the core erased its part; may be async (write in ``runtime.transaction()``);
    must be idempotent. An implementation that raises fails the deletion, which can be
    retried.
    """


@hookspec
def ruta_progress_shared_with(runtime: Runtime, learner_id: int) -> Sequence[int] | None:
    """User ids (e.g. mentors) the learner has consented to share learning progress with.

    A query hook: may be async; the engine awaits every implementation and merges the ids.
    """


@hookspec
def ruta_journey_facts(runtime: Runtime, user_ids: list[int]) -> Sequence[JourneyFact] | None:
    """What the plugin knows of these people's journeys, as
    :class:`engine.plugins.contributions.JourneyFact` items (e-learning: ``ENROLLED``,
    ``COURSE_COMPLETED``; mentoring: ``MENTORED`` with expert hours, ``FUNDING_REQUESTED``,
    ``FUNDING_GRANTED``). Asked by the programme plugin for participants who consented, and
    for aggregated impact figures. A query hook: may be async; every answer is collected.
    """


@hookspec
def ruta_impact_facts(runtime: Runtime, since: datetime, until: datetime
                      ) -> Sequence[ImpactFact] | None:
    """Outcomes between ``since`` and ``until`` (UTC) the plugin records, as
    :class:`engine.plugins.contributions.ImpactFact` items, e.g. hires made through a jobs
    plugin (``kind="HIRE"``). Impact reports show each kind as its own figure, never added
    to declared jobs. A query hook: may be async; every answer is collected.
    """


@hookspec
def ruta_tick(runtime: Runtime, now: datetime) -> None:
    """Periodic work (reminders, escalations, expiries), every few seconds in each worker.

    May be async. Must be idempotent and safe with many workers (claim work with
    conditional updates); an implementation that raises is logged and the loop goes on.
    """


@hookspec
def ruta_demo_seed(runtime: Runtime, demo: DemoIndex) -> None:
    """Add the plugin's demo data, once, right after the core's demo marketplace is created
    (``ruta serve --demo`` / ``ruta demo``; never otherwise).

    ``demo`` (:class:`engine.demo.index.DemoIndex`) maps the demo's e-mails, vendor,
    product and category slugs and variant SKUs to database ids. May be async; write in
    ``runtime.transaction()``. An implementation that raises stops the demo set-up.
    """
