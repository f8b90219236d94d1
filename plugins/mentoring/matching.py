"""Ranking experts for a mentee's needs, with a score breakdown that explains it.

Criteria and their maximum points: expertise overlap 40, shared language 15, legal system
15, availability 10, capacity left 10, rating 10 (no ratings yet: half). Experts without
capacity always come after those with capacity. Among equal scores the less loaded expert
(active mentees plus upcoming confirmed bookings) comes first, and remaining ties rotate by
the number of mentorship requests made so far, so equal experts take turns at the top.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from plugins.mentoring.availability import plan_of
from plugins.mentoring.models import Expert
from plugins.mentoring.slots import Interval, free_slots

WEIGHTS = {"EXPERTISE": 40, "LANGUAGE": 15, "LEGAL_SYSTEM": 15, "AVAILABILITY": 10,
           "CAPACITY": 10, "RATING": 10}


@dataclass(frozen=True)
class Needs:
    expertise: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    country: str | None = None
    kind: str | None = None
    available_within_days: int = 14


@dataclass(frozen=True)
class Part:
    criterion: str
    points: float
    max_points: int
    #: The reason in English (the API's ``detail``).
    detail: str
    #: The same reason for a page to word in its own language: a code and its values.
    reason: str = ""
    values: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Match:
    expert: Expert
    score: float
    parts: list[Part]
    has_capacity: bool
    load: int


def _part(criterion: str, share: float, detail: str, reason: str,
          **values: object) -> Part:
    weight = WEIGHTS[criterion]
    return Part(criterion, round(weight * share, 2), weight, detail, reason,
                tuple((name, str(value)) for name, value in values.items()))


def explain(expert: Expert, needs: Needs, busy: list[Interval], load: int,
            now: datetime) -> Match:
    wanted = {t.lower() for t in needs.expertise}
    shared = sorted(wanted & set(expert.tags))
    topics = ", ".join(shared)
    parts = [_part("EXPERTISE", len(shared) / len(wanted) if wanted else 1.0,
                   f"{len(shared)} of {len(wanted)} needed topics: {topics or '-'}",
                   "TOPICS", matched=len(shared), needed=len(wanted), topics=topics)]
    languages = ", ".join(sorted(set(needs.languages) & set(expert.languages)))
    # no language asked for: the reason names every language the expert speaks
    spoken = languages if needs.languages else ", ".join(sorted(expert.languages))
    parts.append(_part("LANGUAGE", 1.0 if languages or not needs.languages else 0.0,
                       f"speaks {languages or 'none of the requested languages'}",
                       "SPEAKS" if spoken else "SPEAKS_NONE", languages=spoken))
    covers = needs.country is None or needs.country in expert.legal_systems
    systems = ", ".join(expert.legal_systems)
    parts.append(_part("LEGAL_SYSTEM", 1.0 if covers else 0.0,
                       f"covers {systems or 'no legal system'}",
                       "COVERS" if systems else "COVERS_NONE", systems=systems))
    horizon = now + timedelta(days=needs.available_within_days)
    slots = free_slots(plan_of(expert), now, horizon, 60, busy, now)
    parts.append(_part("AVAILABILITY", 1.0 if slots else 0.0,
                       f"{len(slots)} free hours within {needs.available_within_days} days",
                       "FREE_HOURS", hours=len(slots), days=needs.available_within_days))
    left = max(expert.capacity - expert.active_mentees, 0)
    parts.append(_part("CAPACITY", left / expert.capacity if expert.capacity else 0.0,
                       f"{left} of {expert.capacity} mentee places free",
                       "PLACES_FREE", free=left, capacity=expert.capacity))
    if expert.rating_count:
        average = expert.rating_sum / expert.rating_count
        parts.append(_part("RATING", average / 5, f"{average:.1f}/5 from "
                                                  f"{expert.rating_count} ratings",
                           "RATED", average=f"{average:.1f}", ratings=expert.rating_count))
    else:
        parts.append(_part("RATING", 0.5, "no ratings yet", "NOT_RATED"))
    return Match(expert, round(sum(p.points for p in parts), 2), parts, left > 0, load)


def rank(matches: list[Match], turn: int) -> list[Match]:
    """Capacity first, then score, then load; equal experts rotate by ``turn``."""
    ordered = sorted(matches, key=lambda m: (not m.has_capacity, -m.score, m.load,
                                             m.expert.id))
    result: list[Match] = []
    i = 0
    while i < len(ordered):
        j = i
        key = (ordered[i].has_capacity, ordered[i].score, ordered[i].load)
        while j < len(ordered) and (ordered[j].has_capacity, ordered[j].score,
                                    ordered[j].load) == key:
            j += 1
        group = ordered[i:j]
        shift = turn % len(group)
        result.extend(group[shift:] + group[:shift])
        i = j
    return result
