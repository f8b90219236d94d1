"""Certificates: an Open Badges 3.0 credential signed with Ed25519 verifies; a modified
credential, one signed with another key, a revoked one and an expired one fail with a
clear reason."""

from __future__ import annotations

import base64
import json
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from engine.plugins.api import utcnow
from plugins.elearning.certificates import verify
from tests.client import Client
from tests.plugins.elearning.test_courses import SAVE, ok
from tests.plugins.elearning.test_progress import MINE, age_enrolment, complete, enrolled

VERIFY = """query($c: String!) { certificateVerify(credential: $c) { valid reason message
  claims unverifiedClaims credentialId courseName recipientName holderErased issuer
  issuedAt revokedAt
  revokedReason } }"""
REVOKE = """mutation($id: String!, $r: String!) { certificateRevoke(credentialId: $id,
  reason: $r) { certificate { revokedAt revokedReason } errors { field code } } }"""


async def certified(client: Client, before_completion: Callable[[str], Awaitable[None]]
                    | None = None, **facts: Any) -> dict[str, Any]:
    """A learner who completed a course (ALL_LESSONS rule, drip lesson already open);
    ``before_completion(learner token)`` runs before the last lesson."""
    a, token = await enrolled(client, **facts)
    if before_completion is not None:
        await before_completion(token)
    await ok(client, SAVE, {"p": a.product_id, "i": {"completionRule": "ALL_LESSONS"}},
             a.vendor_token, "courseSave")
    await age_enrolment(client, 7)
    for key in ("preview", "content", "quiz", "later"):
        assert (await complete(client, token, a.lessons[key]))["errors"] == []
    certificate: dict[str, Any] = (await client.gql(MINE, None, token)
                                   )["myEnrolments"][0]["certificate"]
    return {"operator": a.operator, "learner": token, **certificate}


async def check(client: Client, credential: str) -> dict[str, Any]:
    result: dict[str, Any] = (await client.gql(VERIFY, {"c": credential}))["certificateVerify"]
    return result


def tampered(token: str) -> str:
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["vc"]["credentialSubject"]["achievement"]["name"] = "Brain surgery"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"{header}.{forged}.{signature}"


async def test_a_certificate_verifies_and_shows_every_claim(client: Client) -> None:
    cert = await certified(client, topics=["marketing"])
    result = await check(client, cert["credential"])
    assert (result["valid"], result["reason"]) == (True, "VALID")
    assert result["courseName"] == "Digital marketing"
    assert result["credentialId"] == cert["credentialId"]
    claims = result["claims"]
    assert claims["jti"] == cert["credentialId"] and claims["iss"] == result["issuer"]
    vc = claims["vc"]
    assert vc["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert vc["credentialSubject"]["achievement"]["tag"] == ["marketing"]
    assert jwt.get_unverified_header(cert["credential"])["alg"] == "EdDSA"


async def test_forgeries_fail_with_a_clear_reason(client: Client) -> None:
    cert = await certified(client)
    modified = await check(client, tampered(cert["credential"]))
    assert (modified["valid"], modified["reason"]) == (False, "TAMPERED")
    assert modified["claims"] is None and "signature" in modified["message"]
    # what the changed credential claims is shown, never trusted
    changed = modified["unverifiedClaims"]["vc"]["credentialSubject"]["achievement"]["name"]
    assert changed == "Brain surgery" and modified["courseName"] is None
    claims = jwt.decode(cert["credential"], options={"verify_signature": False})
    other = jwt.encode(claims, Ed25519PrivateKey.generate(), algorithm="EdDSA")
    assert (await check(client, other))["reason"] == "SIGNATURE_INVALID"
    assert (await check(client, "not a credential"))["reason"] == "MALFORMED"
    # a credential id the issuer never gave out
    unknown = await check(client, "urn:uuid:0b7e6a52-3f0e-4d0a-9a55-8a4b7c3d2e1f")
    assert (unknown["valid"], unknown["reason"]) == (False, "UNKNOWN")
    hs256 = jwt.encode(claims, "guessable-secret-but-long-enough-000000", algorithm="HS256")
    assert (await check(client, hs256))["valid"] is False


async def test_operators_revoke_certificates(client: Client) -> None:
    cert = await certified(client)
    body = await client.raw(REVOKE, {"id": cert["credentialId"], "r": "Fraud"}, cert["learner"])
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    assert (await check(client, cert["credential"]))["valid"] is True
    data = await client.gql(REVOKE, {"id": cert["credentialId"], "r": "Exam fraud"},
                            cert["operator"])
    assert data["certificateRevoke"]["certificate"]["revokedReason"] == "Exam fraud"
    result = await check(client, cert["credential"])
    assert (result["valid"], result["reason"]) == (False, "REVOKED")
    assert "Exam fraud" in result["message"] and result["revokedAt"]


async def test_certificates_expire_when_the_course_says_so(client: Client) -> None:
    cert = await certified(client, certificateValidDays=365)
    async with client.runtime.db.read() as session:
        today = await verify(session, client.runtime, cert["credential"], utcnow())
        later = await verify(session, client.runtime, cert["credential"],
                             utcnow() + timedelta(days=366))
    assert today.valid and (later.valid, later.reason) == (False, "EXPIRED")


async def test_the_signing_key_comes_from_settings(client: Client, plugged: Any) -> None:
    cert = await certified(client)
    pem = Ed25519PrivateKey.generate().private_bytes(
        Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()).decode()
    async with plugged(extra={"RUTA_ELEARNING_SIGNING_KEY": pem}) as other_platform:
        result = await check(other_platform, cert["credential"])
    assert (result["valid"], result["reason"]) == (False, "SIGNATURE_INVALID")
