"""The plugin's tables: course facts, curriculum, enrolments, progress, certificates and the
drop-out rescue ladder (all prefixed ``elearning_``, declared on the engine's ``Base``)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from engine.plugins.api import Base, Timestamped, UTCDateTime, utcnow


class Course(Timestamped, Base):
    """Course facts of one product of kind COURSE (cohorts are its bookable variants)."""

    __tablename__ = "elearning_course"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(
        ForeignKey("catalog_product.id", ondelete="CASCADE"), unique=True)
    vendor_id: Mapped[int] = mapped_column(Integer, index=True)
    delivery_mode: Mapped[str] = mapped_column(String(24))
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    level: Mapped[str] = mapped_column(String(16))
    duration_minutes: Mapped[int] = mapped_column(Integer, default=0)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: ``ALL_LESSONS`` or ``ALL_LESSONS_AND_QUIZZES`` (every quiz passed)
    completion_rule: Mapped[str] = mapped_column(String(32), default="ALL_LESSONS_AND_QUIZZES")
    prerequisite_product_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    certificate_valid_days: Mapped[int | None] = mapped_column(Integer, nullable=True)


class CourseModule(Base):
    __tablename__ = "elearning_module"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(
        ForeignKey("elearning_course.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))


class Lesson(Base):
    """A lesson: its text body, video, downloadable resource and quiz are content that only
    enrolled learners (and the vendor's staff) may read, unless it is a preview."""

    __tablename__ = "elearning_lesson"

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(
        ForeignKey("elearning_module.id", ondelete="CASCADE"), index=True)
    course_id: Mapped[int] = mapped_column(Integer, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    video_url: Mapped[str | None] = mapped_column(String(500), nullable=True)
    resource_url: Mapped[str | None] = mapped_column(String(500), nullable=True)
    is_preview: Mapped[bool] = mapped_column(Boolean, default=False)
    drip_days: Mapped[int] = mapped_column(Integer, default=0)
    prerequisite_lesson_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: ``{"questions": [{"text", "options": [..], "correct": [index, ..]}]}`` or None
    quiz: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    pass_score: Mapped[int] = mapped_column(Integer, default=70)
    max_attempts: Mapped[int] = mapped_column(Integer, default=3)


class Translation(Base):
    """A module's or lesson's title (and a lesson's body and quiz) in one language."""

    __tablename__ = "elearning_translation"
    __table_args__ = (UniqueConstraint("owner", "owner_id", "language_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(String(8))  # MODULE | LESSON
    owner_id: Mapped[int] = mapped_column(Integer)
    language_code: Mapped[str] = mapped_column(String(8))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    #: ``{"questions": [{"text", "options": [..]}]}``: the lesson quiz's texts in this language,
    #: question for question and option for option (the correct answers are the lesson's)
    quiz: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class Enrolment(Base):
    __tablename__ = "elearning_enrolment"
    __table_args__ = (UniqueConstraint("course_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(
        ForeignKey("elearning_course.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("account_user.id", ondelete="CASCADE"), index=True)
    order_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    variant_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: ACTIVE | COMPLETED | REVOKED
    status: Mapped[str] = mapped_column(String(16), default="ACTIVE")
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_activity_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class LessonCompletion(Base):
    __tablename__ = "elearning_lesson_completion"
    __table_args__ = (UniqueConstraint("enrolment_id", "lesson_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(
        ForeignKey("elearning_enrolment.id", ondelete="CASCADE"), index=True)
    lesson_id: Mapped[int] = mapped_column(Integer)
    completed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class QuizAttempt(Base):
    __tablename__ = "elearning_quiz_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(
        ForeignKey("elearning_enrolment.id", ondelete="CASCADE"), index=True)
    lesson_id: Mapped[int] = mapped_column(Integer)
    score: Mapped[int] = mapped_column(Integer)
    passed: Mapped[bool] = mapped_column(Boolean)
    answers: Mapped[list[list[int]]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Certificate(Base):
    __tablename__ = "elearning_certificate"

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(
        ForeignKey("elearning_enrolment.id", ondelete="CASCADE"), unique=True)
    credential_id: Mapped[str] = mapped_column(String(64), unique=True)
    token: Mapped[str] = mapped_column(Text)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    revoked_reason: Mapped[str | None] = mapped_column(String(200), nullable=True)


class AttendanceCertificate(Base):
    """A certificate of attendance (an event, a workshop) issued through the core hook
    ``ruta_attendance_certificate``: one per user and ``reference`` (the asking plugin's
    key, e.g. ``programme-event:12``), signed like a course certificate."""

    __tablename__ = "elearning_attendance_certificate"
    __table_args__ = (UniqueConstraint("user_id", "reference"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("account_user.id", ondelete="CASCADE"), index=True)
    reference: Mapped[str] = mapped_column(String(120))
    title: Mapped[str] = mapped_column(String(200))
    attended_on: Mapped[date] = mapped_column(Date())
    organiser: Mapped[str] = mapped_column(String(200))
    credential_id: Mapped[str] = mapped_column(String(64), unique=True)
    token: Mapped[str] = mapped_column(Text)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class RescueStep(Base):
    """One rung of the drop-out ladder, fired once per inactivity streak (``anchor`` is the
    last activity, or the enrolment, the streak started from)."""

    __tablename__ = "elearning_rescue_step"
    __table_args__ = (UniqueConstraint("enrolment_id", "step", "anchor"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(
        ForeignKey("elearning_enrolment.id", ondelete="CASCADE"), index=True)
    step: Mapped[str] = mapped_column(String(16))
    anchor: Mapped[datetime] = mapped_column(UTCDateTime())
    signals: Mapped[list[str]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
