"""GraphQL: ``programmeAttendanceCertificatesIssue(eventId)`` (the event's partner staff or
operators) issues certificates of attendance to the people checked in."""

from __future__ import annotations

import strawberry

from engine.plugins.api import Info, attempt, decode_id, utcnow
from plugins.programme.access import viewer_of
from plugins.programme.attendance_certificates import issue_for_event
from plugins.programme.errors import ProgrammeError, errors_of


@strawberry.type
class AttendanceCertificatesPayload:
    issued: int = strawberry.field(default=0, description="Certificates issued by this call "
                                                          "(0 when every attendee had one).")
    errors: list[ProgrammeError] = strawberry.field(default_factory=list)


@strawberry.type
class CertificateMutation:
    @strawberry.mutation(description="Issue a certificate of attendance to each person "
                                     "with an account checked in at the event (its "
                                     "partner's staff or operators; once the event has "
                                     "started). Idempotent: nobody gets a second one.")
    async def programme_attendance_certificates_issue(
            self, info: Info, event_id: strawberry.ID) -> AttendanceCertificatesPayload:
        viewer = await viewer_of(info)
        issued, exc = await attempt(lambda: issue_for_event(
            info.context.runtime, viewer,
            decode_id(event_id, "ProgrammeEvent", field="eventId"), utcnow()))
        return AttendanceCertificatesPayload(issued=issued or 0, errors=errors_of(exc))
