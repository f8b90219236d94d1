"""GDPR: ``accountDataExport`` holds the user's orders, enrolments, bookings and notes (the
plugins' parts through ``ruta_account_export``); ``accountDelete`` leaves no personal data
in any table (core and plugins, outbox payloads included) or stored file, while the order
and its invoice remain and the invoice chain still verifies."""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jwt
from sqlalchemy import MetaData, select

from engine import hookimpl
from engine.accounts.models import User
from engine.orders.models import Order
from plugins.elearning.models import Certificate
from plugins.iberia.invoice_chain import verify
from plugins.iberia.models import Invoice
from tests.client import PASSWORD, Client
from tests.plugins.elearning.test_certificates import REVOKE, certified, check, tampered
from tests.plugins.elearning.test_courses import academy, ok
from tests.plugins.elearning.test_enrolment import COMPLETE, CREATE, PAID, drain
from tests.plugins.mentoring.test_bookings import soon
from tests.plugins.mentoring.test_profiles import BOOK, SCHEDULE, make_expert, offering
from tests.plugins.mentoring.test_relationship import NOTE, REQUEST, RESPOND

EMAIL = "zoe.quillbright@example.com"
NAME = "Zoe Quillbright"
ADDRESS = {"firstName": "Zoe", "lastName": "Quillbright",
           "streetAddress1": "Calle Zafiro Imaginaria 77", "city": "Villazafiro",
           "postalCode": "41001", "country": "ES"}
PERSONAL = ("quillbright", "zafiro imaginaria", "villazafiro")
EXPORT = "mutation { accountDataExport { data errors { code } } }"
DELETE = """mutation($p: String!) { accountDelete(password: $p) { ok errors { field code } } }"""
NAME_UPDATE = """mutation($n: String!) { accountUpdate(input: { name: $n }) { errors { code } } }"""


@dataclass
class Story:
    token: str
    user_id: int


async def live(client: Client) -> Story:
    """Zoe buys a course (billing address, paid: invoice and enrolment), books a free
    mentoring session, has a mentorship and writes a note naming herself."""
    a = await academy(client)
    zoe = await client.register(EMAIL)
    await ok(client, NAME_UPDATE, {"n": NAME}, zoe, "accountUpdate")
    created = await ok(client, CREATE, {"i": {
        "email": EMAIL, "billingAddress": ADDRESS,
        "lines": [{"variantId": a.variant_id, "quantity": 1}]}}, zoe, "checkoutCreate")
    done = await ok(client, COMPLETE, {"id": created["checkout"]["id"]}, zoe, "checkoutComplete")
    paid = await client.gql(PAID, {"id": done["order"]["id"]}, a.operator)
    assert paid["orderMarkPaid"]["order"]["status"] == "PAID"
    mentor, expert = await make_expert(client, "mentor@example.com")
    free = await offering(client, mentor, expert)
    start = soon(72)
    await ok(client, SCHEDULE, {"o": free, "s": start}, mentor, "sessionSchedule")
    await ok(client, BOOK, {"o": free, "s": start}, zoe, "sessionBook")
    asked = await ok(client, REQUEST, {"e": expert, "s": False}, zoe, "mentorshipRequest")
    mentorship = asked["mentorship"]["id"]
    await ok(client, RESPOND, {"id": mentorship, "a": True}, mentor, "mentorshipRespond")
    await ok(client, NOTE, {"m": mentorship, "b": f"Plan de {NAME}, escribir a {EMAIL}"}, zoe,
             "mentorshipNoteAdd")
    await drain(client)
    return Story(zoe, await user_id(client, EMAIL))


async def user_id(client: Client, email: str) -> int:
    async with client.runtime.db.read() as session:
        found = await session.scalar(select(User.id).where(User.email == email))
    assert found is not None
    return found


JWT = re.compile(r"eyJ[\w-]*\.([\w-]+)\.[\w-]*")


def with_jwt_payloads(text: str) -> str:
    """The text and the decoded payload of every JWT in it (a signed credential names its
    holder only inside base64url)."""
    decoded = []
    for payload in JWT.findall(text):
        try:
            decoded.append(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
                           .decode("utf-8", "replace"))
        except (binascii.Error, ValueError):
            continue
    return "\n".join([text, *decoded])


async def every_value(client: Client) -> list[tuple[str, str]]:
    """(table, text) for every value of every row of every table, JSON as text and JWT
    payloads decoded."""
    found: list[tuple[str, str]] = []
    async with client.runtime.db.engine.connect() as conn:
        meta = MetaData()
        await conn.run_sync(meta.reflect)
        for table in meta.sorted_tables:
            for row in (await conn.execute(table.select())).all():
                for value in row:
                    if value is None or isinstance(value, (int, float, bool)):
                        continue
                    text = value if isinstance(value, str) else json.dumps(value, default=str)
                    found.append((table.name, with_jwt_payloads(text)))
    return found


def personal_in(values: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(table, text[:120]) for table, text in values
            if any(p in text.lower() for p in (*PERSONAL, EMAIL))]


def files_mentioning(root: Path) -> list[Path]:
    """Stored files (the media root) whose bytes mention the person."""
    files = [path for path in root.rglob("*") if path.is_file()] if root.exists() else []
    return [path for path in files
            if any(p.encode() in path.read_bytes().lower() for p in (*PERSONAL, EMAIL))]


async def test_the_export_holds_orders_enrolments_bookings_and_notes(client: Client) -> None:
    story = await live(client)
    data = (await client.gql(EXPORT, token=story.token))["accountDataExport"]
    assert data["errors"] == []
    export = data["data"]
    assert export["account"]["email"] == EMAIL and export["account"]["name"] == NAME
    [order] = export["orders"]
    assert order["billingAddress"]["streetAddress1"] == ADDRESS["streetAddress1"]
    assert order["lines"][0]["product"] == "Digital marketing"
    assert [e["status"] for e in export["elearning"]["enrolments"]] == ["ACTIVE"]
    assert [b["status"] for b in export["mentoring"]["bookings"]] == ["CONFIRMED"]
    assert export["mentoring"]["notes"][0]["body"].startswith(f"Plan de {NAME}")
    assert export["iberia"]["invoices"][0]["buyer"]["name"] == NAME
    anonymous = await client.raw(EXPORT)
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_account_delete_leaves_no_personal_data_but_keeps_order_and_invoice(
        client: Client, tmp_path: Path) -> None:
    story = await live(client)
    assert personal_in(await every_value(client)) != []  # the scan sees the data before
    wrong = (await client.gql(DELETE, {"p": "not-the-password"}, story.token))["accountDelete"]
    assert wrong == {"ok": False, "errors": [{"field": "password", "code": "INVALID_CREDENTIALS"}]}
    done = (await client.gql(DELETE, {"p": PASSWORD}, story.token))["accountDelete"]
    assert done == {"ok": True, "errors": []}
    await drain(client)
    assert personal_in(await every_value(client)) == []
    assert files_mentioning(Path(client.runtime.settings.media_root)) == []
    async with client.runtime.db.read() as session:
        [order] = list(await session.scalars(select(Order)))
        [invoice] = list(await session.scalars(select(Invoice)))
        reports = await verify(session)  # the invoice chain still verifies
    assert [r.problem for r in reports] == [None]
    assert order.user_id == story.user_id and order.status == "PAID"
    assert order.billing_address == {"country": "ES"}
    assert invoice.order_id == order.id and invoice.content["buyer"]["erased"] is True
    ended = await client.raw("{ me { id } }", token=story.token)
    assert ended["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    refused = await client.raw(
        'mutation { tokenCreate(email: "' + EMAIL + '", password: "' + PASSWORD + '") '
        "{ token errors { code } } }")
    assert refused["data"]["tokenCreate"]["token"] is None


async def test_erasure_removes_the_name_from_stored_certificates(client: Client) -> None:
    """The signed credential names the learner: erasure re-signs the stored copy without
    them, so the QR code's link still verifies (course and date, no name) while a changed
    credential is still TAMPERED and the copy the holder kept still verifies."""
    async def name_the_learner(token: str) -> None:
        await ok(client, NAME_UPDATE, {"n": NAME}, token, "accountUpdate")

    cert = await certified(client, before_completion=name_the_learner)
    stored = [(table, text) for table, text in await every_value(client)
              if table == "elearning_certificate" and "quillbright" in text.lower()]
    assert stored != [] and "quillbright" not in cert["credential"].lower()  # only in base64
    assert (await check(client, cert["credentialId"]))["recipientName"] == NAME
    page = await client.http.get(f"/verify?credential={cert['credentialId']}&lang=es")
    assert NAME in page.text
    done = (await client.gql(DELETE, {"p": PASSWORD}, cert["learner"]))["accountDelete"]
    assert done == {"ok": True, "errors": []}
    await drain(client)
    values = await every_value(client)
    assert personal_in(values) == []
    original = jwt.decode(cert["credential"], options={"verify_signature": False})
    [hashed] = [i["identityHash"] for i in original["vc"]["credentialSubject"]["identifier"]
                if i["identityType"] == "emailAddress"]
    identifying = ("learner@example.com", hashed, original["sub"])
    assert [table for table, text in values if any(i in text for i in identifying)] == []
    by_id = await check(client, cert["credentialId"])
    assert (by_id["valid"], by_id["reason"], by_id["recipientName"], by_id["holderErased"]) \
        == (True, "VALID", None, True)
    assert by_id["courseName"] == "Digital marketing" and by_id["issuedAt"]
    subject = by_id["claims"]["vc"]["credentialSubject"]
    assert "identifier" not in subject and "sub" not in by_id["claims"]
    assert by_id["claims"]["jti"] == cert["credentialId"]
    page = await client.http.get(f"/verify?credential={cert['credentialId']}&lang=es")
    assert page.status_code == 200 and NAME not in page.text
    assert "Los datos personales del titular se han borrado." in page.text
    assert 'data-reason="VALID"' in page.text and "Digital marketing" in page.text
    kept = await check(client, cert["credential"])  # the copy the holder downloaded
    assert (kept["valid"], kept["reason"], kept["recipientName"]) == (True, "VALID", NAME)
    assert kept["holderErased"] is False
    assert (await check(client, tampered(cert["credential"])))["reason"] == "TAMPERED"
    async with client.runtime.db.read() as session:
        [erased] = list(await session.scalars(select(Certificate)))
    assert (await check(client, tampered(erased.token)))["reason"] == "TAMPERED"
    await client.gql(REVOKE, {"id": cert["credentialId"], "r": "Exam fraud"}, cert["operator"])
    revoked = await check(client, cert["credentialId"])
    assert (revoked["valid"], revoked["reason"]) == (False, "REVOKED")


class Probe:
    """A third-party plugin's part of the export and of the erasure."""

    def __init__(self) -> None:
        self.erased: list[int] = []

    @hookimpl
    def ruta_account_export(self, user_id: int) -> dict[str, Any]:
        return {"loyaltyPoints": 42, "user": user_id}

    @hookimpl
    async def ruta_account_erase(self, user_id: int) -> None:
        self.erased.append(user_id)


async def test_plugins_contribute_to_export_and_erasure_through_hooks(plugged: Any) -> None:
    probe = Probe()
    async with plugged(probe, core_only=True) as client:
        token = await client.register("probe@example.com")
        pk = await user_id(client, "probe@example.com")
        exported = (await client.gql(EXPORT, token=token))["accountDataExport"]["data"]
        parts = [v for v in exported.values() if isinstance(v, dict) and "loyaltyPoints" in v]
        assert parts == [{"loyaltyPoints": 42, "user": pk}]
        done = (await client.gql(DELETE, {"p": PASSWORD}, token))["accountDelete"]
        assert done["ok"] is True
        assert probe.erased == [pk]
