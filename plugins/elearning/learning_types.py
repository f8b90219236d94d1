"""GraphQL types of a learner's side: enrolments with progress, certificates, verification."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

import strawberry
from strawberry.scalars import JSON

from engine.plugins.api import Info, LanguageCodeEnum, ProductType, encode_id
from plugins.elearning import certificate_links
from plugins.elearning.attendance import ACHIEVEMENT_TYPE
from plugins.elearning.certificates import Verification, holder_erased, recipient_name
from plugins.elearning.core_reads import course_product_select, product_id_column
from plugins.elearning.loaders import CERTIFICATES, certificate_by_enrolment
from plugins.elearning.models import Certificate, Course, Enrolment
from plugins.elearning.progress import Progress
from plugins.elearning.types import CourseType


@strawberry.type(name="CourseProgress")
class ProgressType:
    total_lessons: int
    completed_lessons: int
    percentage: int = strawberry.field(description="Completed lessons, 0 to 100.")
    resume_lesson_id: strawberry.ID | None = strawberry.field(
        description="The first lesson not completed yet (where to resume).")

    @classmethod
    def of(cls, progress: Progress) -> ProgressType:
        return cls(total_lessons=progress.total_lessons,
                   completed_lessons=progress.completed_lessons,
                   percentage=progress.percentage,
                   resume_lesson_id=encode_id("Lesson", progress.resume_lesson_id)
                   if progress.resume_lesson_id else None)


@strawberry.type(name="Certificate")
class CertificateType:
    credential_id: str
    credential: str = strawberry.field(description="The Open Badges 3.0 credential as a "
                                                   "JWT signed with Ed25519 (EdDSA).")
    issued_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    revoked_reason: str | None
    id: strawberry.ID

    pk: strawberry.Private[int]

    @classmethod
    def of(cls, c: Certificate) -> CertificateType:
        return cls(id=encode_id("Certificate", c.id), credential_id=c.credential_id,
                   credential=c.token, issued_at=c.issued_at, expires_at=c.expires_at,
                   revoked_at=c.revoked_at, revoked_reason=c.revoked_reason, pk=c.id)

    @strawberry.field(description="The public page that verifies this certificate (what "
                                  "the QR code on the PDF opens).")
    def verify_url(self, info: Info) -> str:
        return certificate_links.verify_url(info.context.runtime, self.credential_id)

    @strawberry.field(description="A link to the certificate as a PDF in the given language "
                                  "(signed, valid for 15 minutes; null once revoked).")
    def pdf_url(self, info: Info,
                language_code: LanguageCodeEnum | None = None,  # type: ignore[valid-type]
                ) -> str | None:
        if self.revoked_at is not None:
            return None
        language = language_code.value if language_code is not None else "EN"
        return certificate_links.pdf_url(info.context.runtime, self.pk, language)


@strawberry.type(name="EnrolledProduct", description="The product a learner is enrolled "
                                                      "in (read it with `product(slug:)`).")
class EnrolledProductType:
    id: strawberry.ID
    name: str
    slug: str


@strawberry.type(name="Enrolment")
class EnrolmentType:
    id: strawberry.ID
    status: str = strawberry.field(description="ACTIVE, COMPLETED or REVOKED.")
    enrolled_at: datetime
    last_activity_at: datetime | None
    completed_at: datetime | None
    progress: ProgressType
    course: CourseType
    model: strawberry.Private[Enrolment]
    language: strawberry.Private[str | None]

    @classmethod
    def of(cls, enrolment: Enrolment, course: Course, progress: Progress,
           language: str | None) -> EnrolmentType:
        return cls(id=encode_id("Enrolment", enrolment.id), status=enrolment.status,
                   enrolled_at=enrolment.enrolled_at,
                   last_activity_at=enrolment.last_activity_at,
                   completed_at=enrolment.completed_at, progress=ProgressType.of(progress),
                   course=CourseType.of(course, language), model=enrolment, language=language)

    @strawberry.field(description="The course's product (id, name in the asked language, "
                                  "slug); null once it is no longer in the catalog.")
    async def product(self, info: Info) -> EnrolledProductType | None:
        async with info.context.runtime.db.read() as session:
            row = (await session.execute(course_product_select(self.language).where(
                product_id_column() == self.model.product_id).limit(1))).first()
        if row is None:
            return None
        product = ProductType.of_row(row, self.language)
        return EnrolledProductType(id=product.id, name=product.name, slug=product.slug)

    @strawberry.field(description="The certificate, once the course is completed.")
    async def certificate(self, info: Info) -> CertificateType | None:
        found = await info.context.loader(CERTIFICATES, certificate_by_enrolment).load(
            self.model.id)
        return CertificateType.of(found) if found else None


@strawberry.type(name="CertificateVerification")
class VerificationType:
    valid: bool
    reason: str = strawberry.field(description="VALID, MALFORMED, TAMPERED (signed here, then "
                                               "changed), SIGNATURE_INVALID (signed by someone "
                                               "else), UNKNOWN, REVOKED or EXPIRED.")
    message: str
    claims: JSON | None = strawberry.field(
        description="Every claim of the credential (null when the signature is not ours).")
    unverified_claims: JSON | None = strawberry.field(
        description="What a TAMPERED credential claims: untrusted, shown to point at the "
                    "change (null otherwise).")
    credential_id: str | None
    kind: str | None = strawberry.field(
        description="COURSE_CERTIFICATE or ATTENDANCE_CERTIFICATE (null when the issuer has "
                    "no record of it).")
    course_name: str | None = strawberry.field(
        description="The course completed (course certificates).")
    event_name: str | None = strawberry.field(
        description="The activity attended (certificates of attendance).")
    attended_on: date | None = strawberry.field(
        description="The day attended (certificates of attendance).")
    organiser: str | None = strawberry.field(
        description="Who organised the activity (certificates of attendance).")
    recipient_name: str | None = strawberry.field(
        description="The learner's name written in the credential (null when none).")
    holder_erased: bool = strawberry.field(
        description="True when the credential is the issuer's copy of a certificate whose "
                    "holder erased their personal data: it still verifies (course, dates, "
                    "issuer) but names no one.")
    issuer: str | None
    issued_at: datetime | None
    expires_at: datetime | None
    revoked_at: datetime | None
    revoked_reason: str | None

    @classmethod
    def of(cls, v: Verification) -> VerificationType:
        claims: dict[str, Any] = v.claims or {}
        achievement = claims.get("vc", {}).get("credentialSubject", {}).get("achievement", {})
        certificate, attended = v.certificate, v.attendance
        kind = "COURSE_CERTIFICATE" if certificate else \
            "ATTENDANCE_CERTIFICATE" if attended else None
        attendance = achievement.get("achievementType") == ACHIEVEMENT_TYPE
        return cls(valid=v.valid, reason=v.reason, message=v.message, claims=cast(JSON, v.claims),
                   unverified_claims=cast(JSON, v.unverified),
                   credential_id=claims.get("jti"), kind=kind,
                   course_name=None if attendance else achievement.get("name"),
                   event_name=achievement.get("name") if attendance else None,
                   attended_on=attended.attended_on if attended else None,
                   organiser=attended.organiser if attended else None,
                   recipient_name=recipient_name(v.claims),
                   holder_erased=v.claims is not None and holder_erased(v.claims),
                   issuer=claims.get("iss"),
                   issued_at=certificate.issued_at if certificate
                   else attended.issued_at if attended else None,
                   expires_at=certificate.expires_at if certificate else None,
                   revoked_at=certificate.revoked_at if certificate else None,
                   revoked_reason=certificate.revoked_reason if certificate else None)
