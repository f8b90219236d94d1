"""An operator assigns a funding request to an advisor (``fundingRequestAssign``).

The same rules as an advisor picking a request up (``funding.pick_up``): the expert must be
an operator-verified FUNDING advisor, not the requester, and the request still undecided; an
OPEN request moves to IN_REVIEW and its requester is told. The advisor then finds it in
``fundingRequests`` and may read and move it. The core's audit log records the mutation
(operators' mutations are audited with the IDs they were given).
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError

from engine.plugins.api import NotFound, Runtime, ValidationError
from plugins.mentoring.access import Viewer, require_operator
from plugins.mentoring.enums import ExpertKind, FundingStatus
from plugins.mentoring.funding import advisors_of, notify_change
from plugins.mentoring.models import Expert
from plugins.mentoring.relationship_models import FundingAssignment, FundingEvent, FundingRequest


def _check_advisor(expert: Expert | None, found: FundingRequest) -> Expert:
    if expert is None:
        raise NotFound("expertId", "No such expert.")
    if expert.kind != ExpertKind.FUNDING:
        raise ValidationError("expertId", "NOT_FUNDING_ADVISOR",
                              "This expert does not offer funding advice.")
    if not expert.verified:
        raise ValidationError("expertId", "NOT_VERIFIED",
                              "Only verified funding advisors can be assigned.")
    if expert.user_id == found.requester_id:
        raise ValidationError("expertId", "INVALID",
                              "Nobody advises on their own funding request.")
    return expert


async def assign(runtime: Runtime, viewer: Viewer | None, request_id: int,
                 expert_id: int) -> FundingRequest:
    """Operators only; the advisor then sees, reads and moves the request."""
    viewer = require_operator(viewer)
    try:
        async with runtime.transaction() as session:
            found = await session.get(FundingRequest, request_id, with_for_update=True)
            if found is None:
                raise NotFound("id", "No such funding request.")
            expert = _check_advisor(await session.get(Expert, expert_id), found)
            if found.status not in (FundingStatus.OPEN, FundingStatus.IN_REVIEW):
                raise ValidationError("id", "INVALID_TRANSITION", "This request is decided.")
            if expert.id in await advisors_of(session, found.id):
                raise ValidationError("expertId", "DUPLICATED",
                                      "This advisor already advises on this request.")
            session.add(FundingAssignment(request_id=found.id, expert_id=expert.id))
            if found.status == FundingStatus.OPEN:
                found.status = FundingStatus.IN_REVIEW
                session.add(FundingEvent(request_id=found.id, status=FundingStatus.IN_REVIEW,
                                         actor_id=viewer.user_id, note="assigned"))
                await notify_change(runtime, session, found)
            await session.flush()
    except IntegrityError:  # the same assignment made at the same moment
        raise ValidationError("expertId", "DUPLICATED",
                              "This advisor already advises on this request.") from None
    return found
