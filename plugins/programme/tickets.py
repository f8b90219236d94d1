"""Signed ticket secrets a door device verifies offline (Ed25519, like pretix's signed
tickets) and their QR codes.

A secret is base64url(payload ‖ signature): payload = version byte, registration id and
event id (8 bytes each, big-endian); signature = Ed25519 over the payload. The key pair
is derived from ``RUTA_SECRET_KEY``; devices need only the public key
(``programmeTicketKey``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import struct
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

VERSION = 1
PAYLOAD = struct.Struct(">BQQ")
SIGNATURE_BYTES = 64


class TicketClaim(NamedTuple):
    registration_id: int
    event_id: int


def private_key(secret_key: str) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    seed = hashlib.sha256(b"ruta-programme-tickets\0" + secret_key.encode()).digest()
    return Ed25519PrivateKey.from_private_bytes(seed)


def public_key_b64(secret_key: str) -> str:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    raw = private_key(secret_key).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def sign(secret_key: str, registration_id: int, event_id: int) -> str:
    payload = PAYLOAD.pack(VERSION, registration_id, event_id)
    signature = private_key(secret_key).sign(payload)
    return base64.urlsafe_b64encode(payload + signature).decode().rstrip("=")


def verify(public_key: str, secret: str) -> TicketClaim | None:
    """The claim of a genuine secret, or None (forged, altered, malformed). Offline: needs
    only the base64 public key."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        raw = base64.urlsafe_b64decode(secret + "=" * (-len(secret) % 4))
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key))
    except (ValueError, TypeError):
        return None
    if len(raw) != PAYLOAD.size + SIGNATURE_BYTES:
        return None
    payload, signature = raw[:PAYLOAD.size], raw[PAYLOAD.size:]
    try:
        key.verify(signature, payload)
    except InvalidSignature:
        return None
    version, registration_id, event_id = PAYLOAD.unpack(payload)
    return TicketClaim(registration_id, event_id) if version == VERSION else None


DOOR_CODE = re.compile(r"^(\d{1,12})-([A-Z2-7]{8})$")


def _door_mac(secret_key: str, registration_id: int) -> str:
    digest = hmac.new(secret_key.encode(), b"ruta-door-code\0%d" % registration_id,
                      hashlib.sha256).digest()
    return base64.b32encode(digest).decode()[:8]


def door_code(secret_key: str, registration_id: int) -> str:
    """A short code printed under the QR (``17-K3F9Q2XA``) that door staff can type on a
    phone when the camera cannot read the QR; checked online (HMAC), not offline."""
    return f"{registration_id}-{_door_mac(secret_key, registration_id)}"


def registration_of_code(secret_key: str, code: str) -> int | None:
    """The registration a genuine door code names, else None."""
    match = DOOR_CODE.match(code.strip().upper())
    if match is None:
        return None
    registration_id = int(match.group(1))
    expected = _door_mac(secret_key, registration_id)
    return registration_id if hmac.compare_digest(expected, match.group(2)) else None


def qr_svg_data_uri(secret: str) -> str:
    """The secret as a QR code, an SVG data URI for an <img> or an e-mail."""
    import segno  # on first use: kept out of every worker's start-up memory

    return str(segno.make(secret, error="m").svg_data_uri(scale=4))
