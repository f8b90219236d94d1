"""HTTP pieces of the ``/graphql`` wrapper: answers, ETags, replayed request bodies."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from starlette.requests import Request
from starlette.types import Message, Receive, Send


def json_bytes(data: Any) -> bytes:
    return json.dumps(data, separators=(",", ":")).encode()


def language(request: Request) -> str:
    accept = request.headers.get("accept-language", "")
    return accept.split(",", 1)[0].split("-", 1)[0].strip().lower()[:8]


def etag_matches(header: str | None, etag: str) -> bool:
    if not header:
        return False
    return any(tag.strip().removeprefix("W/") == etag for tag in header.split(",")) \
        or header.strip() == "*"


async def send_answer(send: Send, status: int, body: bytes, headers: Mapping[str, str]) -> None:
    raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    raw.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


def replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return {"type": "http.disconnect"}

    return receive


async def graphql_params(request: Request) -> dict[str, Any] | None:
    """The request's GraphQL parameters, or None to let strawberry handle it as is."""
    try:
        if request.method == "GET":
            params = request.query_params
            if "query" not in params and "extensions" not in params:
                return None
            return {"query": params.get("query"), "operationName": params.get("operationName"),
                    "variables": json.loads(params.get("variables") or "null"),
                    "extensions": json.loads(params.get("extensions") or "null")}
        if request.method != "POST" or \
                "application/json" not in request.headers.get("content-type", ""):
            return None
        data = json.loads(await request.body())
    except ValueError:
        return None
    return data if isinstance(data, dict) else None
