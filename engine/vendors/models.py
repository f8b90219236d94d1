"""Vendor, its staff memberships and invitations, and the translations of its public
description."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from engine.db.base import Base, Timestamped
from engine.db.types import ScaledDecimal, UTCDateTime, utcnow

VENDOR_STATUSES = ("PENDING", "APPROVED", "SUSPENDED", "REJECTED")
MEMBER_ROLES = ("OWNER", "STAFF")


class Vendor(Timestamped, Base):
    __tablename__ = "vendor"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="PENDING", index=True)
    country: Mapped[str] = mapped_column(String(2))
    postal_code: Mapped[str] = mapped_column(String(16))
    region: Mapped[str | None] = mapped_column(String(80), nullable=True)
    tax_id: Mapped[str] = mapped_column(String(32))
    prices_include_tax: Mapped[bool] = mapped_column(Boolean, default=True)
    #: Set while the vendor has an active, not yet ended promotion (kept by
    #: ``engine.promotions.service``): carts of other vendors never read promotions.
    has_promotions: Mapped[bool] = mapped_column(Boolean, default=False)
    commission_rate: Mapped[Decimal] = mapped_column(ScaledDecimal(4))
    description: Mapped[str] = mapped_column(Text, default="")
    language_code: Mapped[str] = mapped_column(String(8), default="ES")
    stripe_account_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    #: Why an operator rejected the application (``vendorReject``); shown to its staff.
    rejection_reason: Mapped[str | None] = mapped_column(Text, nullable=True)


class VendorMembership(Base):
    """A user works for at most one vendor, as OWNER or STAFF."""

    __tablename__ = "vendor_membership"

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("account_user.id", ondelete="CASCADE"), unique=True
    )
    role: Mapped[str] = mapped_column(String(8), default="OWNER")


class VendorTranslation(Base):
    __tablename__ = "vendor_translation"
    __table_args__ = (UniqueConstraint("vendor_id", "language_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id", ondelete="CASCADE"))
    language_code: Mapped[str] = mapped_column(String(8))
    description: Mapped[str] = mapped_column(Text)


INVITATION_STATUSES = ("PENDING", "ACCEPTED")


class VendorInvitation(Base):
    """An owner invites an e-mail address to the staff; the account signed in with that
    address accepts it (nobody is attached without consent). One row per vendor and
    address: inviting again renews it."""

    __tablename__ = "vendor_invitation"
    __table_args__ = (UniqueConstraint("vendor_id", "email"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id", ondelete="CASCADE"))
    email: Mapped[str] = mapped_column(String(254), index=True)
    invited_by: Mapped[int | None] = mapped_column(
        ForeignKey("account_user.id", ondelete="SET NULL"), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="PENDING")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
