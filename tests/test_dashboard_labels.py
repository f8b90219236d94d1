"""The API's codes (statuses, kinds) are shown as words in the visitor's language: the label
maps cover every code the engine and the plugins use, and a Spanish page shows the Spanish
word, not the code."""

from __future__ import annotations

from decimal import Decimal

from starlette.applications import Starlette

from engine.api.ids import decode_id
from engine.payments.models import Transfer
from engine.runtime import Runtime
from engine.testing.client import PASSWORD, Client
from plugins.dashboard import labels
from plugins.jobs import applications, offers, profiles
from plugins.mentoring.enums import ExpertKind
from tests.plugins.mentoring.test_profiles import make_expert
from tests.shop import COMPLETE, build, ready
from tests.test_dashboard_jobs import OFFER_FORM
from tests.web_browser import Browser


def test_every_code_has_a_label() -> None:
    assert set(labels.EXPERT_KINDS) == {kind.value for kind in ExpertKind}
    assert set(labels.JOB_OFFER_STATUSES) == set(offers.TRANSITIONS)
    assert set(labels.JOB_APPLICATION_STATUSES) == set(applications.EMPLOYER_MOVES) | {
        s for moves in applications.EMPLOYER_MOVES.values() for s in moves} | set(
        applications.FINAL)
    assert set(labels.CONTRACT_TYPES) == set(offers.CONTRACT_TYPES)
    assert set(labels.AVAILABILITY) == set(profiles.AVAILABILITY)
    assert set(labels.WORK_PERMITS) == set(profiles.WORK_PERMIT)


async def test_spanish_pages_show_words_not_codes(app: Starlette, client: Client,
                                                  runtime: Runtime) -> None:
    shop = await build(client)
    order = (await client.gql(COMPLETE, {"id": await ready(client, shop, {"wine": 1})})
             )["checkoutComplete"]["order"]
    async with runtime.transaction() as session:
        session.add(Transfer(vendor_order_id=decode_id(order["vendorOrders"][0]["id"],
                                                       "VendorOrder"),
                             vendor_id=decode_id(shop.es_vendor, "Vendor"),
                             amount=Decimal("9.00"), commission=Decimal("1.00")))
    await make_expert(client, "ana@example.com", kind="FUNDING", verified=False)
    await client.operator("boss@example.com")
    async with Browser(app) as vendor:
        await vendor.login("es@example.com", PASSWORD)
        balance = (await vendor.get("/dashboard/balance?lang=es")).text
        assert "Pendiente de envío" in balance and "PENDING" not in balance
        assert (await vendor.post("/dashboard/jobs/offers", OFFER_FORM)).status_code == 303
        jobs = (await vendor.get("/dashboard/jobs/offers")).text
        assert 'data-status="DRAFT">Borrador<' in jobs
        assert ">Indefinido</option>" in jobs and ">PERMANENT<" not in jobs
    async with Browser(app) as boss:
        await boss.login("boss@example.com", PASSWORD)
        experts = (await boss.get("/dashboard/operator/experts?lang=es")).text
        assert "Asesor de financiación" in experts and "FUNDING" not in experts
