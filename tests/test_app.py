"""The app as an operator deploys it: health, settings, production hardening, limits."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

import engine.catalog.queries as queries
from engine import __all__ as public_names
from engine import create_app
from engine.settings import DEFAULT_SECRET_KEY, Settings, SettingsError, settings_from_env
from tests.client import Client

STRONG = "k" * 40


async def get(app: Starlette, path: str, **kwargs: Any) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        return await http.get(path, **kwargs)


def test_public_surface_is_small_and_stable() -> None:
    assert sorted(public_names) == ["__version__", "create_app", "hookimpl"]


async def test_health_is_200_with_a_database_and_503_without(app: Starlette) -> None:
    ok = await get(app, "/health")
    assert (ok.status_code, ok.json()) == (200, {"status": "ok"})
    broken = create_app(Settings(database_url="sqlite+aiosqlite:////nonexistent/dir/x.db",
                                 secret_key=STRONG))
    down = await get(broken, "/health")
    assert (down.status_code, down.json()) == (503, {"status": "unavailable"})


def test_settings_come_from_the_environment() -> None:
    settings = settings_from_env({
        "RUTA_DATABASE_URL": "postgresql+asyncpg://u@h/db",
        "RUTA_CORS_ORIGINS": "https://a.es, https://b.pt",
        "RUTA_ACCESS_TOKEN_TTL": "60", "RUTA_SUPPORTED_COUNTRIES": "es,pt,fr",
        "RUTA_DEFAULT_COMMISSION_RATE": "0.08"})
    assert settings.database_url == "postgresql+asyncpg://u@h/db"
    assert settings.cors_origins == ("https://a.es", "https://b.pt")
    assert settings.access_token_ttl == 60
    assert settings.supported_countries == ("ES", "PT", "FR")
    assert str(settings.default_commission_rate) == "0.08"
    assert settings_from_env({}).database_url == "sqlite+aiosqlite:///ruta.db"


@pytest.mark.parametrize("env", [
    {"RUTA_MODE": "production"},
    {"RUTA_MODE": "production", "RUTA_SECRET_KEY": DEFAULT_SECRET_KEY},
    {"RUTA_MODE": "production", "RUTA_SECRET_KEY": "short"},
    {"RUTA_MODE": "production", "RUTA_SECRET_KEY": STRONG, "RUTA_DEBUG": "1"},
    {"RUTA_MODE": "staging"},
    {"RUTA_ACCESS_TOKEN_TTL": "soon"},
    {"RUTA_DEFAULT_COMMISSION_RATE": "1.5"},
])
def test_unsafe_configurations_are_refused(env: dict[str, str]) -> None:
    with pytest.raises(SettingsError):
        settings_from_env(env)


def test_production_accepts_a_real_secret() -> None:
    settings = settings_from_env({"RUTA_MODE": "production", "RUTA_SECRET_KEY": STRONG})
    assert settings.is_production and not settings.graphiql


async def test_production_has_no_graphiql_no_suggestions_and_masks_errors(
        database_url: str) -> None:
    production = create_app(Settings(mode="production", secret_key=STRONG,
                                     database_url=database_url))
    page = await get(production, "/graphql", headers={"accept": "text/html"})
    assert "graphiql" not in page.text.lower()
    async with Client(production) as client:
        body = await client.raw("{ produts(first: 1) { totalCount } }")
        assert "Did you mean" not in body["errors"][0]["message"]
    development = create_app(Settings(secret_key=STRONG, database_url=database_url))
    page = await get(development, "/graphql", headers={"accept": "text/html"})
    assert "graphiql" in page.text.lower()
    async with Client(development) as client:
        body = await client.raw("{ produts(first: 1) { totalCount } }")
        assert "Did you mean 'products'" in body["errors"][0]["message"]


async def test_unexpected_exceptions_are_masked_but_engine_errors_are_not(
        database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    async def explode(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("password=hunter2 in a stack trace")

    monkeypatch.setattr(queries, "list_products", explode)
    app = create_app(Settings(mode="production", secret_key=STRONG, database_url=database_url))
    async with Client(app) as client:
        body = await client.raw("{ products(first: 1) { totalCount } }")
        assert body["errors"][0]["message"] == "Unexpected error."
        refused = await client.raw('{ product(id: "bad") { id } }')
        assert refused["errors"][0]["extensions"]["code"] == "INVALID_ID"


async def test_depth_alias_and_token_limits(client: Client) -> None:
    deep = "{ products(first: 1) { edges { node { vendor { products(first: 1) { edges { node {" \
           " vendor { products(first: 1) { edges { node { name } } } } } } } } } } } }"
    body = await client.raw(deep)
    assert "exceeds maximum operation depth" in body["errors"][0]["message"]
    aliases = "{ " + " ".join(f"a{i}: me {{ id }}" for i in range(40)) + " }"
    body = await client.raw(aliases)
    assert "aliases" in body["errors"][0]["message"].lower()
    tokens = "{ " + " ".join("__typename" for _ in range(6000)) + " }"
    body = await client.raw(tokens)
    assert "token" in body["errors"][0]["message"].lower()
