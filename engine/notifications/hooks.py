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
