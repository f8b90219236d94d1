"""Loading what matching ranks: open offers for a profile; an offer's applicants."""

from __future__ import annotations

from sqlalchemy import select

from engine.plugins.api import NotFound, Runtime, ValidationError, utcnow
from plugins.jobs import profiles
from plugins.jobs.access import Viewer, signed_in
from plugins.jobs.application_models import Application
from plugins.jobs.consent import require_editor
from plugins.jobs.matching import Match, explain, rank
from plugins.jobs.models import CandidateProfile, JobOffer
from plugins.jobs.offer_list import open_offers

LIMIT = 50


async def offers_for(runtime: Runtime, viewer: Viewer | None, user_id: int) -> list[Match]:
    today = utcnow().date()
    async with runtime.db.read() as session:
        await require_editor(session, viewer, user_id)
        profile = await profiles.of_user(session, user_id)
        if profile is None:
            raise ValidationError("userId", "NO_PROFILE", "Create the profile first.")
        offers = (await session.scalars(open_offers(today).order_by(JobOffer.id))).all()
    return rank([explain(o, profile, today) for o in offers], by_offer=True)[:LIMIT]


async def candidates_for(runtime: Runtime, viewer: Viewer | None, offer_id: int) -> list[Match]:
    """The offer's applicants ranked (never a profile that did not apply)."""
    viewer = signed_in(viewer)
    today = utcnow().date()
    async with runtime.db.read() as session:
        offer = await session.get(JobOffer, offer_id)
        if offer is None or not (viewer.is_operator
                                 or viewer.employs(offer.vendor_id, offer.partner_id)):
            raise NotFound("offerId", "No such job offer.")
        found = (await session.scalars(
            select(CandidateProfile).join(Application,
                                          Application.profile_id == CandidateProfile.id)
            .where(Application.offer_id == offer_id,
                   Application.status.not_in(("WITHDRAWN", "DECLINED"))))).all()
    return rank([explain(offer, p, today) for p in found], by_offer=False)[:LIMIT]
