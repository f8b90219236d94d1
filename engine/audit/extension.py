"""Record audited mutations once per operation, after it ran (no per-field cost).

For a mutation by an operator or a vendor's owner, each root field becomes an
:class:`engine.audit.models.AuditEntry`: the mutation's name, the IDs it was given (top-level
``id``/``...Id`` arguments and those of an ``input`` object; never other input, so no
password or personal data), the outcome and the client address.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Mapping
from typing import Any

from graphql import (
    FieldNode,
    OperationDefinitionNode,
    Undefined,
    value_from_ast_untyped,
)
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from engine.audit.service import Action, actor_role, record_actions

log = logging.getLogger(__name__)


def _is_target(name: str) -> bool:
    return name == "id" or name.endswith(("Id", "Ids"))


def _targets(node: FieldNode, variables: Mapping[str, Any]) -> dict[str, Any]:
    """The IDs given; an argument bound to a variable the request left out was not given."""
    found: dict[str, Any] = {}
    for argument in node.arguments or ():
        value = value_from_ast_untyped(argument.value, dict(variables))
        if value is Undefined:
            continue
        if _is_target(argument.name.value):
            found[argument.name.value] = value
        elif isinstance(value, Mapping):
            found.update({f"{argument.name.value}.{k}": v for k, v in value.items()
                          if _is_target(str(k)) and v is not Undefined})
    return found


def _refused(key: str, data: Any, error_keys: set[str]) -> bool:
    if key in error_keys:
        return True
    payload = data.get(key) if isinstance(data, Mapping) else None
    return isinstance(payload, Mapping) and bool(payload.get("errors"))


def actions(document: Any, operation_name: str | None, variables: Mapping[str, Any] | None,
            data: Any, errors: list[Any]) -> list[Action]:
    error_keys = {str(e.path[0]) for e in errors if getattr(e, "path", None)}
    out: list[Action] = []
    for definition in document.definitions:
        if not isinstance(definition, OperationDefinitionNode) or (
                operation_name and getattr(definition.name, "value", None) != operation_name):
            continue
        for node in definition.selection_set.selections or ():
            if isinstance(node, FieldNode) and not node.name.value.startswith("__"):
                key = node.alias.value if node.alias else node.name.value
                out.append(Action(node.name.value, _targets(node, variables or {}),
                                  "REFUSED" if _refused(key, data, error_keys) else "OK"))
        break
    return out


class AuditMutations(SchemaExtension):
    async def on_operation(self) -> AsyncIterator[None]:  # type: ignore[override]
        yield
        ctx = self.execution_context
        try:
            if ctx.graphql_document is None or ctx.operation_type != OperationType.MUTATION:
                return
        except RuntimeError:
            return
        context = ctx.context
        user = context.known_user()
        if user is None:
            return  # anonymous (or no resolver needed the user)
        runtime = context.runtime
        role = await actor_role(runtime, user)
        if role is None:
            return
        result = ctx.result
        done = actions(ctx.graphql_document, ctx.operation_name, ctx.variables,
                       getattr(result, "data", None), getattr(result, "errors", None) or [])
        try:
            await record_actions(runtime, user.id, role, done, context.client_address())
        except Exception:  # the action happened; a failing audit write must not hide it
            log.exception("could not record the audit entries of %s", [a.name for a in done])
