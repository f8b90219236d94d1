"""No N+1 in the programme's listings: partners, access points, events (with their
sessions, questions and paid seats) and one's own registrations cost the same statements
for 5 and 50 items, every list field of the item selected."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from engine.accounts.models import User
from engine.catalog.models import ProductVariant
from engine.testing.client import Client
from plugins.programme.event_models import Event, EventSession, Registration
from plugins.programme.models import AccessPoint, Partner
from tests.wire import measuring

NETWORK = """query($n: Int!) { partners { id name kind country region contactEmail logoUrl }
  accessPoints(first: $n) { id partnerId name address town country postalCode latitude
  longitude timeZone hours { weekday opens closes } services languages distanceKm openAt } }"""
EVENTS = """{ programmeEvents { id partnerId title description capacity confirmed seatsLeft
  startsAt sessions { id startsAt endsAt accessPointId online }
  questions { key label required } variantId price } }"""
MINE = """{ myProgrammeRegistrations { id eventId name status waitlistPosition
  ticket { secret code } } }"""
START = datetime(2027, 3, 10, 9, tzinfo=UTC)


async def _partners(client: Client, first: int, upto: int) -> None:
    async with client.runtime.db.write() as session:
        for i in range(first, upto):
            partner = Partner(name=f"Asociación {i}", kind="ASSOCIATION", country="ES",
                              region="Huelva")
            session.add(partner)
            await session.flush()
            session.add(AccessPoint(
                partner_id=partner.id, name=f"Punto {i}", address="Calle Real 1", town="Lepe",
                country="ES", postal_code="21440", latitude=37.25, longitude=-7.2,
                time_zone="Europe/Madrid", hours={"1": [["09:00", "14:00"]]},
                services=["WIFI", "HELP"], languages=["ES", "PT"]))


async def _events(client: Client, first: int, upto: int, variant_id: int,
                  user_id: int) -> None:
    async with client.runtime.db.write() as session:
        partner_id = await session.scalar(select(Partner.id).order_by(Partner.id))
        assert partner_id is not None
        for i in range(first, upto):
            event = Event(partner_id=partner_id, title=f"Taller {i}", capacity=1,
                          starts_at=START + timedelta(days=i),
                          variant_id=variant_id if i % 2 else None,
                          questions=[{"key": "town", "label": "Town", "required": True}])
            session.add(event)
            await session.flush()
            session.add_all(EventSession(event_id=event.id, starts_at=START + timedelta(days=i,
                                         hours=h), ends_at=START + timedelta(days=i, hours=h + 1),
                                         online_url="https://meet.example/t")
                            for h in range(2))
            for n, status in enumerate(("CONFIRMED", "WAITLISTED")):  # a stranger is first
                session.add(Registration(event_id=event.id, name=f"Other {n}",
                                         email=f"o{i}-{n}@example.com", status=status))
            session.add(Registration(event_id=event.id, user_id=user_id, name="Rui",
                                     email="rui@example.com",
                                     status="WAITLISTED" if i % 2 else "CONFIRMED"))


async def test_partners_and_access_points_cost_the_same_for_5_and_50(client: Client) -> None:
    counts = []
    for n in (5, 50):
        await _partners(client, 0 if n == 5 else 5, n)
        async with measuring(client.runtime) as cost:
            data = await client.gql(NETWORK, {"n": n})
        assert len(data["partners"]) == len(data["accessPoints"]) == n
        assert data["accessPoints"][0]["hours"] == [
            {"weekday": 1, "opens": "09:00", "closes": "14:00"}]
        counts.append(len(cost.statements))
    assert counts[0] == counts[1], counts


async def test_events_and_registrations_cost_the_same_for_5_and_50(client: Client) -> None:
    token, _ = await client.vendor("taller@example.com", "Taller")
    await client.product(token, "Taller de cataplana", price="45.00")
    rui = await client.register("rui@example.com")
    async with client.runtime.db.read() as session:
        variant_id = await session.scalar(select(ProductVariant.id))
        user_id = await session.scalar(select(User.id).where(User.email == "rui@example.com"))
    assert variant_id is not None and user_id is not None
    await _partners(client, 0, 1)
    counts = []
    for n in (5, 50):
        await _events(client, 0 if n == 5 else 5, n, variant_id, user_id)
        async with measuring(client.runtime) as cost:
            events = (await client.gql(EVENTS))["programmeEvents"]
            mine = (await client.gql(MINE, token=rui))["myProgrammeRegistrations"]
        assert len(events) == len(mine) == n
        assert [e["price"] for e in events[:2]] == [None, "45.00"]
        assert len(events[1]["sessions"]) == 2 and events[1]["questions"][0]["key"] == "town"
        assert [(r["status"], r["waitlistPosition"], bool(r["ticket"])) for r in mine[:2]] == [
            ("CONFIRMED", None, True), ("WAITLISTED", 2, False)]
        counts.append(len(cost.statements))
    assert counts[0] == counts[1], counts
