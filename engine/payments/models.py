"""Payment records, the Stripe events already applied, the per-vendor-order ledger,
transfers to vendors, refunds and vendors' connected accounts."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from engine.db.base import Base, Timestamped
from engine.db.types import ScaledDecimal, UTCDateTime, utcnow

Cents = ScaledDecimal(2)


class Payment(Timestamped, Base):
    """One gateway payment for an order (a Stripe PaymentIntent)."""

    __tablename__ = "payment"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("order.id", ondelete="CASCADE"), index=True)
    gateway: Mapped[str] = mapped_column(String(32))
    intent_id: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    amount: Mapped[Decimal] = mapped_column(Cents)
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    status: Mapped[str] = mapped_column(String(24), default="PENDING")
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: ``created`` of the newest Stripe event applied: older events never move it back.
    last_event_at: Mapped[int] = mapped_column(Integer, default=0)
    refunded: Mapped[Decimal] = mapped_column(Cents, default=Decimal("0.00"))


class StripeEvent(Base):
    """Each Stripe event id is applied once, in the same transaction as its effects."""

    __tablename__ = "payment_stripe_event"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    type: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class LedgerEntry(Base):
    """Money movements per vendor order: CHARGE, COMMISSION, TRANSFER, REVERSAL, REFUND,
    COMMISSION_REFUND. Amounts are positive; the kind says which way they go."""

    __tablename__ = "payment_ledger"
    __table_args__ = (Index("ix_payment_ledger_vendor", "vendor_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_order_id: Mapped[int] = mapped_column(
        ForeignKey("vendor_order.id", ondelete="CASCADE"), index=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(24))
    amount: Mapped[Decimal] = mapped_column(Cents)
    reference: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Transfer(Timestamped, Base):
    """The vendor's share of one paid vendor order, sent to its connected account once."""

    __tablename__ = "payment_transfer"

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_order_id: Mapped[int] = mapped_column(
        ForeignKey("vendor_order.id", ondelete="CASCADE"), unique=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id", ondelete="CASCADE"),
                                           index=True)
    amount: Mapped[Decimal] = mapped_column(Cents)
    commission: Mapped[Decimal] = mapped_column(Cents)
    #: PENDING (waiting for the vendor's payouts), SENDING, SENT, FAILED
    status: Mapped[str] = mapped_column(String(16), default="PENDING")
    stripe_transfer_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    reversed: Mapped[Decimal] = mapped_column(Cents, default=Decimal("0.00"))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)


class Refund(Timestamped, Base):
    __tablename__ = "payment_refund"

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_order_id: Mapped[int] = mapped_column(
        ForeignKey("vendor_order.id", ondelete="CASCADE"), index=True)
    amount: Mapped[Decimal] = mapped_column(Cents)
    #: PENDING (committed, not yet sent), SUCCEEDED, FAILED (the amount is free again)
    status: Mapped[str] = mapped_column(String(16), default="PENDING")
    stripe_refund_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    requested_by: Mapped[int | None] = mapped_column(
        ForeignKey("account_user.id", ondelete="SET NULL"), nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: The platform-funded part that goes back to the platform with this refund (the sale
    #: is undone, so the platform no longer pays it): not paid to the buyer.
    platform_part: Mapped[Decimal] = mapped_column(Cents, default=Decimal("0.00"))


class RefundLine(Base):
    """An order line a refund gave back whole (``orderRefund(lineIds)``, or every line not yet
    refunded when a refund takes all that is left). The line counts as refunded while its
    refund is not FAILED: it can no longer be refunded again or reviewed."""

    __tablename__ = "payment_refund_line"

    refund_id: Mapped[int] = mapped_column(
        ForeignKey("payment_refund.id", ondelete="CASCADE"), primary_key=True)
    order_line_id: Mapped[int] = mapped_column(
        ForeignKey("order_line.id", ondelete="CASCADE"), primary_key=True, index=True)
    #: The quantity given back: the line's whole quantity (refunds take whole lines).
    quantity: Mapped[int] = mapped_column(Integer)


class VendorAccount(Timestamped, Base):
    """A vendor's Stripe connected account (created once)."""

    __tablename__ = "payment_vendor_account"

    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id", ondelete="CASCADE"),
                                           primary_key=True)
    stripe_account_id: Mapped[str] = mapped_column(String(64), unique=True)
    payouts_enabled: Mapped[bool] = mapped_column(Boolean, default=False)
