"""The quickstart shows real messages: ``ruta serve --demo`` (a real server in a
subprocess, no SMTP configured), a demo checkout paid with the dummy gateway, then
``ruta mail list`` shows the buyer's confirmation and ``ruta mail show`` its text."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from engine import parent_watch
from tests.smtp_server import free_port

ADDRESS = {"firstName": "Ana", "lastName": "Silva", "streetAddress1": "Rua do Sol 1",
           "city": "Faro", "postalCode": "8000-138", "country": "PT"}


@pytest.fixture
def demo_server(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    port = free_port()
    env = {**os.environ, "RUTA_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'ruta.db'}",
           "RUTA_PUBLIC_URL": f"http://127.0.0.1:{port}"}
    env.pop(parent_watch.ENV, None)
    env.pop("RUTA_SMTP_URL", None)
    with (tmp_path / "serve.log").open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "engine.cli", "serve", "--demo", "--port", str(port)],
            cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        yield f"http://127.0.0.1:{port}", env
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def gql(base: str, query: str, variables: dict[str, Any], token: str | None = None) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    body = httpx.post(f"{base}/graphql", json={"query": query, "variables": variables},
                      headers=headers, timeout=30).json()
    assert not body.get("errors"), body
    return body["data"]


def ruta(env: dict[str, str], cwd: Path, *argv: str) -> str:
    done = subprocess.run([sys.executable, "-m", "engine.cli", *argv], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    return done.stdout


def test_a_demo_checkout_shows_up_in_ruta_mail_list(
        demo_server: tuple[str, dict[str, str]], tmp_path: Path) -> None:
    base, env = demo_server
    for _ in range(240):  # a loaded machine may take a while to migrate and seed
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    else:
        pytest.fail((tmp_path / "serve.log").read_text())
    token = gql(base, """mutation { tokenCreate(email: "customer@ruta.example",
        password: "ruta-demo") { token } }""", {})["tokenCreate"]["token"]
    products = gql(base, "{ products(first: 5, filter: {kind: DIGITAL}) { edges { node { "
                         "variants { id } } } } }", {})["products"]["edges"]
    variant = products[0]["node"]["variants"][0]["id"]
    checkout = gql(base, """mutation($i: CheckoutCreateInput!) { checkoutCreate(input: $i) {
        checkout { id } } }""", {"i": {"email": "customer@ruta.example", "languageCode": "ES",
                                       "lines": [{"variantId": variant, "quantity": 1}],
                                       "billingAddress": ADDRESS}}, token)
    order = gql(base, """mutation($id: ID!) { checkoutComplete(id: $id, paymentGateway:
        "dummy") { order { id number } } }""", {"id": checkout["checkoutCreate"]["checkout"][
        "id"]}, token)["checkoutComplete"]["order"]
    paid = gql(base, """mutation($id: ID!) { dummyPaymentConfirm(orderId: $id, succeed: true)
        { order { status } } }""", {"id": order["id"]}, token)
    assert paid["dummyPaymentConfirm"]["order"]["status"] == "PAID"
    wanted = f"Tu pedido {order['number']} está confirmado"
    for _ in range(60):  # delivered after commit by the server's dispatcher
        listed = ruta(env, tmp_path, "mail", "list")
        if wanted in listed:
            break
        time.sleep(0.5)
    line = next(row for row in listed.splitlines() if wanted in row)
    assert "mailbox" in line and "customer@ruta.example" in line
    shown = ruta(env, tmp_path, "mail", "show", line.split()[0])
    assert f"Subject: {wanted}" in shown and "/orders/view?token=" in shown
