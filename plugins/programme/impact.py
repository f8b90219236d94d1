"""Impact figures: the entrepreneur funnel and outcomes, grouped, with small cells
suppressed (no figure is shown or exported that rests on fewer than ``MIN_CELL`` people).

Each figure is computed as the set of people (or vendors) behind it; the shown value is
the set's size (or a sum over it: jobs, expert hours), or None when the set is smaller
than ``MIN_CELL`` or the value itself is below it — zero included, since "none" about a
small group is a disclosure too. So no cell under 5 is ever shown or exported.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from engine.plugins.api import (
    ImpactFact,
    JourneyFact,
    PermissionDenied,
    Runtime,
    gather_hook,
    owned_vendors,
)
from plugins.programme.access import Viewer, signed_in
from plugins.programme.event_models import Checkin, Registration
from plugins.programme.models import JobsDeclaration, Participant, Partner

MIN_CELL = 5
GROUPS = ("NONE", "COUNTRY", "REGION", "PARTNER", "ORIGIN", "PERIOD")
COUNTS = ("registered", "enrolled", "completed_course", "mentored", "funding_requested",
          "funding_granted", "vendor_approved", "first_paid_order", "smes_created",
          "event_attendance")
SUMS = ("jobs_direct", "jobs_indirect", "hires_reported", "expert_hours")
STAGE_OF = {"ENROLLED": "enrolled", "COURSE_COMPLETED": "completed_course",
            "MENTORED": "mentored", "FUNDING_REQUESTED": "funding_requested",
            "FUNDING_GRANTED": "funding_granted"}


@dataclass
class Cell:
    people: set[int] = field(default_factory=set)
    total: Decimal = Decimal("0")

    def shown(self, summed: bool) -> Decimal | None:
        value = self.total if summed else Decimal(len(self.people))
        if len(self.people) < MIN_CELL or value < MIN_CELL:
            return None
        return value


@dataclass(frozen=True)
class ImpactRow:
    group: str
    figures: dict[str, Decimal | None]


def _group_key(group_by: str, p: Participant, partner: Partner) -> str:
    return {"NONE": "All", "COUNTRY": partner.country, "REGION": partner.region,
            "PARTNER": partner.name, "ORIGIN": p.origin_region or "Not declared",
            "PERIOD": p.registered_at.strftime("%Y-%m")}[group_by]


async def report(runtime: Runtime, viewer: Viewer | None, since: datetime, until: datetime,
                 group_by: str) -> list[ImpactRow]:
    who = signed_in(viewer)
    if not who.is_operator and who.partner_id is None:
        raise PermissionDenied("Only operators and partner staff see impact figures.")
    query = select(Participant, Partner).join(Partner, Partner.id == Participant.partner_id)
    if not who.is_operator:
        query = query.where(Participant.partner_id == who.partner_id)
    async with runtime.db.read() as session:
        people = [(p, partner) for p, partner in await session.execute(query)]
        user_ids = sorted({p.user_id for p, _ in people})
        vendors = await owned_vendors(session, user_ids)
        jobs = list(await session.scalars(
            select(JobsDeclaration).where(JobsDeclaration.as_of <= until.date().isoformat())
            .order_by(JobsDeclaration.as_of)))
        attended = set(await session.scalars(
            select(Registration.user_id).join(Checkin, Checkin.registration_id == Registration.id)
            .where(Checkin.ok.is_(True), Checkin.created_at >= since,
                   Checkin.created_at < until)))
    groups: dict[int, set[str]] = defaultdict(set)
    cells: dict[tuple[str, str], Cell] = defaultdict(Cell)
    for p, partner in people:
        key = _group_key(group_by, p, partner)
        groups[p.user_id].add(key)
        if since <= p.registered_at < until:
            cells[(key, "registered")].people.add(p.user_id)
        if p.user_id in attended:
            cells[(key, "event_attendance")].people.add(p.user_id)

    def add(user_id: int, figure: str, amount: Decimal = Decimal("0")) -> None:
        for key in groups.get(user_id, ()):
            cell = cells[(key, figure)]
            cell.people.add(user_id)
            cell.total += amount

    for answer in await gather_hook(runtime.plugins.hook.ruta_journey_facts, runtime=runtime,
                                    user_ids=user_ids):
        for fact in answer:
            if isinstance(fact, JourneyFact) and since <= fact.at < until:
                add(fact.user_id, STAGE_OF.get(fact.kind, ""), Decimal("0"))
                if fact.kind == "MENTORED":
                    add(fact.user_id, "expert_hours", fact.hours)
    owner_of = {v.vendor_id: v.owner_id for v in vendors}
    for v in vendors:
        if v.status == "APPROVED":
            add(v.owner_id, "vendor_approved")
        if since <= v.founded_at < until:
            add(v.owner_id, "smes_created")
        if v.first_paid_at and since <= v.first_paid_at < until:
            add(v.owner_id, "first_paid_order")
    latest = {j.vendor_id: j for j in jobs if j.vendor_id in owner_of}
    for vendor_id, j in latest.items():
        add(owner_of[vendor_id], "jobs_direct", Decimal(j.direct))
        add(owner_of[vendor_id], "jobs_indirect", Decimal(j.indirect))
    for answer in await gather_hook(runtime.plugins.hook.ruta_impact_facts, runtime=runtime,
                                    since=since, until=until):
        for hire in answer:
            if not isinstance(hire, ImpactFact) or hire.kind != "HIRE":
                continue
            # once per hire: the hired participant, else the participant-owned employer
            person = hire.user_id if hire.user_id in groups else owner_of.get(
                hire.vendor_id or 0)
            if person is not None:
                add(person, "hires_reported", Decimal(hire.count))
    keys = sorted({key for keys in groups.values() for key in keys})
    return [ImpactRow(key, {name: cells[(key, name)].shown(name in SUMS)
                            for name in COUNTS + SUMS}) for key in keys]
