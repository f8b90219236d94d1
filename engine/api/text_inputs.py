"""No NUL in any string input: one rule for every argument of every field, core or plugin.

PostgreSQL refuses NUL in text (a 500 mid-transaction) while SQLite stores it; instead the
request is refused before anything runs, with a GraphQL error whose ``extensions.code`` is
``INVALID_CHARACTERS`` (and ``field`` the variable or argument path). Other control and
format characters are refused per field by ``engine.input_rules.clean_text``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import GraphQLError, StringValueNode, visit
from graphql.execution import ExecutionResult
from graphql.language import Visitor
from strawberry.extensions import SchemaExtension

NUL = "\x00"
MESSAGE = "Text must not contain NUL characters."


def nul_path(value: Any, path: str) -> str | None:
    """The path of the first string holding NUL inside a variables value, else None."""
    if isinstance(value, str):
        return path if NUL in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            found = path if NUL in str(key) else nul_path(item, f"{path}.{key}")
            if found is not None:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = nul_path(item, f"{path}.{index}")
            if found is not None:
                return found
    return None


class _Literals(Visitor):
    found = False

    def enter_string_value(self, node: StringValueNode, *_: Any) -> Any:
        if NUL in node.value:
            self.found = True
            return self.BREAK
        return None


class RefuseNulText(SchemaExtension):
    """Refuses an operation whose variables or string literals hold NUL."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        field = nul_path(context.variables or {}, "$")
        query = context.query or ""
        if field is None and ("\\u" in query or NUL in query) and \
                context.graphql_document is not None:
            literals = _Literals()
            visit(context.graphql_document, literals)
            field = "query" if literals.found else None
        if field is not None:
            context.result = ExecutionResult(data=None, errors=[GraphQLError(
                MESSAGE, extensions={"code": "INVALID_CHARACTERS",
                                     "field": field.removeprefix("$.")})])
        yield
