"""A saved address of an account (the cleaned address as JSON, like order snapshots)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from engine.db.base import Base, Timestamped


class AccountAddress(Timestamped, Base):
    __tablename__ = "account_address"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("account_user.id", ondelete="CASCADE"), index=True)
    #: ``{firstName, lastName, companyName, streetAddress1, streetAddress2, city, postalCode,
    #: country, countryArea, phone}`` as ``checkout.addresses.clean_address`` returns it.
    address: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: At most one per account (kept by the service): the address checkouts start from.
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
