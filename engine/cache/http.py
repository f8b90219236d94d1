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
