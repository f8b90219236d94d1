"""``ruta_demo_seed``: the network, its access points, two upcoming free events (one of 600
seats), a paid one (the core demo's wine tasting, sold through checkout), a past welcome
day, 30 assisted participants (20 attended the welcome day) and the core demo's four
business owners (through the association of self-employed workers), and
``partner@ruta.example``, staff of the first partner.

The 30 participants are then walked along the funnel (``DEPTHS``); the programme hands each
one's steps to the core hook ``ruta_demo_journeys`` (e-learning enrols them and records
completions, mentoring records past sessions, funding requests and grants). That is why
this seed runs last (``trylast``): the courses and experts must exist. The demo adds no
vendors, so the core demo marketplace keeps its shape; the founders' businesses are the
core demo's own."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from engine.plugins.api import (
    DemoJourney,
    DemoPerson,
    Runtime,
    add_demo_people,
    gather_hook,
    utcnow,
    variant_facts,
)
from plugins.programme.demo_data import (
    DEPTHS,
    FOUNDERS,
    FOUNDERS_PARTNER,
    LANGUAGES,
    ORIGINS,
    PARTNERS,
    PEOPLE,
    PER_PARTNER,
    STEPS,
    WEEKDAYS,
)
from plugins.programme.event_models import Checkin, CheckinList, Event, EventSession, Registration
from plugins.programme.models import AccessPoint, Participant, Partner, PartnerStaff

#: The demo's partner staff login (the first partner's adviser; password ``ruta-demo``).
STAFF_EMAIL = "partner@ruta.example"
#: The core demo's wine tasting (an EVENT product): its seats are sold through checkout.
PAID_SKU = "CATA-SAT"


async def seed(runtime: Runtime, demo: Any) -> None:
    now = utcnow().replace(microsecond=0)
    start = now - timedelta(days=150)
    people = [DemoPerson(email=f"participant-{i:02d}@programme.example",
                         language=LANGUAGES[i % 5],
                         country="PT" if i // PER_PARTNER == 4 else "ES") for i in range(PEOPLE)]
    staff = DemoPerson(email=STAFF_EMAIL, language="ES", country="ES")
    async with runtime.transaction() as session:
        ids = await add_demo_people(session, [*people, staff])
        partners, points = [], []
        for name, kind, country, region, town, postal, lat, lon, services, langs in PARTNERS:
            partner = Partner(name=name, kind=kind, country=country, region=region,
                              contact_email=f"programme@{kind.lower()}.example")
            session.add(partner)
            await session.flush()
            point = AccessPoint(
                partner_id=partner.id, name=f"Punto de acceso {town}", address=f"Centro, {town}",
                town=town, country=country, postal_code=postal, latitude=lat, longitude=lon,
                time_zone="Europe/Lisbon" if country == "PT" else "Europe/Madrid",
                hours=WEEKDAYS, services=services, languages=langs)
            session.add(point)
            partners.append(partner)
            points.append(point)
        await session.flush()
        session.add(PartnerStaff(partner_id=partners[0].id, user_id=ids[STAFF_EMAIL]))
        for i, person in enumerate(people):
            user_id = ids[person.email]
            session.add(Participant(
                partner_id=partners[i // PER_PARTNER].id, user_id=user_id,
                language=person.language, origin_region=ORIGINS[i % 5],
                consent_journey=i % 5 != 4, consent_recorded_at=start,
                registered_at=start + timedelta(days=i)))
        journeys = [DemoJourney(ids[p.email], STEPS[:DEPTHS[i]], start + timedelta(days=i),
                                p.language) for i, p in enumerate(people) if DEPTHS[i]]
        founders_partner = partners[FOUNDERS_PARTNER]
        for n, email in enumerate(FOUNDERS):
            joined = start + timedelta(days=PEOPLE + n)
            session.add(Participant(
                partner_id=founders_partner.id, user_id=demo.users[email],
                language=founders_partner.country, consent_journey=True,
                consent_recorded_at=joined, registered_at=joined))
        fair = Event(partner_id=partners[0].id, title="Feria transfronteriza de emprendimiento",
                     capacity=600, confirmed=0, starts_at=now + timedelta(days=30),
                     questions=[{"key": "language", "label": "Language", "required": True},
                                {"key": "access", "label": "Accessibility needs",
                                 "required": False}])
        online = Event(partner_id=partners[4].id, title="Online workshop: open your shop",
                       capacity=40, confirmed=0, starts_at=now + timedelta(days=10))
        welcome = Event(partner_id=partners[5].id, title="Welcome day", capacity=100,
                        confirmed=20, starts_at=now - timedelta(days=60))
        tasting = await variant_facts(session, demo.variants[PAID_SKU])
        assert tasting is not None and tasting.starts_at and tasting.ends_at and tasting.capacity
        paid = Event(partner_id=partners[0].id, title="Cata de vinos del Condado",
                     capacity=tasting.capacity, confirmed=tasting.seats_taken,
                     starts_at=tasting.starts_at, variant_id=tasting.id,
                     description="Guided tasting at the winery (ticket sold by the vendor).")
        session.add_all([fair, online, welcome, paid])
        await session.flush()
        session.add(EventSession(event_id=paid.id, starts_at=tasting.starts_at,
                                 ends_at=tasting.ends_at, access_point_id=points[0].id))
        session.add_all([
            EventSession(event_id=fair.id, starts_at=fair.starts_at, access_point_id=points[0].id,
                         ends_at=fair.starts_at + timedelta(hours=6)),
            EventSession(event_id=online.id, starts_at=online.starts_at,
                         ends_at=online.starts_at + timedelta(hours=2),
                         online_url="https://meet.example/ruta-workshop"),
            EventSession(event_id=welcome.id, starts_at=welcome.starts_at,
                         access_point_id=points[5].id,
                         ends_at=welcome.starts_at + timedelta(hours=4))])
        door = CheckinList(event_id=welcome.id, name="Main door", allow_exit=False)
        session.add_all([door, CheckinList(event_id=fair.id, name="Main door", allow_exit=True)])
        await session.flush()
        for i in range(20):
            person = people[i]
            reg = Registration(event_id=welcome.id, user_id=ids[person.email],
                               name=f"Participant {i:02d}", email=person.email, answers={},
                               status="CONFIRMED", created_at=welcome.starts_at)
            session.add(reg)
            await session.flush()
            session.add(Checkin(list_id=door.id, registration_id=reg.id, nonce=f"demo-{i:04d}",
                                direction="ENTRY", ok=True,
                                created_at=welcome.starts_at + timedelta(minutes=i)))
    await gather_hook(runtime.plugins.hook.ruta_demo_journeys, runtime=runtime,
                      journeys=journeys)
