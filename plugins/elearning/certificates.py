"""Certificates: Open Badges 3.0 credentials signed as a JWT (EdDSA / Ed25519).

The JWT's claims follow the OB 3.0 "VC-JWT" proof format: ``iss``, ``jti`` (the credential
id), ``sub`` (the subject id), ``nbf``/``iat``, ``exp`` when the course sets a validity, and
``vc`` (the ``OpenBadgeCredential``). Verification checks the signature against this
platform's key, the expiry, and the revocation list (the certificate table).
"""

from __future__ import annotations

import copy
import hashlib
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import Runtime
from plugins.elearning.keys import issuer, key_id, signing_key
from plugins.elearning.models import AttendanceCertificate, Certificate, Course, Enrolment

CONTEXTS = ["https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]


def _identity_hash(email: str, salt: str) -> str:
    return "sha256$" + hashlib.sha256((email.lower() + salt).encode()).hexdigest()


def _identifiers(email: str, name: str, salt: str) -> list[dict[str, Any]]:
    """The subject's hashed e-mail and, when the account has one, its name in clear (what
    the certificate prints and the verification page shows)."""
    found: list[dict[str, Any]] = [
        {"type": "IdentityObject", "identityType": "emailAddress", "hashed": True,
         "salt": salt, "identityHash": _identity_hash(email, salt)}]
    if name:
        found.append({"type": "IdentityObject", "identityType": "name", "hashed": False,
                      "identityHash": name})
    return found


def subject_of(runtime: Runtime, email: str, name: str, credential_id: str
               ) -> tuple[str, list[dict[str, Any]]]:
    """The credential subject's id (stable per e-mail) and identifiers (hashed e-mail, and
    the name in clear when the account has one)."""
    base = issuer(runtime)
    subject_id = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{base}/learners/{email}')}"
    return subject_id, _identifiers(email, name, credential_id[-12:])


def sign(runtime: Runtime, claims: dict[str, Any]) -> str:
    """The claims as a JWT signed with this issuer's Ed25519 key."""
    import jwt

    return jwt.encode(claims, signing_key(runtime), algorithm="EdDSA",
                      headers={"kid": key_id(runtime), "typ": "JWT"})


def recipient_name(claims: dict[str, Any] | None) -> str | None:
    """The learner's name written in the credential (None when it carries none)."""
    subject = (claims or {}).get("vc", {}).get("credentialSubject", {})
    return next((str(item["identityHash"]) for item in subject.get("identifier", [])
                 if item.get("identityType") == "name"), None)


def holder_erased(claims: dict[str, Any] | None) -> bool:
    """Whether the credential is the issuer's copy re-signed after its holder erased their
    personal data: it identifies no one (every credential issued names its subject)."""
    subject = (claims or {}).get("vc", {}).get("credentialSubject")
    return isinstance(subject, dict) and "identifier" not in subject and "id" not in subject


def without_holder(claims: dict[str, Any], now: datetime) -> dict[str, Any]:
    """The claims with everything that identifies the learner removed (subject id, hashed
    e-mail, name); the credential id, course, issuer and dates stay."""
    kept = copy.deepcopy(claims)
    kept.pop("sub", None)
    kept["iat"] = int(now.timestamp())
    subject = kept["vc"]["credentialSubject"]
    subject.pop("id", None)
    subject.pop("identifier", None)
    return kept


def credential_claims(runtime: Runtime, course: Course, course_name: str, email: str,
                      credential_id: str, issued_at: datetime,
                      expires_at: datetime | None, name: str = "") -> dict[str, Any]:
    base = issuer(runtime)
    subject_id, identifiers = subject_of(runtime, email, name, credential_id)
    vc: dict[str, Any] = {
        "@context": CONTEXTS,
        "id": credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": base, "type": ["Profile"], "name": "Ruta"},
        "name": f"Certificate of completion: {course_name}",
        "validFrom": issued_at.isoformat(),
        "credentialSubject": {
            "id": subject_id,
            "type": ["AchievementSubject"],
            "identifier": identifiers,
            "achievement": {
                "id": f"{base}/courses/{course.product_id}",
                "type": ["Achievement"],
                "achievementType": "Course",
                "name": course_name,
                "criteria": {"narrative": "Completed every lesson (and passed every quiz) "
                                          "of the course."},
                "tag": list(course.topics),
                "inLanguage": ",".join(course.languages) or None,
            },
        },
    }
    claims: dict[str, Any] = {"iss": base, "jti": credential_id, "sub": subject_id,
                              "iat": int(issued_at.timestamp()),
                              "nbf": int(issued_at.timestamp()), "vc": vc}
    if expires_at is not None:
        vc["validUntil"] = expires_at.isoformat()
        claims["exp"] = int(expires_at.timestamp())
    return claims


async def issue(session: AsyncSession, runtime: Runtime, enrolment: Enrolment, course: Course,
                course_name: str, email: str, now: datetime, name: str = "") -> Certificate:
    """The enrolment's certificate (issued once; a second call returns the first)."""
    existing = await session.scalar(select(Certificate).where(
        Certificate.enrolment_id == enrolment.id))
    if existing is not None:
        return existing
    credential_id = f"urn:uuid:{uuid.uuid4()}"
    now = now.replace(microsecond=0)
    expires_at = now + timedelta(days=course.certificate_valid_days) \
        if course.certificate_valid_days else None
    claims = credential_claims(runtime, course, course_name, email, credential_id, now,
                               expires_at, name)
    token = sign(runtime, claims)
    certificate = Certificate(enrolment_id=enrolment.id, credential_id=credential_id,
                              token=token, issued_at=now, expires_at=expires_at)
    session.add(certificate)
    await session.flush()
    return certificate


def erase_holder(runtime: Runtime, certificate: Certificate | AttendanceCertificate,
                 now: datetime) -> None:
    """Replace the stored credential by the same one without its holder, signed again by
    this issuer (what ``/verify`` and the QR code then confirm: course and dates, no name).
    A copy the holder kept still verifies: same id, signature, expiry and revocation."""
    import jwt

    claims: dict[str, Any] = jwt.decode(certificate.token, options={"verify_signature": False})
    if holder_erased(claims):
        return
    certificate.token = sign(runtime, without_holder(claims, now))


@dataclass(frozen=True)
class Verification:
    valid: bool
    #: VALID | MALFORMED | TAMPERED | SIGNATURE_INVALID | EXPIRED | REVOKED | UNKNOWN
    reason: str
    message: str
    claims: dict[str, Any] | None
    certificate: Certificate | None
    #: what a TAMPERED credential claims (never to be trusted: shown to point at the change)
    unverified: dict[str, Any] | None = None
    #: the certificate of attendance checked (``certificate`` is then None)
    attendance: AttendanceCertificate | None = None


CREDENTIAL_ID = re.compile(r"^(urn:uuid:)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-"
                           r"[0-9a-f]{12})$", re.IGNORECASE)


def _bad_signature(runtime: Runtime, token: str) -> Verification:
    """A token whose signature fails: TAMPERED when it names this issuer's key (it was
    signed here, then changed), else SIGNATURE_INVALID (someone else signed it)."""
    import jwt

    header = jwt.get_unverified_header(token)
    claims: dict[str, Any] = jwt.decode(token, options={"verify_signature": False})
    if header.get("kid") == key_id(runtime):
        return Verification(False, "TAMPERED", "The credential was changed after this issuer "
                            "signed it: its signature no longer matches.", None, None, claims)
    return Verification(False, "SIGNATURE_INVALID", "The signature does not match this "
                        "issuer's key: the credential was signed by someone else.", None, None)


async def verify(session: AsyncSession, runtime: Runtime, token: str,
                 now: datetime) -> Verification:
    """Check a credential: the JWT itself, or its id (``urn:uuid:…``), whose stored
    credential is then checked (what the QR code of a printed certificate opens)."""
    import jwt

    if (by_id := CREDENTIAL_ID.match(token)) is not None:
        wanted = f"urn:uuid:{by_id.group(2).lower()}"
        stored = await session.scalar(select(Certificate.token).where(
            Certificate.credential_id == wanted)) or await session.scalar(
            select(AttendanceCertificate.token).where(
                AttendanceCertificate.credential_id == wanted))
        if stored is None:
            return Verification(False, "UNKNOWN", "The issuer has no record of this "
                                "credential.", None, None)
        token = stored
    public = signing_key(runtime).public_key()
    try:
        claims: dict[str, Any] = jwt.decode(
            token, public, algorithms=["EdDSA"], options={"verify_exp": False,
                                                          "verify_nbf": False,
                                                          "require": ["jti", "iss", "vc"]})
    except jwt.InvalidSignatureError:
        return _bad_signature(runtime, token)
    except jwt.InvalidTokenError:
        return Verification(False, "MALFORMED", "This is not a signed credential.", None, None)
    certificate = await session.scalar(select(Certificate).where(
        Certificate.credential_id == claims["jti"]))
    if certificate is None:
        attendance = await session.scalar(select(AttendanceCertificate).where(
            AttendanceCertificate.credential_id == claims["jti"]))
        if attendance is not None:
            return Verification(True, "VALID", "Signature and record checked.", claims, None,
                                attendance=attendance)
        return Verification(False, "UNKNOWN", "The issuer has no record of this credential.",
                            claims, None)
    if certificate.revoked_at is not None:
        return Verification(False, "REVOKED", "The issuer revoked this credential: "
                            f"{certificate.revoked_reason or 'no reason given'}.",
                            claims, certificate)
    if "exp" in claims and int(claims["exp"]) <= int(now.timestamp()):
        return Verification(False, "EXPIRED", "The credential has expired.", claims,
                            certificate)
    return Verification(True, "VALID", "Signature, expiry and revocation checked.", claims,
                        certificate)


async def revoke(session: AsyncSession, certificate: Certificate, reason: str,
                 now: datetime) -> Certificate:
    if certificate.revoked_at is None:
        certificate.revoked_at, certificate.revoked_reason = now, reason
        await session.flush()
    return certificate
