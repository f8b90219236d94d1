"""Job offers, the skills taxonomy, candidate profiles and consent grants.

Tables are prefixed ``jobs_``; ``migrations/jobs_0001.py`` creates exactly these (and
those of ``application_models`` and ``announcement_models``). Translated texts are JSON
``{"ES": ..., "PT": ..., "EN": ...}``; ``search_key`` holds every translation folded
(lower case, accents removed) for accent-insensitive search, ``filter_key`` the languages
and skills so that list filters stay SQL (and pages stay keyset-paginated).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from engine.plugins.api import Base, UTCDateTime, utcnow

USER_FK = "account_user.id"


class Skill(Base):
    """One skill of the operator-managed taxonomy (``labels``: language -> text)."""

    __tablename__ = "jobs_skill"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(48), unique=True)
    labels: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)


class JobOffer(Base):
    __tablename__ = "jobs_offer"
    __table_args__ = (
        CheckConstraint("positions > 0", name="positions_positive"),
        CheckConstraint("salary_min_cents IS NULL OR salary_max_cents IS NULL "
                        "OR salary_min_cents <= salary_max_cents", name="salary_ordered"),
        CheckConstraint("(vendor_id IS NULL) <> (partner_id IS NULL)", name="one_employer"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The employer: a vendor, or a programme partner organisation (``partner_id``, an id
    #: answered by ``ruta_staff_organisation``).
    vendor_id: Mapped[int | None] = mapped_column(Integer, index=True, nullable=True)
    partner_id: Mapped[int | None] = mapped_column(Integer, index=True, nullable=True)
    title: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    description: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    search_key: Mapped[str] = mapped_column(Text, default="")
    #: ``"|lang:ES|skill:cooking|"``: the languages and skills, for LIKE filters
    filter_key: Mapped[str] = mapped_column(Text, default="|")
    country: Mapped[str] = mapped_column(String(2))
    postal_code: Mapped[str | None] = mapped_column(String(16), nullable=True)
    remote: Mapped[bool] = mapped_column(Boolean, default=False)
    contract_type: Mapped[str] = mapped_column(String(24), index=True)
    hours_per_week: Mapped[int] = mapped_column(Integer)
    salary_min_cents: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    salary_max_cents: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    starts_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    closes_on: Mapped[date] = mapped_column(Date, index=True)
    positions: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(16), default="DRAFT", index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: When it was last published (schema.org ``datePosted``); ``None`` while a draft.
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class CandidateProfile(Base):
    """A participant's profile; ``languages`` is ``[{"code": "ES", "level": "B2"}]``."""

    __tablename__ = "jobs_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey(USER_FK, ondelete="CASCADE"), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    languages: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    experience: Mapped[str] = mapped_column(Text, default="")
    postal_code: Mapped[str | None] = mapped_column(String(16), nullable=True)
    availability: Mapped[str] = mapped_column(String(16), default="IMMEDIATE")
    work_permit: Mapped[str] = mapped_column(String(16), default="IN_PROGRESS")
    share_credentials: Mapped[bool] = mapped_column(Boolean, default=False)
    cv_key: Mapped[str | None] = mapped_column(String(300), nullable=True)
    cv_filename: Mapped[str | None] = mapped_column(String(120), nullable=True)
    created_by_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ProfileGrant(Base):
    """The person ``user_id``'s consent that staff user ``staff_user_id`` may create and
    edit their profile; ends when ``withdrawn_at`` is set."""

    __tablename__ = "jobs_profile_grant"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey(USER_FK, ondelete="CASCADE"), index=True)
    staff_user_id: Mapped[int] = mapped_column(ForeignKey(USER_FK, ondelete="CASCADE"),
                                               index=True)
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
