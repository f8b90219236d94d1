"""In-process GraphQL for web pages: the same schema and context path as ``POST /graphql``.

A page's document runs through the app's own strawberry view (``get_context`` of the
mounted GraphQL app), with the request's headers except that ``Authorization`` carries the
session's access token and ``Accept-Language`` the page's language. The same permission
checks, limits and error masking apply as for any API client.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from starlette.requests import Request
from starlette.responses import Response
from strawberry import Schema

#: Codes that mean "you may not see this": pages answer 404 or send to the login page.
DENIED = frozenset({"PERMISSION_DENIED", "UNAUTHENTICATED", "NOT_FOUND", "INVALID_ID"})
COUNTER = "ruta_graphql_documents"


class ContextFactory(Protocol):
    async def get_context(self, request: Any, response: Any) -> Any: ...


@dataclass
class GraphQLResult:
    data: dict[str, Any] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def codes(self) -> set[str]:
        return {str(error.get("code")) for error in self.errors}

    @property
    def unauthenticated(self) -> bool:
        return "UNAUTHENTICATED" in self.codes

    @property
    def denied(self) -> bool:
        return bool(self.codes & DENIED)


def _scope_for(request: Request, token: str | None, language: str) -> dict[str, Any]:
    scope = dict(request.scope)
    drop = {b"authorization", b"accept-language", b"cookie", b"content-type",
            b"content-length"}
    headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() not in drop]
    if token:
        headers.append((b"authorization", f"Bearer {token}".encode()))
    headers.append((b"accept-language", language.encode()))
    headers.append((b"content-type", b"application/json"))
    scope.update(headers=headers, method="POST", path="/graphql", query_string=b"")
    return scope


async def execute(schema: Schema, view: ContextFactory, request: Request, document: str,
                  variables: dict[str, Any] | None, *, token: str | None,
                  language: str) -> GraphQLResult:
    """Run ``document`` as the holder of ``token`` would over HTTP; count it on the request."""
    request.state.__dict__[COUNTER] = request.state.__dict__.get(COUNTER, 0) + 1
    inner = Request(_scope_for(request, token, language))
    context = await view.get_context(inner, Response())
    if hasattr(context, "page_language"):
        context.page_language = language  # error messages in the page's language
    try:
        result = await schema.execute(document, variable_values=variables or {},
                                      context_value=context)
    finally:  # the request's database session, as the HTTP path ends it
        runtime = getattr(context, "runtime", None)
        if runtime is not None:
            await runtime.db.release()
    errors = [{"message": error.message, "path": error.path,
               "code": (error.extensions or {}).get("code")} for error in result.errors or ()]
    return GraphQLResult(data=result.data or {}, errors=errors)
