"""GraphQL for checkouts: ``checkout(id)`` and the checkout mutations."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import strawberry
from sqlalchemy import inspect

from engine.accounts.models import User
from engine.api.context import Info
from engine.api.enums import CountryCode, LanguageCodeEnum
from engine.api.errors import attempt, error_code_enum, payload_errors
from engine.api.ids import decode_id, decode_token_id
from engine.checkout import service
from engine.checkout.addresses import AddressData
from engine.checkout.models import Checkout
from engine.checkout.state import load_state
from engine.checkout.types import CheckoutType
from engine.errors import ValidationError
from engine.promotions import voucher_actions

CheckoutErrorCode = strawberry.enum(
    error_code_enum("CheckoutErrorCode", (
        "INVALID_QUANTITY", "INSUFFICIENT_STOCK", "PRODUCT_UNAVAILABLE", "EMPTY_CHECKOUT",
        "EMAIL_REQUIRED", "SHIPPING_ADDRESS_REQUIRED", "BILLING_ADDRESS_REQUIRED",
        "SHIPPING_METHOD_REQUIRED", "SHIPPING_NOT_AVAILABLE", "CHECKOUT_COMPLETED",
        "INVALID_GATEWAY", "INVALID_VAT_ID", "VOUCHER_INVALID", "VOUCHER_USED_UP")),
    description="Why a checkout mutation was refused.",
)


@strawberry.type
class CheckoutError:
    field: str | None
    code: CheckoutErrorCode  # type: ignore[valid-type]
    message: str


def checkout_errors(exc: ValidationError | None) -> list[CheckoutError]:
    return payload_errors(exc, CheckoutError, CheckoutErrorCode) if exc else []


@strawberry.input
class AddressInput:
    first_name: str
    last_name: str
    street_address_1: str
    city: str
    postal_code: str
    country: CountryCode  # type: ignore[valid-type]
    company_name: str | None = None
    street_address_2: str | None = None
    country_area: str | None = None
    phone: str | None = None

    def to_data(self) -> AddressData:
        return AddressData(first_name=self.first_name, last_name=self.last_name,
                           company_name=self.company_name,
                           street_address_1=self.street_address_1,
                           street_address_2=self.street_address_2, city=self.city,
                           postal_code=self.postal_code, country=str(self.country),
                           country_area=self.country_area, phone=self.phone)


@strawberry.input
class CheckoutLineInput:
    variant_id: strawberry.ID
    quantity: int


def _lines(lines: list[CheckoutLineInput], prefix: str = "lines") -> list[service.LineInput]:
    return [service.LineInput(decode_id(ln.variant_id, "ProductVariant",
                                        field=f"{prefix}.{i}.variantId"), ln.quantity)
            for i, ln in enumerate(lines)]


@strawberry.input
class CheckoutCreateInput:
    lines: list[CheckoutLineInput]
    email: str | None = None
    shipping_address: AddressInput | None = None
    billing_address: AddressInput | None = None
    vat_id: str | None = None
    language_code: LanguageCodeEnum | None = None  # type: ignore[valid-type]


@strawberry.type
class CheckoutPayload:
    checkout: CheckoutType | None = None
    errors: list[CheckoutError] = strawberry.field(default_factory=list)


async def priced(info: Info, checkout: Checkout) -> CheckoutType:
    """The checkout a mutation just committed, priced. The mutation's own copy is used when
    every column is loaded on it (it holds what was committed); else it is read again."""
    async with info.context.runtime.db.read() as session:
        fresh = checkout if not inspect(checkout).unloaded else \
            await session.get(Checkout, checkout.id)
        assert fresh is not None
        return CheckoutType.of(await load_state(session, info.context.runtime.plugins, fresh))


async def _run(info: Info, operation: Callable[[User | None], Awaitable[Checkout]]
               ) -> CheckoutPayload:
    user = await info.context.user()
    checkout, exc = await attempt(lambda: operation(user))
    if checkout is None:
        return CheckoutPayload(errors=checkout_errors(exc))
    return CheckoutPayload(checkout=await priced(info, checkout))


def _token(value: strawberry.ID) -> str:
    return decode_token_id(value, "Checkout")


@strawberry.type
class CheckoutQuery:
    @strawberry.field(description="A checkout by id (its owner, or anyone holding the id of "
                                  "an anonymous checkout).")
    async def checkout(self, info: Info, id: strawberry.ID) -> CheckoutType | None:
        user = await info.context.user()
        async with info.context.runtime.db.read() as session:
            try:
                checkout = await service.get_checkout(session, user, _token(id))
            except ValidationError as exc:
                if exc.errors[0].code == "NOT_FOUND":
                    return None
                raise
            return CheckoutType.of(await load_state(session, info.context.runtime.plugins,
                                                    checkout))


@strawberry.type
class CheckoutMutation:
    @strawberry.mutation(description="Start a checkout (lines may mix vendors and kinds).")
    async def checkout_create(self, info: Info, input: CheckoutCreateInput) -> CheckoutPayload:
        rt = info.context.runtime
        return await _run(info, lambda user: service.create(rt, user, service.CheckoutData(
            email=input.email, lines=_lines(input.lines),
            shipping_address=input.shipping_address.to_data() if input.shipping_address
            else None,
            billing_address=input.billing_address.to_data() if input.billing_address else None,
            vat_id=input.vat_id, language_code=input.language_code)))

    @strawberry.mutation(description="Add lines (an existing variant's quantity grows).")
    async def checkout_lines_add(self, info: Info, id: strawberry.ID,
                                 lines: list[CheckoutLineInput]) -> CheckoutPayload:
        rt = info.context.runtime
        return await _run(info, lambda user: service.add_lines(rt, user, _token(id),
                                                               _lines(lines)))

    @strawberry.mutation(description="Set line quantities by variant (0 removes the line).")
    async def checkout_lines_update(self, info: Info, id: strawberry.ID,
                                    lines: list[CheckoutLineInput]) -> CheckoutPayload:
        rt = info.context.runtime
        return await _run(info, lambda user: service.update_lines(rt, user, _token(id),
                                                                  _lines(lines)))

    @strawberry.mutation(description="Remove lines by id.")
    async def checkout_lines_delete(self, info: Info, id: strawberry.ID,
                                    line_ids: list[strawberry.ID]) -> CheckoutPayload:
        rt = info.context.runtime
        return await _run(info, lambda user: service.delete_lines(
            rt, user, _token(id), [decode_id(v, "CheckoutLine", field=f"lineIds.{i}")
                                   for i, v in enumerate(line_ids)]))

    @strawberry.mutation(description="Set the shipping and/or billing address.")
    async def checkout_address_update(
            self, info: Info, id: strawberry.ID, shipping_address: AddressInput | None = None,
            billing_address: AddressInput | None = None) -> CheckoutPayload:
        rt = info.context.runtime
        return await _run(info, lambda user: service.update_addresses(
            rt, user, _token(id), shipping_address.to_data() if shipping_address else None,
            billing_address.to_data() if billing_address else None))

    @strawberry.mutation(description="Set the buyer's VAT number (an empty string removes it).")
    async def checkout_vat_id_update(self, info: Info, id: strawberry.ID, vat_id: str
                                     ) -> CheckoutPayload:
        rt = info.context.runtime
        return await _run(info, lambda user: service.update_vat_id(rt, user, _token(id),
                                                                   vat_id))

    @strawberry.mutation(description="Set the e-mail the order confirmation goes to.")
    async def checkout_email_update(self, info: Info, id: strawberry.ID, email: str
                                    ) -> CheckoutPayload:
        rt = info.context.runtime
        return await _run(info, lambda user: service.update_email(rt, user, _token(id), email))

    @strawberry.mutation(description="Choose how one vendor ships its goods to you.")
    async def checkout_shipping_method_update(
            self, info: Info, id: strawberry.ID, vendor_id: strawberry.ID,
            shipping_method_id: strawberry.ID) -> CheckoutPayload:
        rt = info.context.runtime
        return await _run(info, lambda user: service.choose_shipping(
            rt, user, _token(id), decode_id(vendor_id, "Vendor", field="vendorId"),
            decode_id(shipping_method_id, "ShippingMethod", field="shippingMethodId")))

    @strawberry.mutation(description="Apply a voucher code (one per checkout; it replaces "
                                     "any other).")
    async def checkout_voucher_apply(self, info: Info, id: strawberry.ID, code: str
                                     ) -> CheckoutPayload:
        rt = info.context.runtime
        return await _run(info, lambda user: voucher_actions.apply_code(rt, user, _token(id),
                                                                        code))

    @strawberry.mutation(description="Remove the checkout's voucher code.")
    async def checkout_voucher_remove(self, info: Info, id: strawberry.ID) -> CheckoutPayload:
        rt = info.context.runtime
        return await _run(info, lambda user: voucher_actions.remove_code(rt, user, _token(id)))
