"""GraphQL: funding requests (requester, assigned advisors and operators only)."""

from __future__ import annotations

from decimal import Decimal

import strawberry

from engine.plugins.api import Info, attempt, decode_id
from plugins.mentoring import funding, funding_assign
from plugins.mentoring.booking_types import FundingRequestType
from plugins.mentoring.enums import FundingStatus, Milestone
from plugins.mentoring.errors import MentoringError, errors_of, viewer_of
from plugins.mentoring.relationship_models import FundingRequest


@strawberry.input
class FundingRequestInput:
    project: str
    amount_sought: Decimal
    stage: Milestone
    documents: list[str] = strawberry.field(default_factory=list)


@strawberry.type
class FundingRequestPayload:
    funding_request: FundingRequestType | None = None
    errors: list[MentoringError] = strawberry.field(default_factory=list)


async def _views(info: Info, found: list[FundingRequest]) -> list[FundingRequestType]:
    async with info.context.runtime.db.read() as session:
        advisors, events = await funding.advisors_and_histories(session, [f.id for f in found])
    return [FundingRequestType.of(f, advisors[f.id], events[f.id]) for f in found]


async def _view(info: Info, found: FundingRequest) -> FundingRequestType:
    return (await _views(info, [found]))[0]


async def _payload(info: Info, found: FundingRequest | None, exc: object
                   ) -> FundingRequestPayload:
    if found is None:
        return FundingRequestPayload(errors=errors_of(exc))  # type: ignore[arg-type]
    return FundingRequestPayload(funding_request=await _view(info, found))


@strawberry.type
class FundingQuery:
    @strawberry.field(description="Funding requests you may see (yours, assigned to you, or "
                                  "all for operators), newest first.")
    async def funding_requests(self, info: Info) -> list[FundingRequestType]:
        found = await funding.listed(info.context.runtime, await viewer_of(info))
        return await _views(info, found)

    @strawberry.field(description="One funding request, if you may see it.")
    async def funding_request(self, info: Info, id: strawberry.ID) -> FundingRequestType:
        viewer = await viewer_of(info)
        async with info.context.runtime.db.read() as session:
            _, found = await funding.visible(session, viewer, decode_id(id, "FundingRequest"))
        return await _view(info, found)


@strawberry.type
class FundingMutation:
    @strawberry.mutation(description="Open a funding request.")
    async def funding_request_open(self, info: Info, input: FundingRequestInput
                                   ) -> FundingRequestPayload:
        viewer = await viewer_of(info)
        found, exc = await attempt(lambda: funding.open_request(
            info.context.runtime, viewer, funding.FundingData(
                project=input.project, amount_sought=input.amount_sought,
                stage=input.stage.value, documents=input.documents)))
        return await _payload(info, found, exc)

    @strawberry.mutation(description="A funding advisor picks up a request (IN_REVIEW).")
    async def funding_request_pick_up(self, info: Info, id: strawberry.ID
                                      ) -> FundingRequestPayload:
        viewer = await viewer_of(info)
        found, exc = await attempt(lambda: funding.pick_up(
            info.context.runtime, viewer, decode_id(id, "FundingRequest")))
        return await _payload(info, found, exc)

    @strawberry.mutation(description="An assigned advisor or an operator moves the request: "
                                     "IN_REVIEW -> SUBMITTED_TO_FUNDER -> GRANTED | DECLINED.")
    async def funding_request_move(self, info: Info, id: strawberry.ID,
                                   status: FundingStatus,
                                   note: str = "") -> FundingRequestPayload:
        viewer = await viewer_of(info)
        found, exc = await attempt(lambda: funding.move(
            info.context.runtime, viewer, decode_id(id, "FundingRequest"), status.value, note))
        return await _payload(info, found, exc)

    @strawberry.mutation(description="An operator assigns a request to a verified FUNDING "
                                     "advisor (an OPEN request moves to IN_REVIEW).")
    async def funding_request_assign(self, info: Info, id: strawberry.ID,
                                     expert_id: strawberry.ID) -> FundingRequestPayload:
        viewer = await viewer_of(info)
        found, exc = await attempt(lambda: funding_assign.assign(
            info.context.runtime, viewer, decode_id(id, "FundingRequest"),
            decode_id(expert_id, "Expert", field="expertId")))
        return await _payload(info, found, exc)
