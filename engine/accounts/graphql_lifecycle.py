"""GraphQL for the account lifecycle: e-mail verification, password reset and change,
``accountUpdate``, ``accountDelete`` and ``accountDataExport``."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.scalars import JSON

from engine.accounts import erasure, lifecycle, profile
from engine.accounts.graphql import (
    AccountError,
    TokenPayload,
    UserType,
    account_errors,
    pair_payload,
)
from engine.api.context import Info
from engine.api.enums import CountryCode, LanguageCodeEnum
from engine.api.errors import attempt
from engine.vendors.access import require_user


@strawberry.type
class AccountOkPayload:
    ok: bool = False
    errors: list[AccountError] = strawberry.field(default_factory=list)


@strawberry.type
class AccountUserPayload:
    user: UserType | None = None
    errors: list[AccountError] = strawberry.field(default_factory=list)


@strawberry.type
class AccountDataExportPayload:
    data: JSON | None = strawberry.field(default=None, description=(
        "The user's data as JSON: account, orders, and each plugin's part under its name."))
    errors: list[AccountError] = strawberry.field(default_factory=list)


@strawberry.input
class AccountUpdateInput:
    name: str | None = None
    language_code: LanguageCodeEnum | None = None  # type: ignore[valid-type]
    country: CountryCode | None = None  # type: ignore[valid-type]
    time_zone: str | None = strawberry.field(default=None, description="An IANA time zone.")


def _ok(result: tuple[Any, Any]) -> AccountOkPayload:
    _, exc = result
    return AccountOkPayload(ok=exc is None, errors=account_errors(exc))


@strawberry.type
class AccountLifecycleMutation:
    @strawberry.mutation(description="Send the signed-in user a new e-mail verification link.")
    async def account_request_email_verification(self, info: Info) -> AccountOkPayload:
        user = require_user(await info.context.user())
        return _ok(await attempt(lambda: lifecycle.request_email_verification(
            info.context.runtime, user)))

    @strawberry.mutation(description="Confirm an e-mail address with the token of its link.")
    async def account_confirm_email(self, info: Info, token: str) -> AccountUserPayload:
        user, exc = await attempt(lambda: lifecycle.confirm_email(info.context.runtime, token))
        return AccountUserPayload(user=UserType.of(user) if user else None,
                                  errors=account_errors(exc))

    @strawberry.mutation(description=(
        "E-mail a password-reset link (valid one hour, once). The answer is the same whether "
        "or not the e-mail has an account."))
    async def password_reset_request(self, info: Info, email: str) -> AccountOkPayload:
        return _ok(await attempt(lambda: lifecycle.request_password_reset(
            info.context.runtime, email)))

    @strawberry.mutation(description=(
        "Set a new password with the token of a reset link; every session ends."))
    async def password_reset_confirm(self, info: Info, token: str, new_password: str
                                     ) -> AccountOkPayload:
        return _ok(await attempt(lambda: lifecycle.confirm_password_reset(
            info.context.runtime, token, new_password)))

    @strawberry.mutation(description=(
        "Change the password (the current one is needed); other sessions end and a new "
        "token pair is returned."))
    async def password_change(self, info: Info, old_password: str, new_password: str
                              ) -> TokenPayload:
        user = require_user(await info.context.user())
        pair, exc = await attempt(lambda: lifecycle.change_password(
            info.context.runtime, user, old_password, new_password,
            address=info.context.client_address()))
        return pair_payload(pair, exc)

    @strawberry.mutation(description="Change the signed-in user's name, language, country or "
                                     "time zone (omitted fields stay).")
    async def account_update(self, info: Info, input: AccountUpdateInput) -> AccountUserPayload:
        user = require_user(await info.context.user())
        updated, exc = await attempt(lambda: profile.update_account(
            info.context.runtime, user, name=input.name, language_code=input.language_code,
            country=input.country, time_zone=input.time_zone))
        return AccountUserPayload(user=UserType.of(updated) if updated else None,
                                  errors=account_errors(exc))

    @strawberry.mutation(description=(
        "Erase the signed-in account (GDPR): personal data is anonymised, orders and invoices "
        "are kept as the law requires, every session ends. Needs the password."))
    async def account_delete(self, info: Info, password: str) -> AccountOkPayload:
        user = require_user(await info.context.user())
        return _ok(await attempt(lambda: erasure.delete_account(
            info.context.runtime, user, password, address=info.context.client_address())))

    @strawberry.mutation(description="The signed-in user's data as JSON (GDPR art. 20).")
    async def account_data_export(self, info: Info) -> AccountDataExportPayload:
        user = require_user(await info.context.user())
        data, exc = await attempt(lambda: erasure.export_account(info.context.runtime, user))
        return AccountDataExportPayload(data=data,  # type: ignore[arg-type]
                                        errors=account_errors(exc))
