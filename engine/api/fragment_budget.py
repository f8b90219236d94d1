"""The shape of a document, measured once per fragment: expanded selections, depth, aliases.

``ShapeRule`` runs before every other validation rule. A document whose operations expand
(fragments counted at every spread) to more than ``MAX_SELECTIONS`` selections is refused at
once: validation is aborted before any other rule walks it, so a chain of fragments that each
spread the next twice costs linear time instead of doubling with every level. The same pass
enforces the depth limit (fields with a selection set, nested; introspection fields ignored,
as strawberry's ``QueryDepthLimiter`` counts) and the alias limit (aliased fields, counted at
every spread, as strawberry's ``MaxAliasesLimiter`` counts), which replace strawberry's
limiters because those walk every spread again without memoising.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
)
from graphql.validation.validate import ValidationAbortedError

from engine.api.fragments import operations_of, summaries

MAX_SELECTIONS = 1000
MAX_DEPTH = 10
MAX_ALIASES = 30
#: Counts stop growing here (a chain of fragments can expand to astronomically many).
CEILING = 2**40


@dataclass(frozen=True)
class Shape:
    selections: int = 0
    depth: int = 0
    aliases: int = 0


def shape_of(selection_set: SelectionSetNode, fragment: Callable[[str], Shape | None]) -> Shape:
    """The expanded shape of ``selection_set``; ``fragment`` gives known fragments' shapes."""
    selections = depth = aliases = 0
    # (selection set, enclosing counted fields, whether depth counts in it)
    stack: list[tuple[SelectionSetNode, int, bool]] = [(selection_set, 0, True)]
    while stack:
        current, level, counted = stack.pop()
        for node in current.selections:
            selections += 1
            if isinstance(node, FieldNode):
                aliases += node.alias is not None
                if node.selection_set is not None:
                    inner = counted and not node.name.value.startswith("__")
                    if inner:
                        depth = max(depth, level + 1)
                    stack.append((node.selection_set, level + 1, inner))
            elif isinstance(node, InlineFragmentNode):
                stack.append((node.selection_set, level, counted))
            elif isinstance(node, FragmentSpreadNode):
                spread = fragment(node.name.value)
                if spread is not None:
                    selections += spread.selections
                    aliases += spread.aliases
                    if counted and spread.depth:
                        depth = max(depth, level + spread.depth)
    return Shape(min(selections, CEILING), depth, min(aliases, CEILING))


def refusal(message: str, code: str, **details: Any) -> GraphQLError:
    return GraphQLError(message, extensions={"code": code, **details})


class ShapeRule(ValidationRule):
    """Refuse documents that expand too far (aborting validation), nest too deeply or use
    too many aliases."""

    def __init__(self, context: ValidationContext) -> None:
        super().__init__(context)
        self.abort: ValidationAbortedError | None = None
        fragments = summaries(context.document, shape_of)
        shapes = [(operation, shape_of(operation.selection_set, fragments.get))
                  for operation in operations_of(context.document)]
        selections = sum(shape.selections for _, shape in shapes)
        if selections > MAX_SELECTIONS:
            self.abort = ValidationAbortedError(
                f"The document expands to more than {MAX_SELECTIONS} selections (fragments "
                "counted at every spread).",
                extensions={"code": "DOCUMENT_TOO_LARGE", "maximum": MAX_SELECTIONS})
            return
        for operation, shape in shapes:
            if shape.depth > MAX_DEPTH:
                name = operation.name.value if operation.name else "anonymous"
                context.report_error(refusal(
                    f"'{name}' exceeds maximum operation depth of {MAX_DEPTH}",
                    "QUERY_TOO_DEEP", depth=shape.depth, maximum=MAX_DEPTH))
        aliases = sum(shape.aliases for _, shape in shapes)
        if aliases > MAX_ALIASES:
            context.report_error(refusal(f"{aliases} aliases found. Allowed: {MAX_ALIASES}",
                                         "TOO_MANY_ALIASES", aliases=aliases,
                                         maximum=MAX_ALIASES))

    def enter_document(self, *_args: Any) -> None:
        if self.abort is not None:
            raise self.abort
