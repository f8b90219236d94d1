"""How service errors reach clients.

Mutations catch :class:`engine.errors.ValidationError` and return its field errors in the
payload's ``errors`` (typed by a per-domain ``...ErrorCode`` enum). Everything else that is a
:class:`engine.errors.RutaError` becomes a GraphQL error whose ``extensions.code`` is set
(``PERMISSION_DENIED``, ``UNAUTHENTICATED``, ``INVALID_ID``...). Other exceptions are
unexpected and masked in production (see ``should_mask``).
"""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable
from typing import TypeVar

from graphql import GraphQLError

from engine.db.unavailable import is_unavailable
from engine.errors import RutaError, ValidationError

#: Codes every domain's ``...ErrorCode`` enum has.
COMMON_CODES = (
    "INVALID", "REQUIRED", "TOO_SHORT", "TOO_LONG", "UNIQUE", "NOT_FOUND", "INVALID_ID",
    "DUPLICATED", "FORBIDDEN", "INVALID_CURSOR", "UNSUPPORTED_COUNTRY", "INVALID_CHARACTERS",
    "INVALID_POSTAL_CODE",
)

E = TypeVar("E")
R = TypeVar("R")


def error_code_enum(name: str, extra: tuple[str, ...] = ()) -> type[enum.Enum]:
    values = dict.fromkeys(COMMON_CODES + extra)
    return enum.Enum(name, {code: code for code in values}, type=str)  # type: ignore[return-value]


def payload_errors(exc: ValidationError, error_type: Callable[..., E],
                   codes: type[enum.Enum]) -> list[E]:
    """The payload ``errors`` list for ``exc``; unknown codes become ``INVALID``."""
    out = []
    for err in exc.errors:
        code = codes[err.code] if err.code in codes.__members__ else codes["INVALID"]
        out.append(error_type(field=err.field, code=code, message=err.message))
    return out


async def attempt(operation: Callable[[], Awaitable[R]]) -> tuple[R | None, ValidationError | None]:
    """Run ``operation()``; a ValidationError (input decoding included) is returned, not raised."""
    try:
        return await operation(), None
    except ValidationError as exc:
        return None, exc


def should_mask(error: GraphQLError) -> bool:
    """Mask only unexpected exceptions raised while resolving a field.

    Errors without a path (syntax, validation, variable coercion) describe the client's
    request and are kept, as are the engine's deliberate errors (``RutaError``). A database
    that is unavailable is not masked (nor logged with a traceback) here:
    ``engine.api.unavailable`` turns it into a retryable ``SERVICE_UNAVAILABLE`` error.
    """
    original = error.original_error
    if original is None or error.path is None or is_unavailable(original):
        return False
    return not isinstance(original, (RutaError, GraphQLError))
