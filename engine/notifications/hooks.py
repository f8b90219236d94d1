"""The notifications plugin (built in, registered like any other): the core's message
types, every lifecycle event handed to the types listening to it, e-mail retries on
``ruta_tick``, the inbox's GraphQL fields and ``ruta mail``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from engine.notifications import mail_cli, personal_data
from engine.notifications.account_types import ACCOUNT_TYPES
from engine.notifications.core_types import CORE_TYPES
from engine.notifications.events import on_event
from engine.notifications.graphql import NotificationMutation, NotificationQuery
from engine.notifications.mailbox_graphql import MailboxQuery
from engine.notifications.sender import send_due
from engine.notifications.spec import MessageType
from engine.plugins.contributions import GraphQLContribution
from engine.plugins.markers import hookimpl
from engine.runtime import Runtime


@hookimpl
def ruta_notification_types() -> Sequence[MessageType]:
    return (*CORE_TYPES, *ACCOUNT_TYPES)


@hookimpl
def ruta_graphql_schema() -> GraphQLContribution:
    return GraphQLContribution(query=[NotificationQuery, MailboxQuery],
                               mutation=[NotificationMutation])


@hookimpl
def ruta_cli_commands(subparsers: Any, build_runtime: Callable[[], Runtime]) -> None:
    mail_cli.add(subparsers, build_runtime)


@hookimpl
async def ruta_account_export(runtime: Runtime, user_id: int) -> dict[str, Any]:
    return await personal_data.export(runtime, user_id)


@hookimpl
async def ruta_account_erase(runtime: Runtime, user_id: int) -> None:
    await personal_data.erase(runtime, user_id)


@hookimpl
async def ruta_tick(runtime: Runtime, now: datetime) -> None:
    await send_due(runtime)


@hookimpl
async def ruta_vendor_approved(runtime: Runtime, event_id: int, occurred_at: datetime,
                               vendor_id: int) -> None:
    await on_event(runtime, "ruta_vendor_approved", event_id, occurred_at, vendor_id=vendor_id)


@hookimpl
async def ruta_vendor_rejected(runtime: Runtime, event_id: int, occurred_at: datetime,
                               vendor_id: int, reason: str) -> None:
    await on_event(runtime, "ruta_vendor_rejected", event_id, occurred_at, vendor_id=vendor_id,
                   reason=reason)


@hookimpl
async def ruta_order_paid(runtime: Runtime, event_id: int, occurred_at: datetime,
                          order_id: int) -> None:
    await on_event(runtime, "ruta_order_paid", event_id, occurred_at, order_id=order_id)


@hookimpl
async def ruta_order_refunded(runtime: Runtime, event_id: int, occurred_at: datetime,
                              order_id: int, vendor_order_id: int, amount: str,
                              full: bool) -> None:
    await on_event(runtime, "ruta_order_refunded", event_id, occurred_at, order_id=order_id,
                   vendor_order_id=vendor_order_id, amount=amount, full=full)


@hookimpl
async def ruta_learner_at_risk(runtime: Runtime, event_id: int, occurred_at: datetime,
                               user_id: int, product_id: int, step: str,
                               signals: list[str]) -> None:
    await on_event(runtime, "ruta_learner_at_risk", event_id, occurred_at, user_id=user_id,
                   product_id=product_id, step=step, signals=signals)


@hookimpl
async def ruta_account_verification_requested(runtime: Runtime, event_id: int,
                                              occurred_at: datetime, user_id: int,
                                              link: str) -> None:
    await on_event(runtime, "ruta_account_verification_requested", event_id, occurred_at,
                   user_id=user_id, link=link)


@hookimpl
async def ruta_password_reset_requested(runtime: Runtime, event_id: int, occurred_at: datetime,
                                        user_id: int, link: str) -> None:
    await on_event(runtime, "ruta_password_reset_requested", event_id, occurred_at,
                   user_id=user_id, link=link)


@hookimpl
async def ruta_password_changed(runtime: Runtime, event_id: int, occurred_at: datetime,
                                user_id: int) -> None:
    await on_event(runtime, "ruta_password_changed", event_id, occurred_at, user_id=user_id)


@hookimpl
async def ruta_account_registration_attempted(runtime: Runtime, event_id: int,
                                              occurred_at: datetime, user_id: int) -> None:
    await on_event(runtime, "ruta_account_registration_attempted", event_id, occurred_at,
                   user_id=user_id)


# --- events other parts record, for the message types listening to them ---------------------


@hookimpl
async def ruta_payout_sent(runtime: Runtime, event_id: int, occurred_at: datetime,
                           transfer_id: int, vendor_id: int, vendor_order_id: int,
                           amount: str) -> None:
    await on_event(runtime, "ruta_payout_sent", event_id, occurred_at, transfer_id=transfer_id,
                   vendor_id=vendor_id, vendor_order_id=vendor_order_id, amount=amount)


@hookimpl
async def ruta_booking_promoted(runtime: Runtime, event_id: int, occurred_at: datetime,
                                booking_id: int, user_id: int, session_id: int) -> None:
    await on_event(runtime, "ruta_booking_promoted", event_id, occurred_at,
                   booking_id=booking_id, user_id=user_id, session_id=session_id)


@hookimpl
async def ruta_event_registration_promoted(runtime: Runtime, event_id: int,
                                           occurred_at: datetime, registration_id: int,
                                           user_id: int | None) -> None:
    await on_event(runtime, "ruta_event_registration_promoted", event_id, occurred_at,
                   registration_id=registration_id, user_id=user_id)


@hookimpl
async def ruta_session_cancelled(runtime: Runtime, event_id: int, occurred_at: datetime,
                                 session_id: int, booking_id: int, user_id: int,
                                 refund: str) -> None:
    await on_event(runtime, "ruta_session_cancelled", event_id, occurred_at,
                   session_id=session_id, booking_id=booking_id, user_id=user_id, refund=refund)


@hookimpl
async def ruta_course_enrolled(runtime: Runtime, event_id: int, occurred_at: datetime,
                               user_id: int, product_id: int, enrolment_id: int) -> None:
    await on_event(runtime, "ruta_course_enrolled", event_id, occurred_at, user_id=user_id,
                   product_id=product_id, enrolment_id=enrolment_id)


@hookimpl
async def ruta_certificate_issued(runtime: Runtime, event_id: int, occurred_at: datetime,
                                  user_id: int, product_id: int, certificate_id: int,
                                  credential_id: str) -> None:
    await on_event(runtime, "ruta_certificate_issued", event_id, occurred_at, user_id=user_id,
                   product_id=product_id, certificate_id=certificate_id,
                   credential_id=credential_id)


@hookimpl
async def ruta_funding_status_changed(runtime: Runtime, event_id: int, occurred_at: datetime,
                                      request_id: int, user_id: int, status: str) -> None:
    await on_event(runtime, "ruta_funding_status_changed", event_id, occurred_at,
                   request_id=request_id, user_id=user_id, status=status)


@hookimpl
async def ruta_job_application_changed(runtime: Runtime, event_id: int, occurred_at: datetime,
                                       application_id: int, candidate_user_id: int,
                                       status: str, message: str, language: str) -> None:
    await on_event(runtime, "ruta_job_application_changed", event_id, occurred_at,
                   application_id=application_id, candidate_user_id=candidate_user_id,
                   status=status, message=message, language=language)


@hookimpl
async def ruta_announcement_queued(runtime: Runtime, event_id: int, occurred_at: datetime,
                                   announcement_id: int, user_id: int, language: str,
                                   subject: str, body: str, unsubscribe_url: str,
                                   test: bool) -> None:
    await on_event(runtime, "ruta_announcement_queued", event_id, occurred_at,
                   announcement_id=announcement_id, user_id=user_id, language=language,
                   subject=subject, body=body, unsubscribe_url=unsubscribe_url, test=test)
