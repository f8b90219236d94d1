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

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:

    pass

hookspec = pluggy.HookspecMarker("ruta")

#: Hooks whose implementations run after commit from the outbox.
LIFECYCLE_HOOKS = (
    "ruta_user_registered",
    "ruta_vendor_applied",
    "ruta_vendor_approved",
    "ruta_vendor_rejected",
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
    "ruta_payout_sent",
    "ruta_booking_promoted",
    "ruta_event_registration_promoted",
    "ruta_session_cancelled",
    "ruta_course_enrolled",
    "ruta_certificate_issued",
    "ruta_funding_status_changed",
    "ruta_notification_unsubscribed",
)

#: Hooks the engine awaits and whose results it collects (may be ``async def``).
QUERY_HOOKS = ("ruta_progress_shared_with", "ruta_account_export", "ruta_account_erase",
               "ruta_pricing_facts", "ruta_user_credentials", "ruta_journey_facts",
               "ruta_impact_facts", "ruta_notification_extras", "ruta_staff_organisation",
               "ruta_attendance_certificate")

#: Hooks the background loop calls every few seconds (may be ``async def``).
SCHEDULED_HOOKS = ("ruta_tick",)

#: Hooks run once by ``ruta demo`` / ``ruta serve --demo`` after the core demo data.
DEMO_HOOKS = ("ruta_demo_seed", "ruta_demo_journeys")

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

# The hooks themselves, one module per kind (pluggy reads them from this module).
from engine.plugins.specs_composition import (  # noqa: E402, F401
    ruta_cli_commands,
    ruta_graphql_schema,
    ruta_graphql_type_fields,
    ruta_http_routes,
    ruta_migration_locations,
    ruta_models,
    ruta_notification_types,
    ruta_payment_gateways,
    ruta_product_kinds,
    ruta_tax_classes,
    ruta_web_routes,
)
from engine.plugins.specs_computation import (  # noqa: E402, F401
    ruta_checkout_validate,
    ruta_product_validate,
    ruta_tax_decision,
    ruta_unit_price,
    ruta_variant_validate,
    ruta_vat_id_validate,
    ruta_vendor_validate,
)
from engine.plugins.specs_lifecycle import (  # noqa: E402, F401
    ruta_account_registration_attempted,
    ruta_account_verification_requested,
    ruta_announcement_queued,
    ruta_booking_promoted,
    ruta_certificate_issued,
    ruta_course_completed,
    ruta_course_enrolled,
    ruta_event_registration_promoted,
    ruta_funding_status_changed,
    ruta_job_application_changed,
    ruta_job_hired,
    ruta_learner_at_risk,
    ruta_notification_unsubscribed,
    ruta_order_cancelled,
    ruta_order_created,
    ruta_order_paid,
    ruta_order_refunded,
    ruta_password_changed,
    ruta_password_reset_requested,
    ruta_payout_sent,
    ruta_product_created,
    ruta_product_deleted,
    ruta_product_media_uploaded,
    ruta_product_updated,
    ruta_session_cancelled,
    ruta_user_registered,
    ruta_vendor_applied,
    ruta_vendor_approved,
    ruta_vendor_order_fulfilled,
    ruta_vendor_rejected,
)
from engine.plugins.specs_queries import (  # noqa: E402, F401
    ruta_account_erase,
    ruta_account_export,
    ruta_attendance_certificate,
    ruta_demo_journeys,
    ruta_demo_seed,
    ruta_impact_facts,
    ruta_journey_facts,
    ruta_notification_extras,
    ruta_pricing_facts,
    ruta_progress_shared_with,
    ruta_staff_organisation,
    ruta_tick,
    ruta_user_credentials,
)
