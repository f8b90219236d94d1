"""A document's fragments, summarised once each (memoised) in dependency order.

Walking every fragment spread again, as strawberry's depth and alias limiters do, costs time
that doubles with each level of a chain of fragments that spreads the next one twice. Here a
fragment's summary is computed once, after the summaries of the fragments it spreads, with
explicit stacks (a chain of hundreds of fragments needs no recursion). A spread of an unknown
fragment, or one that closes a cycle, adds nothing: ``KnownFragmentNamesRule`` and
``NoFragmentCyclesRule`` report those.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)

S = TypeVar("S")
#: ``summarise(selection_set, summary_of_fragment)``; the lookup gives None for unknown
#: fragments and for a spread that closes a cycle.
Summarise = Callable[[SelectionSetNode, Callable[[str], "S | None"]], S]


def fragments_of(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions
            if isinstance(d, FragmentDefinitionNode)}


def operations_of(document: DocumentNode) -> list[OperationDefinitionNode]:
    return [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]


def spread_names(selection_set: SelectionSetNode) -> Iterator[str]:
    """Names of the fragments spread anywhere inside ``selection_set`` (not through them)."""
    stack = [selection_set]
    while stack:
        for selection in stack.pop().selections:
            if isinstance(selection, FragmentSpreadNode):
                yield selection.name.value
            elif isinstance(selection, (FieldNode, InlineFragmentNode)) \
                    and selection.selection_set is not None:
                stack.append(selection.selection_set)


def dependency_order(fragments: dict[str, FragmentDefinitionNode]) -> list[str]:
    """Fragment names, each after every fragment it spreads (cycles broken anywhere)."""
    spreads = {name: list(dict.fromkeys(n for n in spread_names(f.selection_set)
                                        if n in fragments))
               for name, f in fragments.items()}
    order: list[str] = []
    seen: set[str] = set()
    for root in fragments:
        if root in seen:
            continue
        seen.add(root)
        path = [(root, iter(spreads[root]))]
        while path:
            name, pending = path[-1]
            for child in pending:
                if child not in seen:
                    seen.add(child)
                    path.append((child, iter(spreads[child])))
                    break
            else:
                path.pop()
                order.append(name)
    return order


def summaries(document: DocumentNode, summarise: Summarise[S]) -> dict[str, S]:
    """The summary of every fragment of ``document``, each computed once."""
    fragments = fragments_of(document)
    done: dict[str, S] = {}
    for name in dependency_order(fragments):
        done[name] = summarise(fragments[name].selection_set, done.get)
    return done
