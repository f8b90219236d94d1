"""``ruta mail list [--failed]`` and ``ruta mail show ID``: read the stored e-mails (the
built-in mailbox in development and demo mode, and the delivery state of every message)."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from engine.notifications.models import Notification
from engine.runtime import Runtime


async def _list(runtime: Runtime, failed: bool, limit: int) -> list[Notification]:
    query = select(Notification).where(Notification.email.is_not(None))
    if failed:
        query = query.where(Notification.email_status == "failed")
    async with runtime.db.read() as session:
        rows = list(await session.scalars(query.order_by(Notification.id.desc()).limit(limit)))
    return rows[::-1]


async def _get(runtime: Runtime, notification_id: int) -> Notification | None:
    async with runtime.db.read() as session:
        return await session.get(Notification, notification_id)


def _run(build_runtime: Callable[[], Runtime], work: Callable[[Runtime], Any]) -> Any:
    runtime = build_runtime()

    async def go() -> Any:
        try:
            return await work(runtime)
        finally:
            await runtime.db.dispose()

    return asyncio.run(go())


def add(subparsers: Any, build_runtime: Callable[[], Runtime]) -> None:
    mail = subparsers.add_parser("mail", help="read stored e-mails (the built-in mailbox)")
    actions = mail.add_subparsers(dest="mail_command", required=True)
    listing = actions.add_parser("list", help="the latest e-mails, oldest first")
    listing.add_argument("--failed", action="store_true", help="only e-mails that failed")
    listing.add_argument("--limit", type=int, default=50)

    def list_command(args: argparse.Namespace) -> int:
        rows = _run(build_runtime, lambda rt: _list(rt, args.failed, args.limit))
        for note in rows:
            print(f"{note.id:>6}  {note.created_at:%Y-%m-%d %H:%M}  {note.email_status:<8} "
                  f"{note.language}  {note.email}  {note.subject}"
                  + (f"  [{note.last_error}]" if note.last_error else ""))
        if not rows:
            print("No e-mails.")
        return 0

    listing.set_defaults(func=list_command)
    show = actions.add_parser("show", help="one e-mail: headers, text and attachments")
    show.add_argument("id", type=int)
    show.add_argument("--html", action="store_true", help="print the HTML part instead")

    def show_command(args: argparse.Namespace) -> int:
        note = _run(build_runtime, lambda rt: _get(rt, args.id))
        if note is None or note.email is None:
            print(f"ruta: no e-mail {args.id}")
            return 1
        print(f"To: {note.email}\nSubject: {note.subject}\nLanguage: {note.language}\n"
              f"Type: {note.type}\nStatus: {note.email_status} (attempts: {note.attempts})")
        for item in note.attachments or ():
            print(f"Attachment: {item['filename']} ({item['content_type']})")
        print()
        print(note.body_html if args.html else note.body_text)
        return 0

    show.set_defaults(func=show_command)
