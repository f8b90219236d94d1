"""A paid programme event is linked to a core bookable variant that checkout sells: only
the variant's vendor (or an operator) may link it, its seats become the event's capacity,
the free registration mutation refuses it, and a variant sells one event only."""

from __future__ import annotations

from sqlalchemy import select

from engine.catalog.models import ProductVariant
from engine.plugins.api import encode_id
from engine.runtime import Runtime
from engine.testing.client import Client
from tests.plugins.programme.setup import make_operator, partner, staff

CREATE = """mutation($i: ProgrammeEventInput!) { programmeEventCreate(input: $i) {
  event { id capacity seatsLeft variantId price } errors { field code } } }"""
REGISTER = """mutation($i: EventRegisterInput!) { programmeEventRegister(input: $i) {
  registration { id } errors { field code } } }"""


def paid_event(partner_id: int, variant_id: int) -> dict[str, object]:
    return {"i": {"partnerId": encode_id("Partner", partner_id), "title": "Taller de cataplana",
                  "capacity": 500, "variantId": encode_id("ProductVariant", variant_id),
                  "sessions": [{"startsAt": "2027-03-10T18:00:00+00:00",
                                "endsAt": "2027-03-10T21:00:00+00:00",
                                "onlineUrl": "https://meet.example/cataplana"}]}}


async def test_only_the_vendor_or_an_operator_makes_an_event_paid(
        demo: Runtime, client: Client) -> None:
    variant_id = await _variant(client, "CATA-PLA")
    partner_id = await partner(client, name="Ayuntamiento de Olhão", country="PT",
                               region="Algarve")
    adviser = await staff(client, partner_id, "adviser@programme.example")
    refused = await client.raw(CREATE, paid_event(partner_id, variant_id), adviser)
    assert refused["data"] is None and refused["errors"], refused  # not the vendor's staff
    operator = await make_operator(client, "op@programme.example")
    made = (await client.gql(CREATE, paid_event(partner_id, variant_id), operator)
            )["programmeEventCreate"]
    assert made["errors"] == []
    event = made["event"]
    assert (event["capacity"], event["seatsLeft"], event["price"]) == (12, 12, "45.00")
    assert event["variantId"] == encode_id("ProductVariant", variant_id)
    free = (await client.gql(REGISTER, {"i": {"eventId": event["id"], "name": "Rui",
                                              "email": "rui@example.com"}})
            )["programmeEventRegister"]
    assert free == {"registration": None,
                    "errors": [{"field": "eventId", "code": "PAYMENT_REQUIRED"}]}
    again = (await client.gql(CREATE, paid_event(partner_id, variant_id), operator)
             )["programmeEventCreate"]
    assert again["errors"] == [{"field": "variantId", "code": "UNIQUE"}]


async def _variant(client: Client, sku: str) -> int:
    async with client.runtime.db.read() as session:
        found = await session.scalar(select(ProductVariant.id).where(ProductVariant.sku == sku))
    assert found is not None
    return found
