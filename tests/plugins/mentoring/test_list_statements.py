"""No N+1 in the mentoring listings other than the expert directory (see
``tests/plugins/test_listing_counts.py``): an expert's offerings, one's bookings, one's
mentorships and one's funding requests cost the same statements for 5 and 50 items, every
list field of the item selected."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from engine.accounts.models import User
from engine.plugins.api import encode_id
from plugins.mentoring.models import Booking, Expert, Offering, Session
from plugins.mentoring.relationship_models import (
    FundingAssignment,
    FundingEvent,
    FundingRequest,
    Mentorship,
)
from tests.client import Client
from tests.wire import measuring

MONEY = "{ amount currency }"
OFFERING = f"""id expertId title isGroup seats durationMinutes price {MONEY} isFree isOnline
  address freeCancelHours cancelFeePercent"""
OFFERINGS = f"query($e: ID!) {{ expertOfferings(expertId: $e) {{ {OFFERING} }} }}"
MINE = f"""{{ myMentoringBookings {{ id status price {MONEY} feeCharged {MONEY}
  refundAmount {MONEY} sequence session {{ id offeringId startsAt endsAt seats seatsTaken
  status variantId }} offeringTitle expertName ics }}
  myMentorships {{ id expertId menteeId status message shareProgress expertName }}
  fundingRequests {{ id project amountSought {MONEY} stage documents status advisorIds
  history {{ status note at }} }} }}"""
START = datetime(2027, 5, 3, 9, tzinfo=UTC)


async def _seed(client: Client, first: int, upto: int, mentee_id: int) -> int:
    """Experts ``first..upto``, each with an offering, a session the mentee booked, a
    mentorship with the mentee and the mentee's funding request assigned to them; plus
    offerings ``first..upto`` of the first expert. Returns the first expert's id."""
    async with client.runtime.db.write() as session:
        for i in range(first, upto):
            user = User(email=f"expert{i}@example.com", password_hash="x")
            session.add(user)
            await session.flush()
            expert = Expert(user_id=user.id, kind="MENTOR", display_name=f"Expert {i}",
                            time_zone="Europe/Madrid", verified=True)
            session.add(expert)
            await session.flush()
            offering = Offering(expert_id=expert.id, title=f"Sesión {i}", duration_minutes=60,
                                price=Decimal("30.00"), address="Calle Real 1")
            session.add(offering)
            await session.flush()
            row = Session(offering_id=offering.id, expert_id=expert.id, seats=1,
                          starts_at=START + timedelta(days=i),
                          ends_at=START + timedelta(days=i, hours=1))
            session.add(row)
            await session.flush()
            session.add(Booking(session_id=row.id, user_id=mentee_id, status="CONFIRMED",
                                price=Decimal("30.00"), language="ES"))
            session.add(Mentorship(expert_id=expert.id, mentee_id=mentee_id,
                                   status="ACCEPTED", message="Hola"))
            request = FundingRequest(requester_id=mentee_id, project=f"Proyecto {i}",
                                     amount_sought=Decimal("5000.00"), stage="PLAN",
                                     documents=["plan.pdf"], status="IN_REVIEW")
            session.add(request)
            await session.flush()
            session.add(FundingAssignment(request_id=request.id, expert_id=expert.id))
            session.add_all([FundingEvent(request_id=request.id, status="OPEN"),
                             FundingEvent(request_id=request.id, status="IN_REVIEW",
                                          note="Picked up")])
        first_expert = await session.scalar(select(Expert.id).order_by(Expert.id))
        assert first_expert is not None
        session.add_all(Offering(expert_id=first_expert, title=f"Extra {i}",
                                 duration_minutes=45, price=Decimal("0.00"))
                        for i in range(max(first, 1), upto))
        return first_expert


async def test_mentoring_listings_cost_the_same_for_5_and_50(client: Client) -> None:
    token = await client.register("mentee@example.com")
    async with client.runtime.db.read() as session:
        mentee = await session.scalar(select(User.id).where(User.email == "mentee@example.com"))
    assert mentee is not None
    counts = []
    for n in (5, 50):
        expert = await _seed(client, 0 if n == 5 else 5, n, mentee)
        async with measuring(client.runtime) as cost:
            offerings = (await client.gql(OFFERINGS, {"e": encode_id("Expert", expert)})
                         )["expertOfferings"]
            mine = await client.gql(MINE, token=token)
        assert len(offerings) == n
        assert [len(mine[k]) for k in ("myMentoringBookings", "myMentorships",
                                       "fundingRequests")] == [n, n, n]
        assert sorted(m["expertName"] for m in mine["myMentorships"])[0] == "Expert 0"
        assert mine["myMentoringBookings"][-1]["expertName"] == "Expert 0"
        oldest = mine["fundingRequests"][-1]
        assert oldest["advisorIds"] == [encode_id("Expert", expert)]
        assert [h["status"] for h in oldest["history"]] == ["OPEN", "IN_REVIEW"]
        counts.append(len(cost.statements))
    assert counts[0] == counts[1], counts
