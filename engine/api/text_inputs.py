"""Two rules for every string input of every field, core or plugin, checked before
anything runs: no NUL, and no string over ``MAX_STRING_INPUT`` characters.

PostgreSQL refuses NUL in text (a 500 mid-transaction) while SQLite stores it; a 2 MB
"bio" should not reach a service at all. Such a request is refused with a GraphQL error
whose ``extensions.code`` is ``INVALID_CHARACTERS`` or ``TOO_LONG`` (and ``field`` the
variable path, or ``query`` for a literal). Each field's own, smaller cap and the other
control and format characters are refused by ``engine.input_rules.clean_text``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import GraphQLError, StringValueNode, visit
from graphql.execution import ExecutionResult
from graphql.language import Visitor
from strawberry.extensions import SchemaExtension

NUL = "\x00"
#: The longest text any field takes (a lesson body); every field has its own cap below it.
MAX_STRING_INPUT = 100_000
MESSAGES = {"INVALID_CHARACTERS": "Text must not contain NUL characters.",
            "TOO_LONG": f"Text inputs are at most {MAX_STRING_INPUT} characters."}


def _problem(text: str) -> str | None:
    if len(text) > MAX_STRING_INPUT:
        return "TOO_LONG"
    return "INVALID_CHARACTERS" if NUL in text else None


def refused(value: Any, path: str) -> tuple[str, str] | None:
    """(code, path) of the first refused string inside a variables value, else None."""
    if isinstance(value, str):
        code = _problem(value)
        return (code, path) if code else None
    items: Any = ()
    if isinstance(value, dict):
        for key in value:
            code = _problem(str(key))
            if code:
                return code, path
        items = ((f"{path}.{k}", v) for k, v in value.items())
    elif isinstance(value, list):
        items = ((f"{path}.{i}", v) for i, v in enumerate(value))
    for inner_path, item in items:
        found = refused(item, inner_path)
        if found is not None:
            return found
    return None


class _Literals(Visitor):
    code: str | None = None

    def enter_string_value(self, node: StringValueNode, *_: Any) -> Any:
        self.code = _problem(node.value)
        return self.BREAK if self.code else None


class RefuseBadText(SchemaExtension):
    """Refuses an operation whose variables or string literals break the two rules."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        found = refused(context.variables or {}, "$")
        query = context.query or ""
        suspicious = "\\u" in query or NUL in query or len(query) > MAX_STRING_INPUT
        if found is None and suspicious and context.graphql_document is not None:
            literals = _Literals()
            visit(context.graphql_document, literals)
            found = (literals.code, "query") if literals.code else None
        if found is not None:
            code, path = found
            context.result = ExecutionResult(data=None, errors=[GraphQLError(
                MESSAGES[code], extensions={"code": code, "field": path.removeprefix("$.")})])
        yield
