"""GraphQL: candidate profiles, consent to staff, the CV (upload, signed link, download)
and the credentials a person chose to show."""

from __future__ import annotations

import base64
from datetime import datetime

import strawberry
from strawberry.file_uploads import Upload

from engine.plugins.api import Info, ValidationError, attempt, decode_id
from plugins.jobs import consent, credentials, cv, profiles
from plugins.jobs.access import Viewer, signed_in
from plugins.jobs.errors import JobsError, errors_of, viewer_of
from plugins.jobs.inputs import CandidateProfileInput
from plugins.jobs.models import CandidateProfile
from plugins.jobs.types import CandidateProfileType, ProfileConsent


@strawberry.type
class CandidateProfilePayload:
    profile: CandidateProfileType | None = None
    errors: list[JobsError] = strawberry.field(default_factory=list)


@strawberry.type
class ProfileConsentPayload:
    consent: ProfileConsent | None = None
    errors: list[JobsError] = strawberry.field(default_factory=list)


@strawberry.type
class CvLinkPayload:
    token: str | None = strawberry.field(default=None, description=(
        "Redeem with jobsCvDownload within 5 minutes; works only for you."))
    errors: list[JobsError] = strawberry.field(default_factory=list)


@strawberry.type
class CvFile:
    filename: str
    content_type: str
    content_base64: str


@strawberry.type(description="A verifiable credential earned on Ruta.")
class Credential:
    kind: str
    title: str
    credential_id: str
    issued_at: datetime | None
    token: str | None = strawberry.field(description="The signed credential (verify it "
                                                     "with certificateVerify).")


def _target(viewer: Viewer | None, user_id: strawberry.ID | None) -> int:
    if user_id:
        return decode_id(user_id, "User", field="userId")
    return signed_in(viewer).user_id


def _payload(profile: CandidateProfile | None, exc: Exception | None
             ) -> CandidateProfilePayload:
    return CandidateProfilePayload(profile=CandidateProfileType.of(profile) if profile else None,
                                   errors=errors_of(exc))  # type: ignore[arg-type]


@strawberry.type
class CandidateQuery:
    @strawberry.field(description="A candidate profile: yours, or ``userId``'s with their "
                                  "consent.")
    async def candidate_profile(self, info: Info, user_id: strawberry.ID | None = None
                                ) -> CandidateProfileType | None:
        viewer = await viewer_of(info)
        target = _target(viewer, user_id)
        async with info.context.runtime.db.read() as session:
            await consent.require_editor(session, viewer, target)
            found = await profiles.of_user(session, target)
        return CandidateProfileType.of(found) if found else None

    @strawberry.field(description="Certificates earned on Ruta, if the person shares them.")
    async def candidate_credentials(self, info: Info, user_id: strawberry.ID | None = None
                                    ) -> list[Credential]:
        viewer = await viewer_of(info)
        target = _target(viewer, user_id)
        async with info.context.runtime.db.read() as session:
            await consent.require_editor(session, viewer, target)
            found = await profiles.of_user(session, target)
        if found is None or not found.share_credentials:
            return []
        items = await credentials.of_user(info.context.runtime, target)
        return [Credential(kind=str(i.get("kind", "")), title=str(i.get("title", "")),
                           credential_id=str(i.get("credential_id", "")),
                           issued_at=datetime.fromisoformat(i["issued_at"])
                           if i.get("issued_at") else None, token=i.get("token"))
                for i in items]

    @strawberry.field(description="Your consents to staff editing your profile.")
    async def my_profile_consents(self, info: Info) -> list[ProfileConsent]:
        viewer = await viewer_of(info)
        return [ProfileConsent.of(g) for g in await consent.grants_of(info.context.runtime,
                                                                       viewer)]

    @strawberry.field(description="The CV behind a link from jobsCvLink (its user only).")
    async def jobs_cv_download(self, info: Info, token: str) -> CvFile:
        viewer = await viewer_of(info)
        name, content = await cv.download(info.context.runtime, viewer, token)
        return CvFile(filename=name, content_type="application/pdf",
                      content_base64=base64.b64encode(content).decode())


@strawberry.type
class CandidateMutation:
    @strawberry.mutation(description="Create or replace a candidate profile: yours, or "
                                     "``userId``'s with their recorded consent.")
    async def candidate_profile_save(self, info: Info, input: CandidateProfileInput,
                                     user_id: strawberry.ID | None = None
                                     ) -> CandidateProfilePayload:
        viewer = await viewer_of(info)
        profile, exc = await attempt(lambda: profiles.save(
            info.context.runtime, viewer, _target(viewer, user_id), input.data()))
        return _payload(profile, exc)

    @strawberry.mutation(description=(
        "Upload the CV: a PDF of at most 512 KiB, as ``file`` (GraphQL multipart request) "
        "or, for small files, as ``contentBase64`` (string inputs are capped at 100,000 "
        "characters, about 73 KiB of PDF). ``filename`` defaults to the file's own name."))
    async def candidate_cv_upload(self, info: Info, content_base64: str | None = None,
                                  filename: str | None = None, file: Upload | None = None,
                                  user_id: strawberry.ID | None = None
                                  ) -> CandidateProfilePayload:
        viewer = await viewer_of(info)

        async def store() -> CandidateProfile:
            if file is not None:
                content: bytes = await file.read(cv.MAX_BYTES + 1)  # type: ignore[attr-defined]
                name = filename or str(getattr(file, "filename", "") or "cv.pdf")
            elif content_base64 is not None:
                content, name = cv.decode(content_base64), filename or "cv.pdf"
            else:
                raise ValidationError("file", "REQUIRED", "Upload the CV as a PDF.")
            return await cv.upload(info.context.runtime, viewer, _target(viewer, user_id),
                                   content, name)

        profile, exc = await attempt(store)
        return _payload(profile, exc)

    @strawberry.mutation(description="A short-lived CV link for the owner or an employer "
                                     "the person applied to.")
    async def jobs_cv_link(self, info: Info, profile_id: strawberry.ID) -> CvLinkPayload:
        viewer = await viewer_of(info)
        token, exc = await attempt(lambda: cv.link(
            info.context.runtime, viewer, decode_id(profile_id, "CandidateProfile",
                                                    field="profileId")))
        return CvLinkPayload(token=token, errors=errors_of(exc))

    @strawberry.mutation(description="Let a named staff user create and edit your profile.")
    async def profile_consent_grant(self, info: Info, staff_user_id: strawberry.ID
                                    ) -> ProfileConsentPayload:
        viewer = await viewer_of(info)
        grant, exc = await attempt(lambda: consent.grant(
            info.context.runtime, viewer, decode_id(staff_user_id, "User",
                                                    field="staffUserId")))
        return ProfileConsentPayload(consent=ProfileConsent.of(grant) if grant else None,
                                     errors=errors_of(exc))

    @strawberry.mutation(description="Withdraw a consent: the staff user's access ends now.")
    async def profile_consent_withdraw(self, info: Info, id: strawberry.ID
                                       ) -> ProfileConsentPayload:
        viewer = await viewer_of(info)
        grant, exc = await attempt(lambda: consent.withdraw(
            info.context.runtime, viewer, decode_id(id, "ProfileConsent")))
        return ProfileConsentPayload(consent=ProfileConsent.of(grant) if grant else None,
                                     errors=errors_of(exc))

