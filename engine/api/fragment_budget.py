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
from dataclasses import dataclass, field
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
#: Fields sharing a response key in one selection merge into one; graphql-core compares
#: every pair of them and their subtrees (quadratic): at most this many comparisons.
MAX_OVERLAP = 2000
#: Counts stop growing here (a chain of fragments can expand to astronomically many).
CEILING = 2**40


#: response key -> [fields with that key, their selections including their own subtrees]
Keys = dict[str, list[int]]


def overlap(keys: Keys) -> int:
    """Comparisons graphql-core makes to check that the fields of one level merge: every
    pair of fields sharing a response key, each pair comparing their subtrees."""
    work = 0
    for count, weight in keys.values():
        if count > 1:
            work += count * (count - 1) // 2 * (weight // count)
    return min(work, CEILING)


@dataclass(frozen=True)
class Shape:
    selections: int = 0
    depth: int = 0
    aliases: int = 0
    #: ``overlap`` of every nested level (the top level's is in ``keys``)
    overlap: int = 0
    #: response keys of the top level, through inline fragments and spreads
    keys: Keys = field(default_factory=dict)

    def total_overlap(self) -> int:
        return min(self.overlap + overlap(self.keys), CEILING)


@dataclass
class _Tally:
    depth: int = 0
    aliases: int = 0
    overlap: int = 0


def _walk(selection_set: SelectionSetNode, fragment: Callable[[str], Shape | None],
          level: int, counted: bool, keys: Keys, tally: _Tally) -> int:
    """Add ``selection_set`` to ``keys`` and ``tally``; return its expanded selections.
    Recursion follows the document's nesting, which the parser bounds (200 levels)."""
    size = 0
    for node in selection_set.selections:
        size += 1
        if isinstance(node, FieldNode):
            tally.aliases += node.alias is not None
            below = 0
            if node.selection_set is not None:
                inner = counted and not node.name.value.startswith("__")
                if inner:
                    tally.depth = max(tally.depth, level + 1)
                nested: Keys = {}
                below = _walk(node.selection_set, fragment, level + 1, inner, nested, tally)
                tally.overlap = min(tally.overlap + overlap(nested), CEILING)
            entry = keys.setdefault((node.alias or node.name).value, [0, 0])
            entry[0] += 1
            entry[1] = min(entry[1] + 1 + below, CEILING)
            size += below
        elif isinstance(node, InlineFragmentNode):
            size += _walk(node.selection_set, fragment, level, counted, keys, tally)
        elif isinstance(node, FragmentSpreadNode):
            spread = fragment(node.name.value)
            if spread is None:
                continue
            size += spread.selections
            tally.aliases += spread.aliases
            tally.overlap = min(tally.overlap + spread.overlap, CEILING)
            if counted and spread.depth:
                tally.depth = max(tally.depth, level + spread.depth)
            for key, (count, weight) in spread.keys.items():
                entry = keys.setdefault(key, [0, 0])
                entry[0] = min(entry[0] + count, CEILING)
                entry[1] = min(entry[1] + weight, CEILING)
    return min(size, CEILING)


def shape_of(selection_set: SelectionSetNode, fragment: Callable[[str], Shape | None]) -> Shape:
    """The expanded shape of ``selection_set``; ``fragment`` gives known fragments' shapes."""
    keys: Keys = {}
    tally = _Tally()
    size = _walk(selection_set, fragment, 0, True, keys, tally)
    return Shape(size, tally.depth, min(tally.aliases, CEILING), tally.overlap, keys)


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
        if sum(shape.total_overlap() for _, shape in shapes) > MAX_OVERLAP:
            self.abort = ValidationAbortedError(
                "The document repeats fields with the same name or alias in one selection "
                f"(fragments included) too often: more than {MAX_OVERLAP} comparisons to "
                "check that they merge.",
                extensions={"code": "DOCUMENT_TOO_LARGE", "maximum": MAX_OVERLAP})
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
