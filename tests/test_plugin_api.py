"""The plugin API: a stable import surface, plugin-defined events, query hooks, the
scheduled tick and plugin data on checkouts."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from engine import maintenance
from engine.demo.seed import seed
from engine.plugins import api as plugin_api
from engine.plugins.api import (
    PricingLine,
    Runtime,
    decode_token_id,
    gather_hook,
    hookimpl,
    record_event,
    set_plugin_data,
)
from tests.shop import build, checkout

CHECKOUT = """query($id: ID!) { checkout(id: $id) { totalPrice { gross { amount } } } }"""


def test_the_public_surface_is_pinned() -> None:
    # + shares, commission_by_vendor (17), sign_link, verify_link (19), notifications (12),
    # journey and impact facts (15), web kit (13), bookable seats (14), NotificationExtras,
    # NotificationLink, unsubscribe_link and notification_opt_in (issues 12, 17 and 19),
    # store_public_image (programme logos), StaffOrganisation (ruta_staff_organisation),
    # user_names (certificates), content_security_policy (Stripe.js on the card page),
    # IssuedCertificate (ruta_attendance_certificate), variants_facts (event listings),
    # DemoJourney (ruta_demo_journeys), permissions_policy (the door page's camera)
    assert len(set(plugin_api.__all__)) == 113
    for name in plugin_api.__all__:
        assert getattr(plugin_api, name) is not None


class Teacher:
    """Emits its own lifecycle events through the outbox."""

    async def complete(self, runtime: Runtime, user_id: int) -> None:
        async with runtime.transaction() as session:
            await record_event(session, runtime.plugins, "ruta_course_completed",
                               user_id=user_id, product_id=7, topics=["funding"])
            await record_event(session, runtime.plugins, "ruta_learner_at_risk",
                               user_id=user_id, product_id=7, step="NUDGE",
                               signals=["INACTIVE"])


class Mentor:
    def __init__(self) -> None:
        self.heard: list[tuple[str, Any]] = []
        self.ticks: list[datetime] = []

    @hookimpl
    def ruta_course_completed(self, user_id: int, topics: list[str]) -> None:
        self.heard.append(("completed", (user_id, topics)))

    @hookimpl
    async def ruta_learner_at_risk(self, user_id: int, step: str, signals: list[str]) -> None:
        self.heard.append(("at-risk", (user_id, step, signals)))

    @hookimpl
    async def ruta_progress_shared_with(self, learner_id: int) -> list[int]:
        return [100 + learner_id]

    @hookimpl
    def ruta_tick(self, now: datetime) -> None:
        self.ticks.append(now)


class Coordinator:
    @hookimpl
    def ruta_progress_shared_with(self, learner_id: int) -> list[int]:
        return [999]

    @hookimpl
    def ruta_tick(self) -> None:
        raise RuntimeError("a broken scheduled job")


class Voucher:
    """Half price on lines of a checkout that carries this plugin's voucher."""

    @hookimpl
    def ruta_unit_price(self, line: PricingLine) -> Decimal | None:
        if line.plugin_data.get("voucher") == "HALF":
            return line.unit_price / 2
        return None


async def test_plugins_emit_and_hear_their_own_events(plugged: Any) -> None:
    mentor = Mentor()
    async with plugged(mentor) as client:
        await Teacher().complete(client.runtime, user_id=5)
        await client.runtime.dispatcher.drain()
    assert mentor.heard == [("completed", (5, ["funding"])),
                            ("at-risk", (5, "NUDGE", ["INACTIVE"]))]


async def test_query_hooks_collect_every_answer(plugged: Any) -> None:
    async with plugged(Mentor(), Coordinator()) as client:
        answers = await gather_hook(client.runtime.plugins.hook.ruta_progress_shared_with,
                                    runtime=client.runtime, learner_id=1)
    assert sorted(answers) == [[101], [999]]


async def test_the_tick_runs_every_plugin_and_survives_a_broken_one(plugged: Any) -> None:
    mentor = Mentor()
    async with plugged(Coordinator(), mentor) as client:
        await maintenance.tick(client.runtime)
        await maintenance.tick(client.runtime)
    assert len(mentor.ticks) == 2


async def test_plugin_data_on_a_checkout_feeds_the_pricing_hooks(plugged: Any) -> None:
    async with plugged(Voucher()) as client:
        shop = await build(client)
        created = await checkout(client, {"tile": 2}, shop)
        assert created["totalPrice"]["gross"]["amount"] == "36.00"
        await set_plugin_data(client.runtime, None, decode_token_id(created["id"], "Checkout"),
                              "voucher", "HALF")
        data = await client.gql(CHECKOUT, {"id": created["id"]})
        assert data["checkout"]["totalPrice"]["gross"]["amount"] == "18.00"


class DemoSeeder:
    def __init__(self) -> None:
        self.calls: list[Any] = []

    @hookimpl
    async def ruta_demo_seed(self, runtime: Runtime, demo: Any) -> None:
        self.calls.append(demo)


async def test_plugins_add_their_demo_data_once_after_the_core(plugged: Any) -> None:
    seeder = DemoSeeder()
    async with plugged(seeder, core_only=True) as client:
        assert await seed(client.runtime) is True
        assert await seed(client.runtime) is False
    [demo] = seeder.calls
    assert {"admin@ruta.example", "mentor.pt@ruta.example"} <= set(demo.users)
    assert {"curso-turismo-sustentavel", "oficina-grupo-financiamento"} <= set(demo.products)
    assert "courses-tourism" in demo.categories and "TUR-COH1" in demo.variants
    assert sorted(demo.vendors) == ["bodega-y-dulces-del-condado", "ediciones-donana",
                                    "sabores-do-algarve", "taller-raya"]


OLD_PATHS = {"engine.hookspecs": "engine.plugins.specs",
             "engine.hook_calls": "engine.plugins.calls",
             "engine.plugin_manager": "engine.plugins.manager",
             "engine.plugin_reads": "engine.plugins.reads",
             "engine.plugin_contributions": "engine.plugins.contributions",
             "engine.defaults": "engine.plugins.defaults",
             "engine.plugin_api": "engine.plugins.api"}


def test_old_plugin_import_paths_still_work_with_a_deprecation_warning() -> None:
    import importlib
    import sys
    import warnings

    for old, new in OLD_PATHS.items():
        sys.modules.pop(old, None)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            module = importlib.import_module(old)
        assert any(issubclass(w.category, DeprecationWarning) and new in str(w.message)
                   for w in caught), old
        moved = importlib.import_module(new)
        public = [n for n in vars(moved) if not n.startswith("_")]
        assert public and all(getattr(module, n) is getattr(moved, n) for n in public), old
