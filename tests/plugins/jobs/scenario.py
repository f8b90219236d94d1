"""Scenario helpers the jobs tests share: skills, offers, profiles, applications, events."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from engine.events.models import OutboxEvent
from tests.client import Client

ERR = "errors { field code message }"
OFFER_FIELDS = "id title status postalCode remote contractType languages skills closesOn"
SKILL = f"""mutation($c: String!, $l: JobTranslatedTextInput!) {{ jobSkillCreate(code: $c,
  labels: $l) {{ skill {{ code }} {ERR} }} }}"""
CREATE = f"""mutation($i: JobOfferInput!) {{ jobOfferCreate(input: $i) {{
  offer {{ {OFFER_FIELDS} }} {ERR} }} }}"""
STATUS = f"""mutation($id: ID!, $s: String!) {{ jobOfferSetStatus(id: $id, status: $s) {{
  offer {{ id status }} {ERR} }} }}"""
OFFERS = f"""query($f: JobOfferFilter) {{ jobOffers(filter: $f, first: 50) {{ totalCount
  edges {{ node {{ {OFFER_FIELDS} }} }} }} }}"""
PROFILE = f"""mutation($i: CandidateProfileInput!, $u: ID) {{ candidateProfileSave(input: $i,
  userId: $u) {{ profile {{ id displayName skills workPermit hasCv }} {ERR} }} }}"""
APPLY = f"""mutation($o: ID!, $m: String) {{ jobApply(offerId: $o, language: "ES",
  message: $m) {{ application {{ id status }} {ERR} }} }}"""
MOVE = f"""mutation($id: ID!, $s: String!, $m: String) {{ jobApplicationSetStatus(id: $id,
  status: $s, message: $m) {{ application {{ id status history {{ fromStatus toStatus
  message }} }} {ERR} }} }}"""
ME = "query { me { id } }"


def later(days: int = 30) -> str:
    return (date.today() + timedelta(days=days)).isoformat()


async def skills(client: Client, op: str, *codes: str) -> None:
    for code in codes:
        data = await client.gql(SKILL, {"c": code, "l": {"en": code.title()}}, op)
        assert data["jobSkillCreate"]["errors"] == [], data


def offer_input(title: str = "Camarero de sala", **extra: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "title": {"es": title}, "description": {"es": f"{title}: jornada completa."},
        "country": "ES", "postalCode": "21001", "contractType": "PERMANENT",
        "hoursPerWeek": 40, "salaryMin": "18000", "salaryMax": "21000",
        "languages": ["ES"], "skills": [], "closesOn": later()}
    values.update(extra)
    return values


async def offer(client: Client, token: str, *, publish: bool = True, **extra: Any) -> str:
    data = await client.gql(CREATE, {"i": offer_input(**extra)}, token)
    assert data["jobOfferCreate"]["errors"] == [], data
    offer_id: str = data["jobOfferCreate"]["offer"]["id"]
    if publish:
        done = await client.gql(STATUS, {"id": offer_id, "s": "PUBLISHED"}, token)
        assert done["jobOfferSetStatus"]["errors"] == [], done
    return offer_id


async def user_id(client: Client, token: str) -> str:
    found: str = (await client.gql(ME, token=token))["me"]["id"]
    return found


async def candidate(client: Client, email: str, *, skills_: list[str] | None = None,
                    languages: list[dict[str, str]] | None = None, permit: str = "YES",
                    postal: str = "21001") -> str:
    token = await client.register(email)
    data = await client.gql(PROFILE, {"i": {
        "displayName": email.split("@")[0].title(), "skills": skills_ or [],
        "languages": languages or [{"code": "ES", "level": "NATIVE"}], "workPermit": permit,
        "postalCode": postal}}, token)
    assert data["candidateProfileSave"]["errors"] == [], data
    return token


async def apply(client: Client, token: str, offer_id: str) -> str:
    data = await client.gql(APPLY, {"o": offer_id, "m": "Hola"}, token)
    assert data["jobApply"]["errors"] == [], data
    found: str = data["jobApply"]["application"]["id"]
    return found


async def events(client: Client, hook: str) -> list[dict[str, Any]]:
    async with client.runtime.db.read() as session:
        rows = await session.scalars(select(OutboxEvent).where(OutboxEvent.hook == hook)
                                     .order_by(OutboxEvent.id))
        return [dict(r.payload) for r in rows]
