"""Job offers: only approved vendors publish, pay shown where the law requires it, the
public list (accent-insensitive search, filters) never shows closed or past offers."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import update

from engine.plugins.api import decode_id
from plugins.jobs.models import JobOffer
from tests.client import Client
from tests.plugins.jobs.scenario import CREATE, OFFERS, STATUS, later, offer, offer_input, skills


async def listed(client: Client, flt: dict[str, object] | None = None) -> list[str]:
    data = await client.gql(OFFERS, {"f": flt})
    return [e["node"]["title"] for e in data["jobOffers"]["edges"]]


async def test_only_approved_vendors_publish(client: Client) -> None:
    token, _ = await client.vendor("pending@example.com", "Pending", approve=False)
    data = await client.gql(CREATE, {"i": offer_input()}, token)
    offer_id = data["jobOfferCreate"]["offer"]["id"]
    refused = await client.gql(STATUS, {"id": offer_id, "s": "PUBLISHED"}, token)
    assert [e["code"] for e in refused["jobOfferSetStatus"]["errors"]] == ["VENDOR_NOT_APPROVED"]
    assert await listed(client) == []
    anonymous = await client.raw(CREATE, {"i": offer_input()})
    assert anonymous["data"] is None or anonymous["data"]["jobOfferCreate"] is None
    buyer = await client.register("buyer@example.com")
    not_vendor = await client.raw(CREATE, {"i": offer_input()}, buyer)
    assert not_vendor["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


async def test_an_offer_in_spain_must_show_its_pay_range(client: Client) -> None:
    token, _ = await client.vendor("bar@example.com", "Bar")
    data = await client.gql(CREATE, {"i": offer_input(salaryMin=None, salaryMax=None)}, token)
    offer_id = data["jobOfferCreate"]["offer"]["id"]
    refused = await client.gql(STATUS, {"id": offer_id, "s": "PUBLISHED"}, token)
    assert [e["code"] for e in refused["jobOfferSetStatus"]["errors"]] == ["SALARY_REQUIRED"]
    await offer(client, token, title="Remote translator", country="GB", postalCode=None,
                remote=True, salaryMin=None, salaryMax=None)
    assert await listed(client) == ["Remote translator"]


async def test_search_is_accent_insensitive_and_filters_combine(client: Client) -> None:
    op = await client.operator()
    await skills(client, op, "cooking", "english")
    token, _ = await client.vendor("hotel@example.com", "Hotel")
    await offer(client, token, title="Cocinero de Huelva", skills=["cooking"])
    await offer(client, token, title="Recepción en Faro", country="PT", postalCode="8000-001",
                languages=["PT", "EN"], contractType="SEASONAL")
    await offer(client, token, title="Soporte remoto", remote=True, postalCode=None,
                skills=["english"], languages=["EN"])
    assert await listed(client, {"search": "RECEPCION"}) == ["Recepción en Faro"]
    assert await listed(client, {"search": "huélva"}) == ["Cocinero de Huelva"]
    assert await listed(client, {"near": "21450"}) == ["Cocinero de Huelva", "Soporte remoto"]
    assert await listed(client, {"contractType": "SEASONAL"}) == ["Recepción en Faro"]
    assert await listed(client, {"languages": ["en"]}) == ["Recepción en Faro",
                                                            "Soporte remoto"]
    assert await listed(client, {"languages": ["EN"], "skills": ["english"]}) == [
        "Soporte remoto"]
    unknown = await client.gql(CREATE, {"i": offer_input(skills=["juggling"])}, token)
    assert [e["code"] for e in unknown["jobOfferCreate"]["errors"]] == ["UNKNOWN_SKILL"]


async def test_offers_past_their_closing_date_or_closed_are_never_listed(
        client: Client) -> None:
    token, _ = await client.vendor("shop@example.com", "Shop")
    await offer(client, token, title="Dependiente")
    past = await offer(client, token, title="Reponedor", closesOn=later(1))
    closed = await offer(client, token, title="Cajero")
    await client.gql(STATUS, {"id": closed, "s": "CLOSED"}, token)
    assert await listed(client) == ["Dependiente", "Reponedor"]
    async with client.runtime.db.write() as session:
        await session.execute(update(JobOffer).where(JobOffer.id == decode_id(past, "JobOffer"))
                              .values(closes_on=date.today() - timedelta(days=1)))
    assert await listed(client) == ["Dependiente"]
    data = await client.gql(OFFERS, {"f": None})
    assert data["jobOffers"]["totalCount"] == 1


async def test_another_vendor_cannot_edit_or_publish_an_offer(client: Client) -> None:
    owner, _ = await client.vendor("owner@example.com", "Owner")
    other, _ = await client.vendor("other@example.com", "Other")
    data = await client.gql(CREATE, {"i": offer_input()}, owner)
    offer_id = data["jobOfferCreate"]["offer"]["id"]
    refused = await client.raw(STATUS, {"id": offer_id, "s": "PUBLISHED"}, other)
    assert refused["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
