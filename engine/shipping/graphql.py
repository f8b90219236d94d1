"""GraphQL for shipping methods: the type, ``Vendor.shippingMethods`` and staff mutations."""

from __future__ import annotations

from decimal import Decimal

import strawberry
from sqlalchemy import select

from engine.api.context import Info
from engine.api.enums import CountryCode
from engine.api.errors import attempt, error_code_enum, payload_errors
from engine.api.ids import decode_id, encode_id
from engine.api.money_types import MoneyType, money
from engine.errors import ValidationError
from engine.runtime import Runtime
from engine.shipping import service
from engine.shipping.models import ShippingMethod
from engine.vendors.types import VendorType

ShippingErrorCode = strawberry.enum(error_code_enum("ShippingErrorCode"),
                                    description="Why a shipping mutation was refused.")


@strawberry.type
class ShippingError:
    field: str | None
    code: ShippingErrorCode  # type: ignore[valid-type]
    message: str


@strawberry.type(name="ShippingMethod")
class ShippingMethodType:
    id: strawberry.ID
    name: str
    countries: list[str]
    price: MoneyType
    free_over: MoneyType | None
    is_active: bool

    @classmethod
    def of(cls, method: ShippingMethod) -> ShippingMethodType:
        return cls(id=encode_id("ShippingMethod", method.id), name=method.name,
                   countries=list(method.countries), price=money(method.price),
                   free_over=money(method.free_over) if method.free_over is not None else None,
                   is_active=method.is_active)


async def shipping_methods(root: VendorType, info: Info) -> list[ShippingMethodType]:
    """The vendor's active shipping methods."""
    runtime: Runtime = info.context.runtime
    async with runtime.db.read() as session:
        rows = await session.scalars(select(ShippingMethod).where(
            ShippingMethod.vendor_id == root.model.id, ShippingMethod.is_active)
            .order_by(ShippingMethod.id))
        return [ShippingMethodType.of(row) for row in rows]


@strawberry.input
class ShippingMethodInput:
    name: str | None = None
    countries: list[CountryCode] | None = None  # type: ignore[valid-type]
    price: Decimal | None = None
    free_over: Decimal | None = None
    is_active: bool | None = None

    def to_data(self) -> service.ShippingData:
        return service.ShippingData(
            name=self.name, countries=[str(c) for c in self.countries] if self.countries
            is not None else None, price=self.price, free_over=self.free_over,
            is_active=self.is_active)


@strawberry.type
class ShippingMethodPayload:
    shipping_method: ShippingMethodType | None = None
    errors: list[ShippingError] = strawberry.field(default_factory=list)


def _payload(method: ShippingMethod | None, exc: ValidationError | None) -> ShippingMethodPayload:
    if method is None:
        errors = payload_errors(exc, ShippingError, ShippingErrorCode) if exc else []
        return ShippingMethodPayload(errors=errors)
    return ShippingMethodPayload(shipping_method=ShippingMethodType.of(method))


@strawberry.type
class ShippingMutation:
    @strawberry.mutation(description="Add a shipping method to your vendor (vendor staff).")
    async def shipping_method_create(self, info: Info, input: ShippingMethodInput
                                     ) -> ShippingMethodPayload:
        user = await info.context.user()
        method, exc = await attempt(lambda: service.create(info.context.runtime, user,
                                                           input.to_data()))
        return _payload(method, exc)

    @strawberry.mutation(description="Edit one of your shipping methods; omitted fields stay.")
    async def shipping_method_update(self, info: Info, id: strawberry.ID,
                                     input: ShippingMethodInput) -> ShippingMethodPayload:
        user = await info.context.user()
        method, exc = await attempt(lambda: service.update(
            info.context.runtime, user, decode_id(id, "ShippingMethod"), input.to_data()))
        return _payload(method, exc)
