"""Opaque, typed global IDs: ``base64("Type:pk")``.

An ID of the wrong type is an error, never another object.
"""

from __future__ import annotations

import base64
import binascii
import re

import strawberry

from engine.errors import ValidationError

MAX_ID_LENGTH = 200
TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{16,64}")
#: Every primary key is a PostgreSQL ``integer`` (SQLAlchemy ``Integer``).
MAX_PK = 2**31 - 1
PK_RE = re.compile(r"[1-9][0-9]{0,9}", re.ASCII)


def parse_pk(text: str) -> int | None:
    """A primary key written as plain ASCII digits: no sign, space, underscore or leading
    zero, within ``MAX_PK``; None for anything else (``int()`` accepts all of those)."""
    if PK_RE.fullmatch(text) is None:
        return None
    pk = int(text)
    return pk if pk <= MAX_PK else None


def encode_id(type_name: str, pk: int) -> strawberry.ID:
    # binascii directly: a listing encodes about 160 IDs (base64.b64encode is a wrapper)
    return binascii.b2a_base64(f"{type_name}:{pk}".encode(), newline=False).decode()  # type: ignore[return-value]


def decode_id(value: str, expected: str, *, field: str = "id") -> int:
    """Decode a global ID of type ``expected`` or raise a ``ValidationError`` on ``field``."""
    if not isinstance(value, str) or not value or len(value) > MAX_ID_LENGTH:
        raise ValidationError(field, "INVALID_ID", f"Expected a {expected} ID.")
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True).decode()
    except (binascii.Error, UnicodeError, ValueError):
        raise ValidationError(field, "INVALID_ID", f"Malformed ID: expected a {expected} ID.") \
            from None
    type_name, _, pk_text = raw.partition(":")
    if type_name != expected:
        raise ValidationError(
            field, "INVALID_ID", f"Expected a {expected} ID, got a {type_name or 'unknown'} ID."
        )
    pk = parse_pk(pk_text)
    if pk is None:
        raise ValidationError(field, "INVALID_ID", f"Malformed ID: expected a {expected} ID.")
    return pk


def decode_optional(value: str | None, expected: str, *, field: str) -> int | None:
    return None if value is None else decode_id(value, expected, field=field)


def encode_token_id(type_name: str, token: str) -> strawberry.ID:
    """A global ID for objects addressed by a random token instead of a number."""
    return strawberry.ID(base64.b64encode(f"{type_name}:{token}".encode()).decode())


def decode_token_id(value: str, expected: str, *, field: str = "id") -> str:
    if not isinstance(value, str) or not value or len(value) > MAX_ID_LENGTH:
        raise ValidationError(field, "INVALID_ID", f"Expected a {expected} ID.")
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True).decode()
    except (binascii.Error, UnicodeError, ValueError):
        raise ValidationError(field, "INVALID_ID", f"Malformed ID: expected a {expected} ID.") \
            from None
    type_name, _, token = raw.partition(":")
    if type_name == expected and not TOKEN_RE.fullmatch(token):
        raise ValidationError(field, "INVALID_ID", f"Malformed ID: expected a {expected} ID.")
    if type_name != expected or not token:
        raise ValidationError(
            field, "INVALID_ID", f"Expected a {expected} ID, got a {type_name or 'unknown'} ID.")
    return token
