"""The once-only form table: each submitted form token is recorded here exactly once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from engine.db.base import Base
from engine.db.types import UTCDateTime, utcnow


class WebFormSubmission(Base):
    """A form nonce that has been used; ``location`` is where its first submission led."""

    __tablename__ = "web_form_submission"

    nonce: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    location: Mapped[str | None] = mapped_column(String(2000), default=None)
