"""A real fake Stripe for tests: ``localstripe`` (from PyPI) served on 127.0.0.1, plus the
Connect endpoints localstripe lacks (accounts, account links, transfers, reversals), added
to its aiohttp app here in the test code. Also serves a Ruta app on 127.0.0.1 so that
localstripe can deliver webhooks to it."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import stripe
import uvicorn
from aiohttp import web
from localstripe import server as localstripe_server
from localstripe.resources import PaymentIntent
from starlette.applications import Starlette

SECRET_KEY = "sk_test_ruta_localstripe"
WEBHOOK_SECRET = "whsec_ruta_test_secret"
_ids = itertools.count(1)


@dataclass
class Connect:
    """What the fake Connect endpoints received."""

    accounts: dict[str, dict[str, Any]] = field(default_factory=dict)
    transfers: dict[str, dict[str, Any]] = field(default_factory=dict)
    reversals: list[dict[str, Any]] = field(default_factory=list)
    fail_transfers: int = 0


CONNECT = Connect()


async def _form(request: web.Request) -> dict[str, Any]:
    return dict(await request.post())


async def _create_account(request: web.Request) -> web.Response:
    data = await _form(request)
    account_id = f"acct_fake{next(_ids)}"
    CONNECT.accounts[account_id] = data
    return web.json_response({"id": account_id, "object": "account", "payouts_enabled": False,
                              "country": data.get("country"), "email": data.get("email")})


async def _account_link(request: web.Request) -> web.Response:
    data = await _form(request)
    return web.json_response({"object": "account_link", "expires_at": int(time.time()) + 300,
                              "url": f"https://connect.example/setup/{data['account']}"})


async def _transfer(request: web.Request) -> web.Response:
    data = await _form(request)
    if CONNECT.fail_transfers > 0:
        CONNECT.fail_transfers -= 1
        return web.json_response({"error": {"type": "api_error", "message": "Try later"}},
                                 status=500)
    transfer_id = f"tr_fake{next(_ids)}"
    CONNECT.transfers[transfer_id] = {**data, "amount": int(data["amount"])}
    return web.json_response({"id": transfer_id, "object": "transfer",
                              "amount": int(data["amount"]), "currency": data["currency"],
                              "destination": data["destination"],
                              "transfer_group": data.get("transfer_group")})


async def _reversal(request: web.Request) -> web.Response:
    data = await _form(request)
    reversal = {"id": f"trr_fake{next(_ids)}", "object": "transfer_reversal",
                "transfer": request.match_info["id"], "amount": int(data["amount"])}
    CONNECT.reversals.append(reversal)
    return web.json_response(reversal)


def _accept_transfer_group() -> None:
    """localstripe refuses ``transfer_group`` on PaymentIntents (a Connect parameter): keep it
    as an attribute, as Stripe does."""
    original = PaymentIntent.__init__

    def init(self: Any, *args: Any, transfer_group: str | None = None, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self.transfer_group = transfer_group

    PaymentIntent.__init__ = init  # type: ignore[method-assign]


def _install_connect() -> web.Application:
    app = localstripe_server.app
    if not getattr(app, "_ruta_connect", False):
        _accept_transfer_group()
        app.router.add_post("/v1/accounts", _create_account)
        app.router.add_post("/v1/account_links", _account_link)
        app.router.add_post("/v1/transfers/{id}/reversals", _reversal)
        app.router.add_post("/v1/transfers", _transfer)
        app._ruta_connect = True  # type: ignore[attr-defined]
    return app


@asynccontextmanager
async def localstripe() -> AsyncIterator[str]:
    """Serve localstripe on a free loopback port; yields its base URL."""
    runner = web.AppRunner(_install_connect())
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


@asynccontextmanager
async def serve(app: Starlette) -> AsyncIterator[str]:
    """Serve a Ruta app on a free loopback port (so localstripe can post webhooks)."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning",
                                           lifespan="off"))
    task = asyncio.create_task(server.serve())
    for _ in range(1000):  # uvicorn offers no event to await for "started"
        if server.started:
            break
        await asyncio.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


def client(base: str) -> stripe.StripeClient:
    return stripe.StripeClient(SECRET_KEY, base_addresses={"api": base},
                               http_client=stripe.HTTPXClient())


def signed(event: dict[str, Any], *, secret: str = WEBHOOK_SECRET,
           timestamp: int | None = None) -> tuple[str, dict[str, str]]:
    """A webhook body and its ``Stripe-Signature`` header, as Stripe would send them."""
    payload = json.dumps(event)
    header = stripe.WebhookSignature.generate_signature_header(
        payload, secret, timestamp=timestamp or int(time.time()))
    return payload, {"Stripe-Signature": header, "Content-Type": "application/json"}


def event(type_: str, obj: dict[str, Any], *, created: int | None = None) -> dict[str, Any]:
    return {"id": f"evt_test{next(_ids)}", "object": "event", "type": type_,
            "created": created or int(time.time()), "api_version": "2024-06-20",
            "data": {"object": obj}, "livemode": False, "pending_webhooks": 0}
