"""The address book in the API: ``me { addresses }`` and ``accountAddressCreate``,
``accountAddressUpdate``, ``accountAddressDelete`` (the signed-in account's own only)."""

from __future__ import annotations

import strawberry

from engine.addresses import service
from engine.addresses.models import AccountAddress
from engine.api.context import Info
from engine.api.errors import attempt, error_code_enum, payload_errors
from engine.api.ids import decode_id, encode_id
from engine.checkout.graphql import AddressInput
from engine.checkout.types import AddressType
from engine.errors import ValidationError

AccountAddressErrorCode = strawberry.enum(
    error_code_enum("AccountAddressErrorCode", ("TOO_MANY",)),
    description="Why an address-book change was refused.")


@strawberry.type(name="SavedAddress", description="An address of your address book.")
class SavedAddressType:
    id: strawberry.ID
    address: AddressType
    is_default: bool = strawberry.field(
        description="The address checkouts start from (one per account).")

    @classmethod
    def of(cls, row: AccountAddress) -> SavedAddressType:
        address = AddressType.of(row.address)
        assert address is not None
        return cls(id=strawberry.ID(encode_id("SavedAddress", row.id)), address=address,
                   is_default=row.is_default)


@strawberry.type
class AccountAddressError:
    field: str | None
    code: AccountAddressErrorCode  # type: ignore[valid-type]
    message: str


@strawberry.type
class AccountAddressPayload:
    address: SavedAddressType | None
    errors: list[AccountAddressError]


@strawberry.input
class AccountAddressCreateInput:
    address: AddressInput
    is_default: bool = False


@strawberry.input
class AccountAddressUpdateInput:
    address: AddressInput | None = None
    is_default: bool | None = strawberry.field(
        default=None, description="True makes it the default (false is ignored: choose "
                                  "another default instead).")


def _payload(row: AccountAddress | None, exc: ValidationError | None) -> AccountAddressPayload:
    return AccountAddressPayload(
        address=SavedAddressType.of(row) if row is not None and exc is None else None,
        errors=payload_errors(exc, AccountAddressError, AccountAddressErrorCode) if exc else [])


async def user_addresses(info: Info, user_id: int) -> list[SavedAddressType]:
    """The addresses of account ``user_id`` for its owner only (empty for anyone else)."""
    viewer = await info.context.user()
    if viewer is None or user_id != viewer.id:
        return []
    return [SavedAddressType.of(row)
            for row in await service.list_addresses(info.context.runtime, viewer.id)]


@strawberry.type
class AddressBookMutation:
    @strawberry.mutation(description="Save an address in your address book (checked like a "
                                     "checkout address); the first one is the default.")
    async def account_address_create(self, info: Info, input: AccountAddressCreateInput
                                     ) -> AccountAddressPayload:
        user = await info.context.user()
        row, exc = await attempt(lambda: service.create_address(
            info.context.runtime, user, service.AddressChange(
                address=input.address.to_data(), is_default=input.is_default)))
        return _payload(row, exc)

    @strawberry.mutation(description="Change one of your addresses; omitted fields stay.")
    async def account_address_update(self, info: Info, id: strawberry.ID,
                                     input: AccountAddressUpdateInput) -> AccountAddressPayload:
        user = await info.context.user()
        row, exc = await attempt(lambda: service.update_address(
            info.context.runtime, user, decode_id(id, "SavedAddress"), service.AddressChange(
                address=input.address.to_data() if input.address else None,
                is_default=input.is_default)))
        return _payload(row, exc)

    @strawberry.mutation(description="Delete one of your addresses (the oldest remaining "
                                     "one becomes the default).")
    async def account_address_delete(self, info: Info, id: strawberry.ID
                                     ) -> AccountAddressPayload:
        user = await info.context.user()
        row, exc = await attempt(lambda: service.delete_address(
            info.context.runtime, user, decode_id(id, "SavedAddress")))
        return _payload(row, exc)
