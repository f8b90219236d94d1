"""Signed one-click unsubscribe links (RFC 8058): a JWT naming the user and the category,
checked without logging in. ``POST`` (what mail clients send) or a confirmed ``GET``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from engine.events.outbox import record as record_event
from engine.notifications.models import NotificationOptOut
from engine.notifications.spec import OPTIONAL_CATEGORIES
from engine.runtime import Runtime
from engine.settings import Settings

AUDIENCE = "ruta-unsubscribe"


def sign(settings: Settings, user_id: int, category: str) -> str:
    import jwt

    return jwt.encode({"sub": str(user_id), "cat": category, "aud": AUDIENCE},
                      settings.secret_key, algorithm="HS256")


def link(settings: Settings, user_id: int, category: str) -> str:
    base = settings.public_url.rstrip("/")
    return f"{base}/notifications/unsubscribe?token={sign(settings, user_id, category)}"


def verify(settings: Settings, token: str) -> tuple[int, str] | None:
    import jwt

    try:
        data = jwt.decode(token, settings.secret_key, algorithms=["HS256"], audience=AUDIENCE,
                          options={"require": ["sub", "aud"]})
        category = str(data["cat"])
        return (int(data["sub"]), category) if category in OPTIONAL_CATEGORIES else None
    except (jwt.PyJWTError, KeyError, TypeError, ValueError):
        return None


async def opt_out(runtime: Runtime, user_id: int, category: str) -> None:
    """Switch ``category`` off; the first time, record ``ruta_notification_unsubscribed``."""
    async with runtime.transaction() as session:
        values = {"user_id": user_id, "category": category}
        insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        done = await session.execute(
            insert(NotificationOptOut).values(**values).on_conflict_do_nothing())
        if getattr(done, "rowcount", 0) == 1:
            await record_event(session, runtime.plugins, "ruta_notification_unsubscribed",
                               user_id=user_id, category=category)


async def opt_in(runtime: Runtime, user_id: int, category: str) -> None:
    """Switch ``category`` on again (e.g. a member subscribing to announcements anew)."""
    async with runtime.db.write() as session:
        await session.execute(delete(NotificationOptOut).where(
            NotificationOptOut.user_id == user_id, NotificationOptOut.category == category))


FORM = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Unsubscribe</title></head>
<body><form method="post"><button type="submit">Unsubscribe / Darse de baja /
Cancelar subscrição</button></form></body></html>"""


def endpoint(runtime: Runtime) -> Callable[[Request], Awaitable[Response]]:
    async def unsubscribe(request: Request) -> Response:
        found = verify(runtime.settings, request.query_params.get("token", ""))
        if found is None:
            return JSONResponse({"error": "This link is invalid.", "code": "INVALID_TOKEN"},
                                403)
        if request.method == "GET":  # link scanners must not unsubscribe anyone
            return HTMLResponse(FORM)
        await opt_out(runtime, *found)
        return JSONResponse({"unsubscribed": found[1]})

    return unsubscribe
