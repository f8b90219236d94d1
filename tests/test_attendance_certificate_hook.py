"""``ruta_attendance_certificate``: any plugin may issue certificates of attendance; the
programme plugin asks through the core hook only, so with no plugin answering nothing is
issued, and another issuer than e-learning gets exactly the attendees checked in."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from engine.plugins.api import (
    IssuedCertificate,
    Runtime,
    decode_id,
    gather_hook,
    hookimpl,
    utcnow,
)
from plugins.programme import hooks as programme
from tests.plugins.programme.test_attendance_certificates import ISSUE, ORGANISER, TITLE, scene


class Registry:
    """Another issuer: records what it is asked and certifies each reference once."""

    def __init__(self) -> None:
        self.asked: list[tuple[int, str, str, date, str]] = []
        self.issued: dict[tuple[int, str], datetime] = {}

    @hookimpl
    async def ruta_attendance_certificate(self, runtime: Runtime, user_id: int, reference: str,
                                          title: str, attended_on: date,
                                          organiser: str) -> IssuedCertificate:
        self.asked.append((user_id, reference, title, attended_on, organiser))
        new = (user_id, reference) not in self.issued
        at = self.issued.setdefault((user_id, reference), utcnow())
        return IssuedCertificate(credential_id=f"REG-{user_id}", verify_url="https://r.example",
                                 issued_at=at, new=new)


async def test_no_plugin_answers_with_no_issuer_installed(plugged: Any) -> None:
    async with plugged(core_only=True) as client:
        answers = await gather_hook(client.runtime.plugins.hook.ruta_attendance_certificate,
                                    runtime=client.runtime, user_id=1, reference="x:1",
                                    title="Workshop", attended_on=date(2026, 12, 1),
                                    organiser="Council")
    assert answers == []


async def test_the_programme_issues_nothing_when_no_plugin_issues_certificates(
        plugged: Any) -> None:
    async with plugged(programme, core_only=True) as client:
        s = await scene(client)
        data = await client.gql(ISSUE, {"e": s.event_id}, s.door)
    assert data["programmeAttendanceCertificatesIssue"] == {"issued": 0, "errors": []}


async def test_any_issuer_gets_the_checked_in_attendees_once(plugged: Any) -> None:
    registry = Registry()
    async with plugged(programme, registry, core_only=True) as client:
        s = await scene(client)
        first = await client.gql(ISSUE, {"e": s.event_id}, s.door)
        second = await client.gql(ISSUE, {"e": s.event_id}, s.door)
    assert first["programmeAttendanceCertificatesIssue"]["issued"] == 2
    assert second["programmeAttendanceCertificatesIssue"]["issued"] == 0
    assert len(registry.issued) == 2 and len(registry.asked) == 4
    assert {(title, organiser) for _, _, title, _, organiser in registry.asked} == {
        (TITLE, ORGANISER)}
    assert {reference for _, reference, *_ in registry.asked} == {
        f"programme-event:{decode_id(s.event_id, 'ProgrammeEvent')}"}
