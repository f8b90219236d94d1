"""docs/plugins.md: every snippet runs, and the lifecycle one is idempotent by event_id."""

from __future__ import annotations

import itertools
import re
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from engine.db.base import Base
from engine.events.models import OutboxDelivery
from engine.plugins.manager import build_plugin_manager
from tests.client import Client
from tests.shop import COMPLETE, build, checkout

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "plugins.md"
BLOCKS = re.findall(r"```python\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
#: Snippets that are whole plugins (not a migration header nor a test file).
PLUGINS = [b for b in BLOCKS if "@hookimpl" in b]
RUNS = itertools.count()


def as_module(source: str, name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    sys.modules[name] = module  # SQLAlchemy resolves a model's annotations in its module
    exec(compile(source, f"docs/plugins.md:{name}", "exec"), module.__dict__)
    return module


@pytest.fixture
def loaded() -> Iterator[list[types.ModuleType]]:
    """Each plugin snippet as a module; tables they declare leave the metadata afterwards."""
    before = set(Base.metadata.tables)
    run = next(RUNS)  # fresh module names each time: models are registered by module
    modules = [as_module(source, f"guide_{run}_{i}") for i, source in enumerate(PLUGINS)]
    yield modules
    for name in set(Base.metadata.tables) - before:
        Base.metadata.remove(Base.metadata.tables[name])
    for module in modules:
        sys.modules.pop(module.__name__, None)


def test_the_guide_shows_each_kind_of_hook() -> None:
    hooks = set(re.findall(r"def (ruta_\w+)\(", "\n".join(PLUGINS)))
    assert {"ruta_tax_classes", "ruta_product_kinds", "ruta_product_validate",
            "ruta_order_paid", "ruta_progress_shared_with", "ruta_tick",
            "ruta_graphql_type_fields"} <= hooks


def test_every_snippet_registers_as_a_plugin(loaded: list[types.ModuleType]) -> None:
    manager = build_plugin_manager(entry_points_from=None, extra_plugins=loaded)
    assert {"WINE"} <= {c.code for group in manager.hook.ruta_tax_classes() for c in group}
    core = build_plugin_manager(entry_points_from=None)  # media and reviews add fields too

    def product_fields(plugins: Any) -> set[str | None]:
        groups = plugins.hook.ruta_graphql_type_fields(type_name="Product")
        return {f.graphql_name for group in groups for f in group or ()}

    assert product_fields(manager) - product_fields(core) == {"carbonGrams"}


async def test_the_lifecycle_snippet_handles_a_redelivery_once(
        plugged: Any, loaded: list[types.ModuleType]) -> None:
    [lifecycle] = [m for m in loaded if hasattr(m, "PaidOrderNote")]
    table = lifecycle.PaidOrderNote.__table__
    async with plugged(lifecycle) as client:
        client: Client  # type: ignore[no-redef]
        async with client.runtime.db.engine.begin() as conn:
            await conn.run_sync(table.create)
        try:
            shop = await build(client)
            free = await client.product(shop.pt_token, "Free guide", kind="DIGITAL",
                                        price="0.00", digitalAsset="https://cdn.example/g.pdf")
            shop.variants["free"] = free[1]
            created = await checkout(client, {"free": 1}, shop, billingAddress={
                "firstName": "A", "lastName": "B", "streetAddress1": "Rua 1", "city": "Faro",
                "postalCode": "8000-138", "country": "PT"})
            done = await client.gql(COMPLETE, {"id": created["id"]})
            number = done["checkoutComplete"]["order"]["number"]
            assert client.runtime.dispatcher is not None
            await client.runtime.dispatcher.drain()
            name = client.runtime.plugins.get_name(lifecycle)
            async with client.runtime.db.write() as session:  # delivered again
                await session.execute(update(OutboxDelivery).where(
                    OutboxDelivery.plugin == name).values(status="pending"))
            await client.runtime.dispatcher.drain()
            async with client.runtime.db.read() as session:
                notes = (await session.execute(select(table.c.order_number))).scalars().all()
            assert notes == [str(number)]
        finally:
            async with client.runtime.db.engine.begin() as conn:
                await conn.run_sync(table.drop)


async def test_the_web_page_snippet_serves_a_page_that_asks_anonymous_visitors_to_sign_in(
        plugged: Any, loaded: list[types.ModuleType]) -> None:
    [pages] = [m for m in loaded if hasattr(m, "my_orders")]
    async with plugged(pages) as client:
        client: Client  # type: ignore[no-redef]
        response = await client.http.get("/my-shop/")
    assert response.status_code == 303
    assert response.headers["location"] == "/dashboard/login?next=/my-shop/"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
