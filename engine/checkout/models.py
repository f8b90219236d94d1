"""Checkouts and their lines. A checkout is addressed by an unguessable token."""

from __future__ import annotations

import secrets
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from engine.db.base import Base, Timestamped


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Checkout(Timestamped, Base):
    __tablename__ = "checkout"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True, default=new_token)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("account_user.id", ondelete="CASCADE"), nullable=True, index=True)
    email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    shipping_address: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    billing_address: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    vat_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    language_code: Mapped[str] = mapped_column(String(8), default="EN")
    #: The voucher code the buyer applied (``checkoutVoucherApply``), re-checked at pricing.
    voucher_code: Mapped[str | None] = mapped_column(String(32), nullable=True)
    #: vendor id (as a string, JSON keys are strings) -> chosen shipping method id
    shipping_methods: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: Plugins' own data about this checkout (a voucher code, tax evidence...), by plugin key.
    plugin_data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class CheckoutLine(Base):
    __tablename__ = "checkout_line"
    __table_args__ = (
        UniqueConstraint("checkout_id", "variant_id"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    checkout_id: Mapped[int] = mapped_column(
        ForeignKey("checkout.id", ondelete="CASCADE"), index=True)
    variant_id: Mapped[int] = mapped_column(ForeignKey("catalog_variant.id", ondelete="CASCADE"))
    quantity: Mapped[int] = mapped_column(Integer)
