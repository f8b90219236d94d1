"""The programme network: partner organisations, their access points, staff and the
participants they assist (with recorded consent)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from engine.plugins.api import Base, UTCDateTime, utcnow

USER_FK = "account_user.id"


class Partner(Base):
    """A partner organisation of the network (council, NGO, association, confederation)."""

    __tablename__ = "programme_partner"
    __table_args__ = (CheckConstraint(
        "kind IN ('COUNCIL', 'NGO', 'ASSOCIATION', 'BUSINESS_CONFEDERATION')", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(160), unique=True)
    kind: Mapped[str] = mapped_column(String(24))
    country: Mapped[str] = mapped_column(String(2))
    region: Mapped[str] = mapped_column(String(80))
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    logo_url: Mapped[str] = mapped_column(String(500), default="")


class AccessPoint(Base):
    """A public Internet access point: where participants are helped in person.

    ``hours`` maps ISO weekday numbers ("1" = Monday) to ``[["09:00", "14:00"], ...]`` in
    the point's own ``time_zone``.
    """

    __tablename__ = "programme_access_point"

    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(
        ForeignKey("programme_partner.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(160))
    address: Mapped[str] = mapped_column(String(300))
    town: Mapped[str] = mapped_column(String(80))
    country: Mapped[str] = mapped_column(String(2))
    postal_code: Mapped[str] = mapped_column(String(16))
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    time_zone: Mapped[str] = mapped_column(String(64))
    hours: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    services: Mapped[list[str]] = mapped_column(JSON, default=list)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)


class PartnerStaff(Base):
    """A user working for one partner: sees only that partner's participants."""

    __tablename__ = "programme_partner_staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(
        ForeignKey("programme_partner.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey(USER_FK, ondelete="CASCADE"), unique=True)


class Participant(Base):
    """A person a partner assists. ``origin_region`` is self-declared, optional, used only
    for aggregated impact statistics, never shown per person, and deleted with the account
    (``accountDelete`` → ``ruta_account_erase`` deletes the row)."""

    __tablename__ = "programme_participant"
    __table_args__ = (UniqueConstraint("partner_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(
        ForeignKey("programme_partner.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey(USER_FK, ondelete="CASCADE"), index=True)
    registered_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    language: Mapped[str] = mapped_column(String(8))
    origin_region: Mapped[str | None] = mapped_column(String(80), nullable=True)
    consent_journey: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_recorded_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class JobsDeclaration(Base):
    """A vendor's declared head count on a date (direct and indirect jobs)."""

    __tablename__ = "programme_jobs_declaration"
    __table_args__ = (UniqueConstraint("vendor_id", "as_of"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id", ondelete="CASCADE"))
    as_of: Mapped[str] = mapped_column(String(10))
    direct: Mapped[int] = mapped_column(Integer)
    indirect: Mapped[int] = mapped_column(Integer)
