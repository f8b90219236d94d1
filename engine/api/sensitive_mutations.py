"""At most one sensitive mutation per document.

Aliases let one document run a mutation many times: thirty ``tokenCreate`` aliases try
thirty passwords in one request. ``SensitiveMutationsRule`` counts the root fields of every
mutation operation whose name is in ``SENSITIVE_MUTATIONS``, through fragments and inline
fragments, by response key (an alias, or the field name: fields with the same key are merged
and run once), and refuses the document during validation when there is more than one.
"""

from __future__ import annotations

from collections.abc import Callable

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationType,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
)

from engine.api.fragments import operations_of, summaries

#: Password, token, account and payment operations: one of them per document.
SENSITIVE_MUTATIONS = frozenset({
    "tokenCreate", "tokenRefresh", "accountRegister", "passwordResetRequest",
    "passwordResetConfirm", "checkoutComplete",
})
MAX_SENSITIVE = 1

Keys = frozenset[tuple[str, str]]


def sensitive_keys(selection_set: SelectionSetNode, fragment: Callable[[str], Keys | None]
                   ) -> Keys:
    """(response key, field name) of the sensitive fields at the top of ``selection_set``."""
    found: set[tuple[str, str]] = set()
    stack = [selection_set]
    while stack:
        for node in stack.pop().selections:
            if isinstance(node, FieldNode):
                if node.name.value in SENSITIVE_MUTATIONS:
                    key = node.alias.value if node.alias else node.name.value
                    found.add((key, node.name.value))
            elif isinstance(node, InlineFragmentNode):
                stack.append(node.selection_set)
            elif isinstance(node, FragmentSpreadNode):
                found |= fragment(node.name.value) or frozenset()
    return frozenset(found)


class SensitiveMutationsRule(ValidationRule):
    def __init__(self, context: ValidationContext) -> None:
        super().__init__(context)
        mutations = [op for op in operations_of(context.document)
                     if op.operation == OperationType.MUTATION]
        if not mutations:
            return
        fragments = summaries(context.document, sensitive_keys)
        count = sum(len(sensitive_keys(op.selection_set, fragments.get)) for op in mutations)
        if count > MAX_SENSITIVE:
            context.report_error(GraphQLError(
                f"{count} sensitive mutations in one document; at most {MAX_SENSITIVE} of "
                f"{', '.join(sorted(SENSITIVE_MUTATIONS))} may be sent per request.",
                extensions={"code": "TOO_MANY_SENSITIVE_MUTATIONS", "maximum": MAX_SENSITIVE},
            ))
