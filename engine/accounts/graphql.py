"""GraphQL for accounts: ``me``, ``accountRegister``, ``tokenCreate``, ``tokenRefresh``,
``tokenRevoke``, ``tokenRevokeAll``."""

from __future__ import annotations

from datetime import datetime

import strawberry

from engine.accounts import service
from engine.accounts.models import User
from engine.accounts.throttle import TooManyAttempts
from engine.addresses.graphql import SavedAddressType, user_addresses
from engine.api.context import Info
from engine.api.enums import CountryCode, LanguageCodeEnum
from engine.api.errors import attempt, error_code_enum, payload_errors
from engine.api.ids import encode_id
from engine.errors import ValidationError
from engine.vendors.access import require_user

AccountErrorCode = strawberry.enum(
    error_code_enum("AccountErrorCode", ("PASSWORD_TOO_SHORT", "PASSWORD_TOO_LONG",
                                         "INVALID_CREDENTIALS", "INVALID_TOKEN", "INACTIVE",
                                         "TOO_MANY_ATTEMPTS", "INVALID_TIME_ZONE",
                                         "ALREADY_VERIFIED", "TOTP_ALREADY_ENABLED",
                                         "TOTP_NOT_SET_UP", "INVALID_OTP", "OTP_REQUIRED",
                                         "TOTP_REQUIRED")),
    description="Why an account mutation was refused.",
)


@strawberry.type
class AccountError:
    field: str | None
    code: AccountErrorCode  # type: ignore[valid-type]
    message: str
    retry_at: datetime | None = strawberry.field(
        default=None, description="With TOO_MANY_ATTEMPTS: when to try again.")


@strawberry.type(name="User")
class UserType:
    id: strawberry.ID
    email: str
    is_operator: bool
    language_code: LanguageCodeEnum  # type: ignore[valid-type]
    country: CountryCode | None  # type: ignore[valid-type]
    name: str
    time_zone: str | None
    email_verified: bool
    pk: strawberry.Private[int]

    @strawberry.field(description="Your saved addresses, the default first (empty on anyone "
                                  "else's account).")
    async def addresses(self, info: Info) -> list[SavedAddressType]:
        return await user_addresses(info, self.pk)

    @classmethod
    def of(cls, user: User) -> UserType:
        return cls(id=encode_id("User", user.id), email=user.email, is_operator=user.is_operator,
                   language_code=user.language_code, country=user.country, name=user.name or "",
                   time_zone=user.time_zone, email_verified=user.email_verified_at is not None,
                   pk=user.id)


@strawberry.input
class AccountRegisterInput:
    email: str
    password: str
    language_code: LanguageCodeEnum = strawberry.field(  # type: ignore[valid-type]
        default=LanguageCodeEnum.EN)  # type: ignore[attr-defined]
    country: CountryCode | None = None  # type: ignore[valid-type]


@strawberry.type
class AccountRegisterPayload:
    user: UserType | None = strawberry.field(default=None, description=(
        "Always null: the answer never reveals whether the e-mail already had an account "
        "(its owner is told by e-mail). Sign in with tokenCreate."))
    requires_confirmation: bool = strawberry.field(default=False, description=(
        "True when the request was accepted: confirm the e-mail with the link sent to it."))
    errors: list[AccountError] = strawberry.field(default_factory=list)


@strawberry.type
class TokenPayload:
    token: str | None = None
    refresh_token: str | None = None
    user: UserType | None = None
    errors: list[AccountError] = strawberry.field(default_factory=list)


@strawberry.type
class TokenRevokeAllPayload:
    ok: bool
    errors: list[AccountError] = strawberry.field(default_factory=list)


def account_errors(exc: ValidationError | None) -> list[AccountError]:
    if exc is None:
        return []
    errors = payload_errors(exc, AccountError, AccountErrorCode)
    if isinstance(exc, TooManyAttempts):
        for error in errors:
            error.retry_at = exc.retry_at
    return errors


def pair_payload(pair: service.TokenPair | None, exc: ValidationError | None
                  ) -> TokenPayload:
    if pair is None:
        return TokenPayload(errors=account_errors(exc))
    return TokenPayload(token=pair.access, refresh_token=pair.refresh, user=UserType.of(pair.user))


@strawberry.type
class AccountQuery:
    @strawberry.field(description="The signed-in user, or null for anonymous requests.")
    async def me(self, info: Info) -> UserType | None:
        user = await info.context.user()
        return UserType.of(user) if user else None


@strawberry.type
class AccountMutation:
    @strawberry.mutation(description=(
        "Create a customer account. The answer is the same whether or not the e-mail already "
        "had one (its owner gets an e-mail instead)."))
    async def account_register(self, info: Info, input: AccountRegisterInput
                               ) -> AccountRegisterPayload:
        _, exc = await attempt(lambda: service.register(
            info.context.runtime, email=input.email, password=input.password,
            language_code=input.language_code, country=input.country))
        return AccountRegisterPayload(requires_confirmation=exc is None, errors=account_errors(exc))

    @strawberry.mutation(description=(
        "Sign in: an access token and a single-use refresh token. With two-factor sign-in "
        "on, pass otpCode (a code from the authenticator app, or a recovery code)."))
    async def token_create(self, info: Info, email: str, password: str,
                           otp_code: str | None = None) -> TokenPayload:
        pair, exc = await attempt(lambda: service.sign_in(
            info.context.runtime, email=email, password=password, otp_code=otp_code,
            address=info.context.client_address()))
        return pair_payload(pair, exc)

    @strawberry.mutation(description="Exchange a refresh token (once) for a new token pair.")
    async def token_refresh(self, info: Info, refresh_token: str) -> TokenPayload:
        pair, exc = await attempt(lambda: service.rotate(info.context.runtime, refresh_token))
        return pair_payload(pair, exc)

    @strawberry.mutation(description=(
        "Sign this session out: the refresh token can no longer be exchanged (a later "
        "attempt ends every session of the user). The access token lapses on its own. "
        "Answers ok for any token."))
    async def token_revoke(self, info: Info, refresh_token: str) -> TokenRevokeAllPayload:
        await service.revoke(info.context.runtime, refresh_token)
        return TokenRevokeAllPayload(ok=True)

    @strawberry.mutation(description="Sign out everywhere: every token issued so far stops.")
    async def token_revoke_all(self, info: Info) -> TokenRevokeAllPayload:
        user = require_user(await info.context.user())
        await service.revoke_all(info.context.runtime, user.id)
        return TokenRevokeAllPayload(ok=True)
