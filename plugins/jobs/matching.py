"""Ranking offers for a profile, and an offer's applicants, with the score explained.

Criteria and their maximum points: skills overlap 40, languages 25 (each language the
offer needs that the candidate speaks at B1 or better), place 15 (remote, or the same
first two postal-code characters), availability 10 (before the offer starts), work permit
10 (YES 10, IN_PROGRESS 5, NO 0). Equal scores are ordered by id, so the same inputs always
give the same order. Only open offers (published, closing date not past) are ranked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from plugins.jobs.models import CandidateProfile, JobOffer

WEIGHTS = {"SKILLS": 40, "LANGUAGES": 25, "PLACE": 15, "AVAILABILITY": 10, "WORK_PERMIT": 10}
WORKING_LEVELS = ("B1", "B2", "C1", "C2", "NATIVE")
READY_IN = {"IMMEDIATE": 0, "WITHIN_MONTH": 31, "LATER": 90}
PERMIT = {"YES": 1.0, "IN_PROGRESS": 0.5, "NO": 0.0}


@dataclass(frozen=True)
class Part:
    criterion: str
    points: float
    max_points: int
    detail: str


@dataclass(frozen=True)
class Match:
    offer: JobOffer
    profile: CandidateProfile
    score: float
    parts: list[Part]


def _part(criterion: str, share: float, detail: str) -> Part:
    weight = WEIGHTS[criterion]
    return Part(criterion, round(weight * share, 2), weight, detail)


def explain(offer: JobOffer, profile: CandidateProfile, today: date) -> Match:
    needed = set(offer.skills)
    shared = sorted(needed & set(profile.skills))
    parts = [_part("SKILLS", len(shared) / len(needed) if needed else 1.0,
                   f"{len(shared)} of {len(needed)} skills: {', '.join(shared) or '-'}")]
    spoken = {item["code"] for item in profile.languages if item["level"] in WORKING_LEVELS}
    languages = sorted(set(offer.languages) & spoken)
    wanted = len(offer.languages)
    parts.append(_part("LANGUAGES", len(languages) / wanted if wanted else 1.0,
                       f"speaks {', '.join(languages) or 'none'} of "
                       f"{', '.join(offer.languages) or 'no required language'}"))
    near = (offer.remote or (offer.postal_code or "")[:2] == (profile.postal_code or "-")[:2])
    parts.append(_part("PLACE", 1.0 if near else 0.0,
                       "remote" if offer.remote else f"works in {offer.postal_code}"))
    ready = today + timedelta(days=READY_IN.get(profile.availability, 90))
    starts = offer.starts_on or offer.closes_on
    parts.append(_part("AVAILABILITY", 1.0 if ready <= starts else 0.0,
                       f"available {profile.availability.lower()}, starts {starts}"))
    parts.append(_part("WORK_PERMIT", PERMIT.get(profile.work_permit, 0.0),
                       f"work permit: {profile.work_permit.lower()}"))
    return Match(offer, profile, round(sum(p.points for p in parts), 2), parts)


def rank(matches: list[Match], by_offer: bool) -> list[Match]:
    """Highest score first; ties by offer id (offers for a profile) or profile id."""
    return sorted(matches, key=lambda m: (-m.score, m.offer.id if by_offer else m.profile.id))
