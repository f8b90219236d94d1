"""A third-party plugin, installed as its own distribution, extends Ruta through hooks only.

``examples/third_party_plugin`` (distribution ``ruta-product-audit``) is registered solely
through the ``ruta.plugins`` entry point; the test environment installs it with
``pip install -e examples/third_party_plugin``. It brings a model and its own Alembic branch,
lifecycle hooks that write to its table, a field on the core ``Product`` type and a root
query field.

The app with the plugin runs on the session's database, which the session runtime migrated
with Ruta's own plugins only: ``all_plugins`` adds the plugin's branch first, and the plugin's
table is emptied after each test. Nothing here imports the plugin's package: the plugin
manager loads it from the entry point, as in production.
"""

from __future__ import annotations

import tempfile
from collections.abc import AsyncIterator
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from typing import Any

import pluggy
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Table, inspect, select, text, update
from sqlalchemy.engine import Connection

from engine.api.schema import build_schema
from engine.app import build_runtime, create_app
from engine.db.base import Base
from engine.db.database import Database
from engine.db.migrate import upgrade
from engine.events.models import OutboxDelivery
from engine.plugins.manager import ENTRY_POINT_GROUP, build_plugin_manager, plugin_names
from engine.runtime import Runtime
from engine.settings import Settings
from engine.testing.client import PASSWORD
from tests.client import Client
from tests.web_browser import Browser

DISTRIBUTION = "ruta-product-audit"
PLUGIN = "product_audit"
TABLE = "product_audit_entry"
REVISION = "product_audit_0002"  # the branch head
INSTALL = "pip install -e examples/third_party_plugin"

TRAIL = """query($id: ID!, $last: Int! = 20) { product(id: $id) {
  auditTrail(last: $last) { id event productId vendorId recordedAt } } }"""
ENTRIES = """query($first: Int!) { productAuditEntries(first: $first) {
  event productId vendorId } }"""
PRODUCT_UPDATE = """mutation($id: ID!, $i: ProductUpdateInput!) {
  productUpdate(id: $id, input: $i) { product { id } errors { field code message } } }"""
PRODUCT_DELETE = """mutation($id: ID!) { productDelete(id: $id) {
  errors { field code message } } }"""


def plugin_entry_point() -> EntryPoint:
    found = [ep for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.name == PLUGIN]
    if not found:
        pytest.fail(f"the example plugin is not installed: run `{INSTALL}`")
    [ep] = found
    return ep


@pytest.fixture
async def all_plugins(runtime: Runtime) -> pluggy.PluginManager:
    """Every installed plugin; the session database gets the plugin's Alembic branch."""
    plugin_entry_point()
    plugins = build_plugin_manager(entry_points_from="all")
    await upgrade(runtime.db, plugins)
    return plugins


@pytest.fixture
async def audited(runtime: Runtime, all_plugins: pluggy.PluginManager) -> AsyncIterator[Client]:
    """A client of an app with every installed plugin, on the session's database."""
    rt = build_runtime(runtime.settings, all_plugins)
    try:
        async with Client(create_app(runtime=rt)) as client:
            yield client
        assert rt.dispatcher is not None
        await rt.dispatcher.drain()
    finally:
        async with rt.db.write() as session:
            await session.execute(plugin_table().delete())
        await rt.db.dispose()


def plugin_table() -> Table:
    return Base.metadata.tables[TABLE]


async def delivered(client: Client) -> int:
    assert client.runtime.dispatcher is not None
    return await client.runtime.dispatcher.drain()


async def trail(client: Client, product_id: str, last: int = 20) -> list[dict[str, Any]]:
    data = await client.gql(TRAIL, {"id": product_id, "last": last})
    entries: list[dict[str, Any]] = data["product"]["auditTrail"]
    return entries


# --- installation and registration --------------------------------------------------------


def test_the_plugin_is_a_separate_distribution_registered_by_entry_point() -> None:
    ep = plugin_entry_point()
    assert ep.value == "ruta_product_audit.plugin"
    assert ep.dist is not None and ep.dist.name == DISTRIBUTION
    assert PLUGIN not in plugin_names(build_plugin_manager(entry_points_from="ruta"))
    assert PLUGIN not in plugin_names(build_plugin_manager(entry_points_from="all",
                                                           disabled=[PLUGIN]))


async def test_every_installed_plugin_includes_the_example(
        all_plugins: pluggy.PluginManager) -> None:
    assert PLUGIN in plugin_names(all_plugins)
    plugin = all_plugins.get_plugin(PLUGIN)
    assert getattr(plugin, "__name__", None) == "ruta_product_audit.plugin"
    assert [model.__table__.name for model in plugin.ruta_models()] == [TABLE]


# --- migrations ---------------------------------------------------------------------------


async def test_upgrade_adds_the_plugin_branch_matching_its_model(
        runtime: Runtime, all_plugins: pluggy.PluginManager) -> None:
    def state(connection: Connection) -> tuple[set[str], set[str], list[Any]]:
        tables = set(inspect(connection).get_table_names())
        heads = {row[0] for row in connection.execute(
            text("SELECT version_num FROM alembic_version"))}
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = [d for d in compare_metadata(context, Base.metadata) if TABLE in repr(d)]
        return tables, heads, diff

    async with runtime.db.engine.connect() as conn:
        tables, heads, diff = await conn.run_sync(state)
    assert TABLE in tables
    assert REVISION in heads  # Alembic keeps only heads: the plugin's depends on the core's
    assert diff == [], "the plugin's model and its migration differ:\n" + "\n".join(
        map(repr, diff))


async def test_a_new_database_gets_the_core_and_the_plugin_in_one_upgrade(
        all_plugins: pluggy.PluginManager) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite+aiosqlite:///{Path(tmp) / 'fresh.db'}")
        try:
            await upgrade(db, all_plugins)
            async with db.engine.connect() as conn:
                tables = await conn.run_sync(lambda c: set(inspect(c).get_table_names()))
                heads = set((await conn.execute(
                    text("SELECT version_num FROM alembic_version"))).scalars())
        finally:
            await db.dispose()
    assert {TABLE, "catalog_product", "outbox_event"} <= tables
    assert REVISION in heads  # Alembic keeps only heads: the plugin's depends on the core's


# --- lifecycle hooks and GraphQL ----------------------------------------------------------


async def test_product_changes_are_recorded_and_shown_on_the_product(audited: Client) -> None:
    token, vendor_id = await audited.vendor("audit@example.com", "Audited")
    product_id, _ = await audited.product(token, "Olive oil")  # the product, then a variant
    await delivered(audited)

    entries = await trail(audited, product_id)
    assert [e["event"] for e in entries] == ["CREATED", "UPDATED"]
    assert {(e["productId"], e["vendorId"]) for e in entries} == {(product_id, vendor_id)}
    assert entries[0]["recordedAt"] <= entries[1]["recordedAt"]
    assert len({e["id"] for e in entries}) == 2

    renamed = await audited.gql(PRODUCT_UPDATE, {"id": product_id, "i": {"name": "Oil"}},
                                token)
    assert renamed["productUpdate"]["errors"] == []
    await delivered(audited)
    assert [e["event"] for e in await trail(audited, product_id)] == [
        "CREATED", "UPDATED", "UPDATED"]
    assert [e["event"] for e in await trail(audited, product_id, last=1)] == ["UPDATED"]
    assert await trail(audited, product_id, last=0) == []


async def test_the_trail_of_many_products_is_loaded_in_one_query(audited: Client) -> None:
    token, _ = await audited.vendor("many@example.com", "Many")
    for name in ("Bread", "Wine", "Cheese"):
        await audited.product(token, name)
    await delivered(audited)
    data = await audited.gql("""{ products(first: 10) { edges { node { name
        auditTrail(last: 1) { event } } } } }""")
    assert [(edge["node"]["name"], edge["node"]["auditTrail"])
            for edge in data["products"]["edges"]] == [
        (name, [{"event": "UPDATED"}]) for name in ("Bread", "Wine", "Cheese")]


async def test_a_redelivered_event_does_not_fail_or_duplicate_once_only_events(
        audited: Client) -> None:
    token, _ = await audited.vendor("again@example.com", "Again")
    product_id, _ = await audited.product(token, "Honey")
    await delivered(audited)
    async with audited.runtime.db.write() as session:  # at-least-once: deliver everything again
        await session.execute(update(OutboxDelivery).where(OutboxDelivery.plugin == PLUGIN)
                              .values(status="pending"))
    assert await delivered(audited) >= 2  # nothing woke the dispatcher: all run here
    async with audited.runtime.db.read() as session:
        statuses = set((await session.execute(
            select(OutboxDelivery.status).where(OutboxDelivery.plugin == PLUGIN))).scalars())
    assert statuses == {"delivered"}
    events = [e["event"] for e in await trail(audited, product_id)]
    assert events.count("CREATED") == 1


async def test_operators_list_every_change_including_deletions(audited: Client) -> None:
    token, vendor_id = await audited.vendor("gone@example.com", "Gone")
    product_id, _ = await audited.product(token, "Soap")
    deleted = await audited.gql(PRODUCT_DELETE, {"id": product_id}, token)
    assert deleted["productDelete"]["errors"] == []
    await delivered(audited)
    operator = await audited.operator("auditor@example.com")
    data = await audited.gql(ENTRIES, {"first": 2}, operator)
    assert data["productAuditEntries"] == [
        {"event": "DELETED", "productId": product_id, "vendorId": vendor_id},
        {"event": "UPDATED", "productId": product_id, "vendorId": vendor_id}]

    for who, code in ((None, "UNAUTHENTICATED"), (token, "PERMISSION_DENIED")):
        body = await audited.raw(ENTRIES, {"first": 2}, who)
        assert body["data"] is None
        assert [e["extensions"]["code"] for e in body["errors"]] == [code]
    too_many = await audited.raw(ENTRIES, {"first": 101}, operator)
    assert too_many["errors"][0]["extensions"]["code"] == "INVALID"


async def test_only_apps_with_the_plugin_have_its_fields(
        client: Client, all_plugins: pluggy.PluginManager) -> None:
    settings = Settings()
    with_plugin = build_schema(all_plugins, settings).as_str()
    core_only = build_schema(build_plugin_manager(entry_points_from="ruta"), settings).as_str()
    assert "auditTrail(last: Int! = 20): [ProductAuditEntry!]!" in with_plugin
    assert "productAuditEntries(first: Int!): [ProductAuditEntry!]!" in with_plugin
    for name in ("auditTrail", "productAuditEntries", "ProductAuditEntry", "ProductAuditEvent"):
        assert name not in core_only
    # the session's app (Ruta's own plugins) refuses the field
    body = await client.raw("{ products(first: 1) { edges { node { auditTrail { event } } } } }")
    assert "auditTrail" in body["errors"][0]["message"]


# --- a web page through ruta_web_routes -------------------------------------------------


async def test_the_plugin_adds_a_web_page_that_uses_the_api_permissions(
        audited: Client) -> None:
    token, _ = await audited.vendor("audit-web@example.com", "Audited web")
    await audited.product(token, "Olive oil")
    await delivered(audited)
    await audited.operator("audit-op@example.com")
    async with Browser(audited.app) as browser:
        anonymous = await browser.get("/product-audit/")
        assert anonymous.status_code == 403
        assert "frame-ancestors 'none'" in anonymous.headers["content-security-policy"]
        await browser.login("audit-op@example.com", PASSWORD)
        page = await browser.get("/product-audit/")
        assert page.status_code == 200
        assert page.text.count("<tr>") == 1 + 2  # the header and two entries
        assert "CREATED" in page.text
