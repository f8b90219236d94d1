"""GraphQL fields that failed because the database is unavailable: a retryable error.

Each such error becomes ``{"message": ..., "extensions": {"code": "SERVICE_UNAVAILABLE"}}``
(instead of a masked "Unexpected error."), is logged as one line (instead of tracebacks),
and when nothing ran at all (no root field produced a value and every error is this one)
the whole response is 503 with ``Retry-After``, so clients and proxies can retry.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from engine.db.unavailable import MESSAGE, describe, is_unavailable

log = logging.getLogger("engine.unavailable")
CODE = "SERVICE_UNAVAILABLE"
RETRY_AFTER = "5"


def is_unavailable_error(error: GraphQLError) -> bool:
    return error.original_error is not None and is_unavailable(error.original_error)


def _rewrite(error: GraphQLError) -> GraphQLError:
    assert error.original_error is not None
    where = ".".join(str(p) for p in error.path or ()) or "operation"
    log.warning("database unavailable in %s: %s", where, describe(error.original_error))
    return GraphQLError(MESSAGE, nodes=error.nodes, path=error.path,
                        extensions={"code": CODE})


class ServiceUnavailable(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is None or not result.errors:
            return
        errors = [_rewrite(e) if is_unavailable_error(e) else e for e in result.errors]
        result.errors = errors
        nothing_ran = result.data is None or all(v is None for v in result.data.values())
        if nothing_ran and all((e.extensions or {}).get("code") == CODE for e in errors):
            response = getattr(self.execution_context.context, "response", None)
            if response is not None:
                response.status_code = 503
                response.headers["Retry-After"] = RETRY_AFTER
