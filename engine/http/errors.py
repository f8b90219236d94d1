"""Error responses written by the HTTP layer itself, in the shape each endpoint speaks.

``/graphql`` answers in the GraphQL-over-HTTP shape (``{"errors": [{message, extensions:
{code}}]}``) so that GraphQL clients show the message; every other endpoint answers
``{"error": message, "code": code}`` like the webhook and download endpoints do.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import Send

GRAPHQL_PATH = "/graphql"


def error_body(path: str, code: str, message: str, **extra: Any) -> bytes:
    if path.rstrip("/") == GRAPHQL_PATH:
        payload: dict[str, Any] = {
            "data": None,
            "errors": [{"message": message, "extensions": {"code": code, **extra}}]}
    else:
        payload = {"error": message, "code": code, **extra}
    return json.dumps(payload, separators=(",", ":")).encode()


async def send_error(send: Send, path: str, status: int, code: str, message: str, *,
                     headers: tuple[tuple[bytes, bytes], ...] = (), **extra: Any) -> None:
    """Send a complete JSON error response (the response must not have started)."""
    body = error_body(path, code, message, **extra)
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()), *headers]})
    await send({"type": "http.response.body", "body": body})
