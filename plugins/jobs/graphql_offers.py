"""GraphQL: the skills taxonomy, job offers (public list, vendor writes) and matching."""

from __future__ import annotations

import strawberry
from sqlalchemy import select

from engine.plugins.api import (
    Connection,
    Info,
    PageArgs,
    attempt,
    connection,
    count_of,
    decode_id,
    fetch_page,
    utcnow,
)
from plugins.jobs import match_query, offers, skills
from plugins.jobs.errors import JobsError, errors_of, viewer_of
from plugins.jobs.inputs import JobOfferFilter, JobOfferInput, TranslatedTextInput, texts
from plugins.jobs.models import JobOffer, Skill
from plugins.jobs.offer_list import listing
from plugins.jobs.types import JobMatch, JobOfferType, JobSkill


@strawberry.type
class JobOfferPayload:
    offer: JobOfferType | None = None
    errors: list[JobsError] = strawberry.field(default_factory=list)


@strawberry.type
class JobSkillPayload:
    skill: JobSkill | None = None
    errors: list[JobsError] = strawberry.field(default_factory=list)


async def _language(info: Info) -> str | None:
    """The signed-in user's language (texts fall back to English, then any)."""
    user = await info.context.user()
    return user.language_code.upper() if user else None


@strawberry.type
class OfferQuery:
    @strawberry.field(description="The managed skills taxonomy.")
    async def job_skills(self, info: Info) -> list[JobSkill]:
        async with info.context.runtime.db.read() as session:
            rows = await session.scalars(select(Skill).order_by(Skill.code))
            return [JobSkill.of(s) for s in rows]

    @strawberry.field(description="Published job offers not past their closing date; "
                                  "search is accent- and case-insensitive.")
    async def job_offers(self, info: Info, filter: JobOfferFilter | None = None,
                         first: int | None = None, after: str | None = None
                         ) -> Connection[JobOfferType]:
        flt = (filter or JobOfferFilter()).data()
        query = listing(flt, utcnow().date())
        runtime = info.context.runtime
        language = await _language(info)
        async with runtime.db.read() as session:
            page = await fetch_page(session, query, JobOffer.id,
                                    PageArgs(first=first or 20, after=after),
                                    lambda row: row[0].id)

        async def count() -> int:
            async with runtime.db.read() as session:
                return int(await session.scalar(count_of(query)) or 0)

        return connection(page, lambda row: JobOfferType.of(row[0], language),
                          lambda row: row[0].id, count)

    @strawberry.field(description="One job offer: published to anyone, else to its vendor.")
    async def job_offer(self, info: Info, id: strawberry.ID) -> JobOfferType | None:
        viewer = await viewer_of(info)
        async with info.context.runtime.db.read() as session:
            offer = await session.get(JobOffer, decode_id(id, "JobOffer"))
        if offer is None:
            return None
        mine = viewer is not None and (viewer.is_operator
                                       or viewer.employs(offer.vendor_id, offer.partner_id))
        return JobOfferType.of(offer, await _language(info)) \
            if mine or offer.status == "PUBLISHED" else None

    @strawberry.field(description="Your vendor's (or partner organisation's) job offers, "
                                  "every status.")
    async def my_job_offers(self, info: Info) -> list[JobOfferType]:
        viewer = await viewer_of(info)
        if viewer is None or (viewer.vendor_id is None and viewer.partner_id is None):
            return []
        employer = (JobOffer.vendor_id == viewer.vendor_id if viewer.vendor_id
                    else JobOffer.partner_id == viewer.partner_id)
        async with info.context.runtime.db.read() as session:
            rows = await session.scalars(select(JobOffer).where(employer)
                                         .order_by(JobOffer.id))
            return [JobOfferType.of(o, await _language(info)) for o in rows]

    @strawberry.field(description="Open offers ranked for a candidate profile (yours, or "
                                  "``userId``'s with their consent), each score explained.")
    async def job_matches(self, info: Info, user_id: strawberry.ID | None = None
                          ) -> list[JobMatch]:
        viewer = await viewer_of(info)
        target = decode_id(user_id, "User", field="userId") if user_id else \
            (viewer.user_id if viewer else 0)
        found = await match_query.offers_for(info.context.runtime, viewer, target)
        return [JobMatch.of(m, await _language(info)) for m in found]

    @strawberry.field(description="An offer's applicants ranked (its employer only).")
    async def job_offer_candidates(self, info: Info, offer_id: strawberry.ID
                                   ) -> list[JobMatch]:
        viewer = await viewer_of(info)
        found = await match_query.candidates_for(info.context.runtime, viewer,
                                                 decode_id(offer_id, "JobOffer",
                                                           field="offerId"))
        return [JobMatch.of(m, await _language(info)) for m in found]


def _payload(offer: JobOffer | None, exc: Exception | None) -> JobOfferPayload:
    return JobOfferPayload(offer=JobOfferType.of(offer) if offer else None,
                           errors=errors_of(exc))  # type: ignore[arg-type]


@strawberry.type
class OfferMutation:
    @strawberry.mutation(description="Add or relabel a skill of the taxonomy (operators).")
    async def job_skill_create(self, info: Info, code: str,
                               labels: TranslatedTextInput) -> JobSkillPayload:
        viewer = await viewer_of(info)
        skill, exc = await attempt(lambda: skills.create(info.context.runtime, viewer, code,
                                                         texts(labels)))
        return JobSkillPayload(skill=JobSkill.of(skill) if skill else None,
                               errors=errors_of(exc))

    @strawberry.mutation(description="Draft a job offer for your vendor.")
    async def job_offer_create(self, info: Info, input: JobOfferInput) -> JobOfferPayload:
        viewer = await viewer_of(info)
        offer, exc = await attempt(lambda: offers.create(info.context.runtime, viewer,
                                                         input.data()))
        return _payload(offer, exc)

    @strawberry.mutation(description="Replace a job offer's details.")
    async def job_offer_update(self, info: Info, id: strawberry.ID,
                               input: JobOfferInput) -> JobOfferPayload:
        viewer = await viewer_of(info)
        offer, exc = await attempt(lambda: offers.update(
            info.context.runtime, viewer, decode_id(id, "JobOffer"), input.data()))
        return _payload(offer, exc)

    @strawberry.mutation(description="Publish (approved vendors only), close, reopen or mark "
                                     "filled: PUBLISHED, CLOSED, FILLED.")
    async def job_offer_set_status(self, info: Info, id: strawberry.ID,
                                   status: str) -> JobOfferPayload:
        viewer = await viewer_of(info)
        offer, exc = await attempt(lambda: offers.transition(
            info.context.runtime, viewer, decode_id(id, "JobOffer"), status))
        return _payload(offer, exc)
