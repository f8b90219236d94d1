"""The engine's exceptions. Services raise these; the API layer translates them.

    RutaError
    ├── ValidationError      bad input: becomes ``errors { field code message }`` in a payload
    │                        (or a GraphQL error with ``extensions.code`` in a query); nothing
    │                        is written, because the service raises before commit
    ├── PermissionDenied     the caller may not do this: GraphQL error, code PERMISSION_DENIED
    ├── NotAuthenticated     no valid token where one is needed: GraphQL error, UNAUTHENTICATED
    └── NotFound             the object does not exist or is not visible to the caller

Anything else raised inside a resolver is unexpected and is masked in production.
"""

from __future__ import annotations

from dataclasses import dataclass


class RutaError(Exception):
    """Base of every error the engine raises on purpose."""

    code = "ERROR"

    @property
    def extensions(self) -> dict[str, object]:
        return {"code": self.code}


@dataclass(frozen=True)
class FieldError:
    field: str | None
    code: str
    message: str


class ValidationError(RutaError):
    """One or more problems with the input, each tied to a field and a machine code."""

    code = "VALIDATION_ERROR"

    def __init__(self, field: str | None, code: str, message: str) -> None:
        super().__init__(message)
        self.errors: list[FieldError] = [FieldError(field, code, message)]

    @classmethod
    def many(cls, errors: list[FieldError]) -> ValidationError:
        if not errors:
            raise ValueError("ValidationError.many needs at least one error")
        first = errors[0]
        exc = cls(first.field, first.code, first.message)
        exc.errors = list(errors)
        return exc

    @property
    def extensions(self) -> dict[str, object]:
        first = self.errors[0]
        return {"code": first.code, "field": first.field}


class PermissionDenied(RutaError):
    code = "PERMISSION_DENIED"

    def __init__(self, message: str = "You do not have permission to perform this action.") -> None:
        super().__init__(message)


class NotAuthenticated(RutaError):
    code = "UNAUTHENTICATED"

    def __init__(self, message: str = "Sign in to perform this action.") -> None:
        super().__init__(message)


class NotFound(ValidationError):
    """A referenced object does not exist (or the caller cannot see it)."""

    def __init__(self, field: str | None, message: str = "Not found.") -> None:
        super().__init__(field, "NOT_FOUND", message)


class Collector:
    """Gathers field errors so a service can report every problem at once."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, field: str | None, code: str, message: str) -> None:
        self.errors.append(FieldError(field, code, message))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError.many(self.errors)
