"""The address book: a signed-in account saves, changes and deletes its addresses (checked
like checkout addresses: required fields, the postal code for the country, a country we
deliver to). One address is the default: the first saved, or the one chosen; deleting it
makes the oldest remaining one the default."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from engine.accounts.models import User
from engine.addresses.models import AccountAddress
from engine.checkout.addresses import AddressData, clean_address
from engine.errors import Collector, NotFound, ValidationError
from engine.runtime import Runtime
from engine.vendors.access import require_user

#: Saved addresses per account at most.
MAX_ADDRESSES = 20


@dataclass
class AddressChange:
    address: AddressData | None = None
    is_default: bool | None = None


def _clean(runtime: Runtime, data: AddressData) -> dict[str, object]:
    errors = Collector()
    cleaned = clean_address(errors, "address", data, runtime.settings.supported_countries)
    errors.raise_if_any()
    return cleaned


async def list_addresses(runtime: Runtime, user_id: int) -> list[AccountAddress]:
    """The account's addresses, the default first, then oldest first."""
    async with runtime.db.read() as session:
        return list(await session.scalars(
            select(AccountAddress).where(AccountAddress.user_id == user_id)
            .order_by(AccountAddress.is_default.desc(), AccountAddress.id)))


async def _make_default(session: AsyncSession, row: AccountAddress) -> None:
    await session.execute(update(AccountAddress).where(
        AccountAddress.user_id == row.user_id, AccountAddress.id != row.id)
        .values(is_default=False))
    row.is_default = True


async def _owned(session: AsyncSession, user: User, address_id: int) -> AccountAddress:
    row = await session.get(AccountAddress, address_id, with_for_update=True)
    if row is None or row.user_id != user.id:
        raise NotFound("id", "Address not found in your address book.")
    return row


async def create_address(runtime: Runtime, user: User | None,
                         change: AddressChange) -> AccountAddress:
    owner = require_user(user)
    if change.address is None:
        raise ValidationError("address", "REQUIRED", "Write the address.")
    cleaned = _clean(runtime, change.address)
    async with runtime.transaction() as session:
        await session.execute(select(User.id).where(User.id == owner.id).with_for_update())
        count = len(list(await session.scalars(
            select(AccountAddress.id).where(AccountAddress.user_id == owner.id))))
        if count >= MAX_ADDRESSES:
            raise ValidationError("address", "TOO_MANY",
                                  f"An address book keeps {MAX_ADDRESSES} addresses at most.")
        row = AccountAddress(user_id=owner.id, address=cleaned, is_default=False)
        session.add(row)
        await session.flush()
        if change.is_default or count == 0:
            await _make_default(session, row)
    return row


async def update_address(runtime: Runtime, user: User | None, address_id: int,
                         change: AddressChange) -> AccountAddress:
    owner = require_user(user)
    cleaned = _clean(runtime, change.address) if change.address is not None else None
    async with runtime.transaction() as session:
        row = await _owned(session, owner, address_id)
        if cleaned is not None:
            row.address = cleaned
        if change.is_default:
            await _make_default(session, row)
    return row


async def delete_address(runtime: Runtime, user: User | None,
                         address_id: int) -> AccountAddress:
    owner = require_user(user)
    async with runtime.transaction() as session:
        row = await _owned(session, owner, address_id)
        await session.delete(row)
        await session.flush()
        if row.is_default:
            oldest = await session.scalar(select(AccountAddress).where(
                AccountAddress.user_id == owner.id).order_by(AccountAddress.id).limit(1))
            if oldest is not None:
                oldest.is_default = True
    return row
