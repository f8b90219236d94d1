"""Query cost: what a document may ask of the database and the resolvers, before it runs.

The cost of a selection set is the sum of its fields' costs; a field costs 1 plus its
sub-selection's cost multiplied by the page size it asks for (its ``first`` or ``last``
argument, from a literal or a variable), so nested connections multiply as they do when they
run (as Saleor and GitHub count). Fragments count at every spread (each fragment's cost is
computed once). Lists without ``first``/``last`` count once.

``QueryCostLimit`` computes the cost of the operation about to run, with the request's
variables, after validation and before execution: above the maximum the request is refused
with ``extensions.code = "QUERY_TOO_COSTLY"`` and no resolver runs. A client that sends
``"extensions": {"cost": true}`` in the request body gets
``"extensions": {"cost": {"requestedQueryCost": N, "maximumQueryCost": M}}`` in the response.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from graphql import (
    ArgumentNode,
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_operation_ast,
)
from strawberry.extensions import SchemaExtension

from engine.api.fragments import summaries

DEFAULT_MAX_COST = 10_000
PAGE_ARGUMENTS = ("first", "last")
MAX_MULTIPLIER = 2**31  # GraphQL's Int; keeps the arithmetic small


def _default_of(operation: OperationDefinitionNode, name: str) -> object:
    for definition in operation.variable_definitions or ():
        if definition.variable.name.value == name \
                and isinstance(definition.default_value, IntValueNode):
            return int(definition.default_value.value)
    return None


def multiplier(arguments: tuple[ArgumentNode, ...] | None, variables: Mapping[str, Any],
               operation: OperationDefinitionNode) -> int:
    """The page size a field asks for (``first`` or ``last``), else 1."""
    size = 1
    for argument in arguments or ():
        if argument.name.value not in PAGE_ARGUMENTS:
            continue
        value: object = None
        if isinstance(argument.value, IntValueNode):
            value = int(argument.value.value)
        elif isinstance(argument.value, VariableNode):
            name = argument.value.name.value
            value = variables[name] if name in variables else _default_of(operation, name)
        if isinstance(value, int) and not isinstance(value, bool):
            size = max(size, value)
    return min(size, MAX_MULTIPLIER)


def operation_cost(document: DocumentNode, operation: OperationDefinitionNode,
                   variables: Mapping[str, Any]) -> int:
    def cost(selection_set: SelectionSetNode, fragment: Callable[[str], int | None]) -> int:
        total = 0
        for node in selection_set.selections:
            if isinstance(node, FieldNode):
                inner = cost(node.selection_set, fragment) if node.selection_set else 0
                total += 1 + multiplier(node.arguments, variables, operation) * inner
            elif isinstance(node, InlineFragmentNode):
                total += cost(node.selection_set, fragment)
            elif isinstance(node, FragmentSpreadNode):
                total += fragment(node.name.value) or 0
        return total

    fragments = summaries(document, cost)
    return cost(operation.selection_set, fragments.get)


class QueryCostLimit(SchemaExtension):
    """Refuse an operation costing more than ``maximum`` before it executes (one instance
    per request: pass a factory)."""

    def __init__(self, maximum: int = DEFAULT_MAX_COST) -> None:
        super().__init__()
        self.maximum = maximum
        self.cost: int | None = None

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        operation = None if document is None else get_operation_ast(
            document, context.operation_name)
        if document is not None and operation is not None and context.result is None:
            self.cost = operation_cost(document, operation, context.variables or {})
            if self.cost > self.maximum:
                context.result = ExecutionResult(data=None, errors=[GraphQLError(
                    f"The query costs {self.cost}; at most {self.maximum} is allowed "
                    "(each field costs 1, nested lists multiply by their first/last).",
                    extensions={"code": "QUERY_TOO_COSTLY", "cost": self.cost,
                                "maximum": self.maximum})])
        yield

    def get_results(self) -> dict[str, Any]:
        asked = (self.execution_context.operation_extensions or {}).get("cost")
        if not asked or self.cost is None:
            return {}
        return {"cost": {"requestedQueryCost": self.cost, "maximumQueryCost": self.maximum}}
