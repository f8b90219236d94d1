"""Check-in at the door: ``check_in(secret, list_id, nonce, direction)``; ``secret`` may
also be the ticket's short door code, typed on a phone.

A scan is answered from the ticket's signature, the registration's status and the list's
trail for that registration. The registration row is locked (``FOR UPDATE``; SQLite's
``BEGIN IMMEDIATE`` serialises writers) so two doors scanning one ticket at once give one
entry and one ``ALREADY_CHECKED_IN``. The device's ``nonce`` is unique: a resent scan gets
the stored answer and makes no second check-in.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import NotFound, Runtime, ValidationError
from plugins.programme import tickets
from plugins.programme.event_models import Checkin, CheckinList, Registration

ENTRY, EXIT = "ENTRY", "EXIT"


@dataclass(frozen=True)
class Scan:
    ok: bool
    reason: str | None  # INVALID_SIGNATURE UNKNOWN_TICKET WRONG_EVENT REVOKED ...
    registration_id: int | None
    direction: str


def _answer(row: Checkin) -> Scan:
    return Scan(row.ok, row.reason, row.registration_id, row.direction)


async def _decide(session: AsyncSession, clist: CheckinList, secret: str, direction: str,
                  public_key: str) -> tuple[int | None, str | None]:
    claim = tickets.verify(public_key, secret)
    if claim is None:
        return None, "INVALID_SIGNATURE"
    registration = await session.scalar(
        select(Registration).where(Registration.id == claim.registration_id).with_for_update())
    if registration is None:
        return None, "UNKNOWN_TICKET"
    if registration.event_id != clist.event_id or claim.event_id != clist.event_id:
        return registration.id, "WRONG_EVENT"
    if registration.status != "CONFIRMED":
        return registration.id, "REVOKED"
    last = await session.scalar(
        select(Checkin.direction)
        .where(Checkin.list_id == clist.id, Checkin.registration_id == registration.id,
               Checkin.ok.is_(True))
        .order_by(Checkin.id.desc()).limit(1))
    if direction == EXIT:
        if not clist.allow_exit:
            return registration.id, "EXIT_NOT_ALLOWED"
        return registration.id, None if last == ENTRY else "NOT_INSIDE"
    if last == ENTRY or (last == EXIT and not clist.allow_exit):
        return registration.id, "ALREADY_CHECKED_IN"
    return registration.id, None


async def _secret_of(session: AsyncSession, secret_key: str, typed: str) -> str:
    """A typed door code stands for its registration's signed secret; anything else is
    taken as the secret itself."""
    registration_id = tickets.registration_of_code(secret_key, typed)
    if registration_id is None:
        return typed
    registration = await session.get(Registration, registration_id)
    if registration is None:
        return typed
    return tickets.sign(secret_key, registration.id, registration.event_id)


async def check_in(runtime: Runtime, secret: str, list_id: int, nonce: str,
                   direction: str = ENTRY) -> Scan:
    if not 8 <= len(nonce) <= 64:
        raise ValidationError("nonce", "INVALID", "The nonce must be 8 to 64 characters.")
    public_key = tickets.public_key_b64(runtime.settings.secret_key)
    try:
        async with runtime.db.write() as session:
            clist = await session.get(CheckinList, list_id)
            if clist is None:
                raise NotFound("listId", "No such check-in list.")
            secret = await _secret_of(session, runtime.settings.secret_key, secret)
            registration_id, reason = await _decide(session, clist, secret, direction,
                                                    public_key)
            seen = await session.scalar(select(Checkin).where(Checkin.nonce == nonce))
            if seen is not None:
                return _answer(seen)
            row = Checkin(list_id=list_id, registration_id=registration_id, nonce=nonce,
                          direction=direction, ok=reason is None, reason=reason)
            session.add(row)
            await session.flush()
            return _answer(row)
    except IntegrityError:  # the same nonce committed concurrently: return its answer
        async with runtime.db.read() as session:
            stored = await session.scalar(select(Checkin).where(Checkin.nonce == nonce))
        if stored is None:
            raise
        return _answer(stored)


async def inside_count(runtime: Runtime, list_id: int) -> tuple[int, int]:
    """(people inside now, people checked in at least once) on the list."""
    async with runtime.db.read() as session:
        last_ids = (select(func.max(Checkin.id).label("id"))
                    .where(Checkin.list_id == list_id, Checkin.ok.is_(True))
                    .group_by(Checkin.registration_id).subquery())
        inside = await session.scalar(
            select(func.count()).select_from(Checkin)
            .join(last_ids, last_ids.c.id == Checkin.id).where(Checkin.direction == ENTRY))
        ever = await session.scalar(
            select(func.count(func.distinct(Checkin.registration_id)))
            .where(Checkin.list_id == list_id, Checkin.ok.is_(True)))
    return int(inside or 0), int(ever or 0)
