"""Request limits, as schema extensions: document shape (expanded selections, depth,
aliases), one sensitive mutation per document, introspection (off in production unless
allowed), tokens, and query cost.

The validation rules are module-level classes, built once: strawberry's ``ValidationCache``
keys its cache on the tuple of rule classes, so every request hands the same tuple and cached
results stay valid. ``RutaRules`` puts them before graphql-core's own rules, so that
``ShapeRule`` can abort the validation of an oversized document before any other rule walks
it. The extension objects are cheap and made per request (a shared instance's
``execution_context`` would be overwritten by concurrent requests).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from graphql import SKIP, ASTValidationRule, FieldNode, GraphQLError, ValidationRule, VisitorAction
from strawberry.extensions import AddValidationRules, MaxTokensLimiter, SchemaExtension

from engine.api.cost import QueryCostLimit
from engine.api.fragment_budget import MAX_ALIASES, MAX_DEPTH, MAX_SELECTIONS, ShapeRule
from engine.api.sensitive_mutations import SensitiveMutationsRule
from engine.settings import Settings

MAX_TOKENS = 5000

__all__ = ["MAX_ALIASES", "MAX_DEPTH", "MAX_SELECTIONS", "MAX_TOKENS", "limit_extensions"]


class NoIntrospectionRule(ValidationRule):
    """Refuse ``__schema`` and ``__type`` (``__typename`` stays allowed)."""

    def enter_field(self, node: FieldNode, *_args: Any) -> VisitorAction:
        if node.name.value not in ("__schema", "__type"):
            return None
        self.report_error(GraphQLError(
            "Introspection is disabled on this server (see RUTA_ALLOW_INTROSPECTION).", node,
            extensions={"code": "INTROSPECTION_DISABLED"}))
        return SKIP


RULES: tuple[type[ASTValidationRule], ...] = (ShapeRule, SensitiveMutationsRule)
RULES_WITHOUT_INTROSPECTION = (*RULES, NoIntrospectionRule)


class RutaRules(AddValidationRules):
    """Ruta's validation rules, run before graphql-core's specified rules."""

    def __init__(self, rules: Sequence[type[ASTValidationRule]]) -> None:
        super().__init__(list(rules))
        self.rules = tuple(rules)

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        context.validation_rules = (*self.rules, *context.validation_rules)
        yield


def limit_extensions(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    """Extension factories for ``strawberry.Schema(extensions=...)``."""
    rules = RULES if settings.introspection_allowed else RULES_WITHOUT_INTROSPECTION
    maximum = settings.max_query_cost
    return [lambda: RutaRules(rules), lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
            lambda: QueryCostLimit(maximum)]
