"""GraphQL: applying, the employer's and the candidate's views, status changes and the
operators' jobs figure."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from engine.plugins.api import Info, Runtime, attempt, decode_id
from plugins.jobs import applications
from plugins.jobs.application_models import Application
from plugins.jobs.errors import JobsError, errors_of, viewer_of
from plugins.jobs.types import JobApplicationType, JobHire, JobsHired


@strawberry.type
class JobApplicationPayload:
    application: JobApplicationType | None = None
    errors: list[JobsError] = strawberry.field(default_factory=list)


async def _views(runtime: Runtime, apps: list[Application]) -> list[JobApplicationType]:
    """Applications with their candidate and history (the caller checked visibility): three
    statements whatever the number of applications."""
    if not apps:
        return []
    async with runtime.db.read() as session:
        found = await applications.context_of(session, apps)
    return [JobApplicationType.of(app, *found(app)) for app in apps]


async def _payload(runtime: Runtime, app: Application | None, exc: Exception | None
                   ) -> JobApplicationPayload:
    views = await _views(runtime, [app]) if app else []
    return JobApplicationPayload(application=views[0] if views else None,
                                 errors=errors_of(exc))  # type: ignore[arg-type]


@strawberry.type
class ApplicationQuery:
    @strawberry.field(description="One application (its candidate, employer or operators).")
    async def job_application(self, info: Info, id: strawberry.ID) -> JobApplicationType:
        viewer = await viewer_of(info)
        async with info.context.runtime.db.read() as session:
            app = await applications.visible(session, viewer, decode_id(id, "JobApplication"))
        return (await _views(info.context.runtime, [app]))[0]

    @strawberry.field(description="Applications to one of your vendor's offers.")
    async def job_offer_applications(self, info: Info, offer_id: strawberry.ID
                                     ) -> list[JobApplicationType]:
        viewer = await viewer_of(info)
        apps = await applications.for_offer(info.context.runtime, viewer,
                                            decode_id(offer_id, "JobOffer", field="offerId"))
        return await _views(info.context.runtime, apps)

    @strawberry.field(description="Your own applications.")
    async def my_job_applications(self, info: Info) -> list[JobApplicationType]:
        viewer = await viewer_of(info)
        return await _views(info.context.runtime,
                            await applications.mine(info.context.runtime, viewer))

    @strawberry.field(name="jobsHired", description="Hires in [from, to): jobs created by "
                                                    "programme businesses (operators).")
    async def jobs_hired(self, info: Info,
                         from_: Annotated[datetime, strawberry.argument(name="from")],
                         to: datetime) -> JobsHired:
        viewer = await viewer_of(info)
        found = await applications.hires(info.context.runtime, viewer, from_, to)
        return JobsHired(count=len(found), hires=[JobHire.of(h) for h in found])


@strawberry.type
class ApplicationMutation:
    @strawberry.mutation(description="Apply to an offer with your profile (or, as staff "
                                     "with consent, a person's) and a message in "
                                     "``language`` (ES, PT, EN, FR, AR, RO or UK).")
    async def job_apply(self, info: Info, offer_id: strawberry.ID, language: str,
                        message: str | None = None,
                        user_id: Annotated[strawberry.ID | None, strawberry.argument(
                            description="Apply for this person (staff holding their "
                            "consent to manage their profile).")] = None,
                        ) -> JobApplicationPayload:
        viewer = await viewer_of(info)
        candidate = decode_id(user_id, "User", field="userId") if user_id else None
        app, exc = await attempt(lambda: applications.apply(
            info.context.runtime, viewer, decode_id(offer_id, "JobOffer", field="offerId"),
            message, language.upper(), candidate))
        return await _payload(info.context.runtime, app, exc)

    @strawberry.mutation(description="Move an application (employer: SHORTLISTED, INTERVIEW, "
                                     "OFFERED, HIRED, DECLINED; candidate: WITHDRAWN), with a "
                                     "message to the candidate.")
    async def job_application_set_status(self, info: Info, id: strawberry.ID, status: str,
                                         message: str | None = None) -> JobApplicationPayload:
        viewer = await viewer_of(info)
        app, exc = await attempt(lambda: applications.change(
            info.context.runtime, viewer, decode_id(id, "JobApplication"), status, message))
        return await _payload(info.context.runtime, app, exc)
