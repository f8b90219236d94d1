"""Applications: a candidate applies with their profile; the employer moves it through
received -> shortlisted -> interview -> offered -> hired (or declined); the candidate may
withdraw until it is final. Every change is kept with its message and recorded as a
``ruta_job_application_changed`` event for the candidate; a hire also records a ``Hire``
row (the jobs figure) and a ``ruta_job_hired`` event, and fills the offer when every
position is taken. A partner organisation's hire is kept in the history only: the jobs
figure counts jobs created by programme businesses (vendors).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import (
    NotFound,
    PermissionDenied,
    Runtime,
    ValidationError,
    clean_text,
    record_event,
    utcnow,
)
from plugins.jobs import consent, profiles
from plugins.jobs.access import Viewer, require_operator, signed_in
from plugins.jobs.application_models import Application, ApplicationChange, Hire
from plugins.jobs.models import CandidateProfile, JobOffer
from plugins.jobs.texts import LANGUAGES

EMPLOYER_MOVES = {
    "RECEIVED": ("SHORTLISTED", "INTERVIEW", "DECLINED"),
    "SHORTLISTED": ("INTERVIEW", "OFFERED", "DECLINED"),
    "INTERVIEW": ("OFFERED", "DECLINED"),
    "OFFERED": ("HIRED", "DECLINED"),
}
FINAL = ("HIRED", "DECLINED", "WITHDRAWN")


async def _record_change(runtime: Runtime, session: AsyncSession, app: Application,
                         before: str | None, message: str, by: int) -> None:
    session.add(ApplicationChange(application_id=app.id, from_status=before,
                                  to_status=app.status, message=message, by_user_id=by))
    profile = await session.get(CandidateProfile, app.profile_id)
    assert profile is not None
    await record_event(session, runtime.plugins, "ruta_job_application_changed",
                       application_id=app.id, candidate_user_id=profile.user_id,
                       status=app.status, message=message, language=app.language)


async def apply(runtime: Runtime, viewer: Viewer | None, offer_id: int, message: str | None,
                language: str, user_id: int | None = None) -> Application:
    """Apply with ``user_id``'s profile: the viewer's own, or (staff) that of a person who
    consented to the viewer managing their profile."""
    viewer = signed_in(viewer)
    candidate = user_id if user_id is not None else viewer.user_id
    if language not in LANGUAGES:
        raise ValidationError("language", "INVALID",
                              "Use a supported language: ES, PT, EN, FR, AR, RO or UK.")
    text = clean_text(message, field="message", max_length=2000, required=False,
                      multiline=True) or ""
    async with runtime.transaction() as session:
        await consent.require_editor(session, viewer, candidate)
        profile = await profiles.of_user(session, candidate)
        if profile is None:
            raise ValidationError("offerId", "NO_PROFILE", "Create your candidate profile first.")
        offer = await session.get(JobOffer, offer_id)
        if offer is None or offer.status not in ("PUBLISHED", "CLOSED", "FILLED"):
            raise NotFound("offerId", "No such job offer.")
        if offer.status != "PUBLISHED" or offer.closes_on < utcnow().date():
            raise ValidationError("offerId", "CLOSED", "This offer no longer takes applications.")
        taken = await session.scalar(select(Application.id).where(
            Application.offer_id == offer_id, Application.profile_id == profile.id))
        if taken is not None:
            raise ValidationError("offerId", "ALREADY_APPLIED", "You already applied.")
        app = Application(offer_id=offer_id, profile_id=profile.id, vendor_id=offer.vendor_id,
                          partner_id=offer.partner_id,
                          message=text, language=language, status="RECEIVED")
        session.add(app)
        await session.flush()
        await _record_change(runtime, session, app, None, "", viewer.user_id)
        return app


async def visible(session: AsyncSession, viewer: Viewer | None,
                  application_id: int) -> Application:
    """The candidate, the offer's employer and operators see an application; nobody else."""
    viewer = signed_in(viewer)
    app = await session.get(Application, application_id)
    if app is None:
        raise NotFound("applicationId", "No such application.")
    profile = await session.get(CandidateProfile, app.profile_id)
    mine = profile is not None and profile.user_id == viewer.user_id
    if not (mine or viewer.is_operator or viewer.employs(app.vendor_id, app.partner_id)):
        raise NotFound("applicationId", "No such application.")
    return app


async def change(runtime: Runtime, viewer: Viewer | None, application_id: int, status: str,
                 message: str | None) -> Application:
    viewer = signed_in(viewer)
    text = clean_text(message, field="message", max_length=2000, required=False,
                      multiline=True) or ""
    async with runtime.transaction() as session:
        app = await visible(session, viewer, application_id)
        profile = await session.get(CandidateProfile, app.profile_id)
        is_candidate = profile is not None and profile.user_id == viewer.user_id
        if status == "WITHDRAWN":
            if not is_candidate:
                raise PermissionDenied("Only the candidate may withdraw an application.")
            allowed = app.status not in FINAL
        else:
            if not viewer.employs(app.vendor_id, app.partner_id):
                raise PermissionDenied("Only the employer moves an application.")
            allowed = status in EMPLOYER_MOVES.get(app.status, ())
        if not allowed:
            raise ValidationError("status", "INVALID_TRANSITION",
                                  f"A {app.status} application cannot become {status}.")
        before, app.status = app.status, status
        await _record_change(runtime, session, app, before, text, viewer.user_id)
        if status == "HIRED":
            await _hire(runtime, session, app, profile)
        await session.flush()
        return app


async def _hire(runtime: Runtime, session: AsyncSession, app: Application,
                profile: CandidateProfile | None) -> None:
    user_id = profile.user_id if profile else None
    if app.vendor_id is None:  # a partner organisation's hire: not a programme business job
        return
    session.add(Hire(application_id=app.id, offer_id=app.offer_id, vendor_id=app.vendor_id,
                     candidate_user_id=user_id))
    await session.flush()
    await record_event(session, runtime.plugins, "ruta_job_hired",
                       employer_vendor_id=app.vendor_id, candidate_user_id=user_id,
                       application_id=app.id)
    offer = await session.get(JobOffer, app.offer_id)
    hired = await session.scalar(select(func.count()).select_from(Hire)
                                 .where(Hire.offer_id == app.offer_id))
    if offer is not None and offer.status == "PUBLISHED" and (hired or 0) >= offer.positions:
        offer.status = "FILLED"


async def history(session: AsyncSession, application_id: int) -> list[ApplicationChange]:
    rows = await session.scalars(select(ApplicationChange).where(
        ApplicationChange.application_id == application_id).order_by(ApplicationChange.id))
    return list(rows)


Context = tuple[CandidateProfile | None, list[ApplicationChange], JobOffer | None]


async def context_of(session: AsyncSession, apps: list[Application]
                     ) -> Callable[[Application], Context]:
    """The candidates, histories and offers of ``apps``, one statement each."""
    profiles_ = {p.id: p for p in await session.scalars(select(CandidateProfile).where(
        CandidateProfile.id.in_({a.profile_id for a in apps})))}
    offers = {o.id: o for o in await session.scalars(select(JobOffer).where(
        JobOffer.id.in_({a.offer_id for a in apps})))}
    changes: dict[int, list[ApplicationChange]] = {}
    for change in await session.scalars(select(ApplicationChange).where(
            ApplicationChange.application_id.in_([a.id for a in apps]))
            .order_by(ApplicationChange.id)):
        changes.setdefault(change.application_id, []).append(change)

    def of(app: Application) -> Context:
        return profiles_.get(app.profile_id), changes.get(app.id, []), offers.get(app.offer_id)

    return of


async def for_offer(runtime: Runtime, viewer: Viewer | None, offer_id: int) -> list[Application]:
    """An offer's applications, for its employer (or an operator) only."""
    viewer = signed_in(viewer)
    async with runtime.db.read() as session:
        offer = await session.get(JobOffer, offer_id)
        if offer is None or not (viewer.is_operator
                                 or viewer.employs(offer.vendor_id, offer.partner_id)):
            raise NotFound("offerId", "No such job offer.")
        rows = await session.scalars(select(Application).where(
            Application.offer_id == offer_id).order_by(Application.id))
        return list(rows)


async def mine(runtime: Runtime, viewer: Viewer | None) -> list[Application]:
    viewer = signed_in(viewer)
    async with runtime.db.read() as session:
        rows = await session.scalars(
            select(Application).join(CandidateProfile,
                                     CandidateProfile.id == Application.profile_id)
            .where(CandidateProfile.user_id == viewer.user_id).order_by(Application.id))
        return list(rows)


async def hires(runtime: Runtime, viewer: Viewer | None, since: datetime,
                until: datetime) -> list[Hire]:
    """Hires in ``[since, until)`` (operators): the jobs figure."""
    require_operator(viewer)
    async with runtime.db.read() as session:
        rows = await session.scalars(select(Hire).where(
            Hire.hired_at >= since, Hire.hired_at < until).order_by(Hire.id))
        return list(rows)
