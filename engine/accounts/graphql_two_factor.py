"""GraphQL for two-factor sign-in: ``totpSetup``, ``totpConfirm``, ``totpDisable``."""

from __future__ import annotations

import strawberry

from engine.accounts import two_factor
from engine.accounts.graphql import AccountError, account_errors
from engine.accounts.graphql_lifecycle import AccountOkPayload
from engine.api.context import Info
from engine.api.errors import attempt
from engine.db.types import utcnow
from engine.vendors.access import require_user


@strawberry.type
class TotpSetupPayload:
    secret: str | None = strawberry.field(default=None, description="Base32, for manual entry.")
    otpauth_uri: str | None = strawberry.field(default=None, description=(
        "otpauth:// URI for authenticator apps (show it as a QR code)."))
    errors: list[AccountError] = strawberry.field(default_factory=list)


@strawberry.type
class TotpConfirmPayload:
    recovery_codes: list[str] = strawberry.field(default_factory=list, description=(
        "Ten single-use codes for when the authenticator is lost; shown only now."))
    errors: list[AccountError] = strawberry.field(default_factory=list)


@strawberry.type
class TwoFactorMutation:
    @strawberry.mutation(description="Start two-factor sign-in: a new authenticator secret.")
    async def totp_setup(self, info: Info) -> TotpSetupPayload:
        user = require_user(await info.context.user())
        made, exc = await attempt(lambda: two_factor.setup(info.context.runtime, user))
        if made is None:
            return TotpSetupPayload(errors=account_errors(exc))
        return TotpSetupPayload(secret=made[0], otpauth_uri=made[1])

    @strawberry.mutation(description="Switch two-factor sign-in on with a first code.")
    async def totp_confirm(self, info: Info, code: str) -> TotpConfirmPayload:
        user = require_user(await info.context.user())
        codes, exc = await attempt(lambda: two_factor.confirm(
            info.context.runtime, user, code, address=info.context.client_address(),
            now=utcnow()))
        return TotpConfirmPayload(recovery_codes=codes or [], errors=account_errors(exc))

    @strawberry.mutation(description="Switch two-factor sign-in off (password and a code).")
    async def totp_disable(self, info: Info, password: str, code: str) -> AccountOkPayload:
        user = require_user(await info.context.user())
        _, exc = await attempt(lambda: two_factor.disable(
            info.context.runtime, user, password, code, address=info.context.client_address(),
            now=utcnow()))
        return AccountOkPayload(ok=exc is None, errors=account_errors(exc))
