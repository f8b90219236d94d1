"""Lifecycle hooks: after commit, from the outbox, isolated per implementation.

Part of :mod:`engine.plugins.specs`, which registers every hook; see its docstring."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:

    from engine.runtime import Runtime


hookspec = pluggy.HookspecMarker("ruta")


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
def ruta_vendor_rejected(
    runtime: Runtime, event_id: int, occurred_at: datetime, vendor_id: int, reason: str
) -> None:
    """An operator rejected a pending vendor application (``vendorReject``) with ``reason``,
    the text the vendor is told. After commit; may be async."""


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


# --- Events the notifications domain tells people about --------------------------------------


@hookspec
def ruta_payout_sent(
    runtime: Runtime, event_id: int, occurred_at: datetime, transfer_id: int, vendor_id: int,
    vendor_order_id: int, amount: str,
) -> None:
    """A vendor's share of a paid vendor order was transferred to its connected account
    (core payments; ``amount`` is the Decimal string in EUR, commission already deducted).
    Once per transfer. After commit; may be async."""


@hookspec
def ruta_booking_promoted(
    runtime: Runtime, event_id: int, occurred_at: datetime, booking_id: int, user_id: int,
    session_id: int,
) -> None:
    """A waitlisted booking of a group session took a freed seat and is now confirmed
    (recorded by the mentoring plugin): tell ``user_id``. After commit; may be async."""


@hookspec
def ruta_event_registration_promoted(
    runtime: Runtime, event_id: int, occurred_at: datetime, registration_id: int,
    user_id: int | None,
) -> None:
    """A waitlisted registration for a programme event took a freed seat (recorded by the
    programme plugin). ``event_id`` here is the outbox event's id, as for every lifecycle
    hook; the programme event is the registration's. ``user_id`` is None for a guest
    (registered with an e-mail only). After commit; may be async."""


@hookspec
def ruta_session_cancelled(
    runtime: Runtime, event_id: int, occurred_at: datetime, session_id: int, booking_id: int,
    user_id: int, refund: str,
) -> None:
    """The expert cancelled a session (recorded by the mentoring plugin): one event per
    attendee's booking, with ``refund`` (the Decimal string in EUR given back, "0.00" for a
    free session or a waitlist place). After commit; may be async."""


@hookspec
def ruta_course_enrolled(
    runtime: Runtime, event_id: int, occurred_at: datetime, user_id: int, product_id: int,
    enrolment_id: int,
) -> None:
    """``user_id`` was enrolled in the course ``product_id`` (free enrolment or a paid
    order; recorded by the e-learning plugin, once per enrolment). After commit; may be
    async."""


@hookspec
def ruta_certificate_issued(
    runtime: Runtime, event_id: int, occurred_at: datetime, user_id: int, product_id: int,
    certificate_id: int, credential_id: str,
) -> None:
    """A course certificate was issued to ``user_id`` (recorded by the e-learning plugin;
    ``credential_id`` is what ``certificateVerify`` checks). After commit; may be async."""


@hookspec
def ruta_funding_status_changed(
    runtime: Runtime, event_id: int, occurred_at: datetime, request_id: int, user_id: int,
    status: str,
) -> None:
    """A funding-assistance request of ``user_id`` moved to ``status`` (``IN_REVIEW``,
    ``SUBMITTED``, ``APPROVED``...; recorded by the mentoring plugin on each move). After
    commit; may be async."""


@hookspec
def ruta_notification_unsubscribed(
    runtime: Runtime, event_id: int, occurred_at: datetime, user_id: int, category: str,
) -> None:
    """``user_id`` switched the optional message ``category`` off (one-click unsubscribe
    or ``notificationPreferenceUpdate``), e.g. ``ANNOUNCEMENT``: a plugin keeping its own
    subscription list updates it. After commit; may be async."""
