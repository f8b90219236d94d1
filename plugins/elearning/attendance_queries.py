"""The learner's certificates of attendance: ``myAttendanceCertificates``, each with its
verification page and a signed PDF link."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from engine.plugins.api import Info, LanguageCodeEnum, NotAuthenticated, encode_id
from plugins.elearning import attendance, attendance_links, certificate_links
from plugins.elearning.models import AttendanceCertificate


@strawberry.type(name="AttendanceCertificate", description="A certificate of attendance "
                 "(an event, a workshop), issued by the activity's organiser through Ruta.")
class AttendanceCertificateType:
    id: strawberry.ID
    credential_id: str = strawberry.field(description="The code the public verification "
                                                      "page checks (also in the QR code).")
    credential: str = strawberry.field(description="The Open Badges 3.0 credential as a "
                                                   "JWT signed with Ed25519 (EdDSA).")
    title: str = strawberry.field(description="The activity attended.")
    attended_on: date
    organiser: str
    issued_at: datetime

    pk: strawberry.Private[int]

    @classmethod
    def of(cls, row: AttendanceCertificate) -> AttendanceCertificateType:
        return cls(id=encode_id("AttendanceCertificate", row.id),
                   credential_id=row.credential_id, credential=row.token, title=row.title,
                   attended_on=row.attended_on, organiser=row.organiser,
                   issued_at=row.issued_at, pk=row.id)

    @strawberry.field(description="The public page that verifies this certificate (what "
                                  "the QR code on the PDF opens).")
    def verify_url(self, info: Info) -> str:
        return certificate_links.verify_url(info.context.runtime, self.credential_id)

    @strawberry.field(description="A link to the certificate as a PDF in the given language "
                                  "(signed, valid for 15 minutes).")
    def pdf_url(self, info: Info,
                language_code: LanguageCodeEnum | None = None,  # type: ignore[valid-type]
                ) -> str:
        language = language_code.value if language_code is not None else "EN"
        return attendance_links.pdf_url(info.context.runtime, self.pk, language)


@strawberry.type
class AttendanceQuery:
    @strawberry.field(description="The signed-in person's certificates of attendance, "
                                  "oldest attendance first.")
    async def my_attendance_certificates(self, info: Info) -> list[AttendanceCertificateType]:
        user = await info.context.user()
        if user is None:
            raise NotAuthenticated()
        rows = await attendance.of_user(info.context.runtime, user.id)
        return [AttendanceCertificateType.of(row) for row in rows]
