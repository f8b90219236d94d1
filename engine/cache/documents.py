"""What a GraphQL document reads, worked out once per document text.

A document is *cacheable* when all its operations are queries, every root field is a
catalog read (:data:`CACHEABLE_ROOTS`) and it selects no field a plugin contributed to a
core type unless that field says it is safe (``metadata={"ruta_cache_version": "catalog"}``, or
``"stock"`` when it shows stock or seats). A cacheable document depends on the ``catalog``
and ``tax_facts`` versions, and on ``stock`` too when it selects a stock field.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import pluggy
from graphql import (
    FieldNode,
    GraphQLError,
    GraphQLSchema,
    OperationDefinitionNode,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    parse,
    visit,
)
from strawberry.utils.str_converters import to_camel_case

from engine.cache.versions import CATALOG, STOCK, TAX_FACTS

METADATA_KEY = "ruta_cache_version"
CACHEABLE_ROOTS = frozenset({"products", "product", "productVariant", "categories",
                             "taxClasses", "vendors", "vendor", "__typename"})
STOCK_FIELDS = frozenset({("ProductVariant", "quantityAvailable"),
                          ("ProductVariant", "stock")})
EXTENSIBLE = ("Product", "ProductVariant", "Vendor", "User", "Category", "Order")
MAX_DOCUMENTS = 500


@dataclass(frozen=True)
class DocumentFacts:
    is_query: bool
    cacheable: bool
    depends_on: tuple[str, ...]


NOT_CACHEABLE = DocumentFacts(is_query=False, cacheable=False, depends_on=())


def plugin_fields(plugins: pluggy.PluginManager) -> dict[tuple[str, str], str | None]:
    """Fields plugins add to core types, with their declared cache dependency (or None)."""
    found: dict[tuple[str, str], str | None] = {}
    for type_name in EXTENSIBLE:
        for contributed in plugins.hook.ruta_graphql_type_fields(type_name=type_name):
            for f in contributed or ():
                name = f.graphql_name or to_camel_case(
                    f.python_name or f.base_resolver.name)
                declared = (f.metadata or {}).get(METADATA_KEY)
                found[(type_name, name)] = declared if declared in (CATALOG, STOCK) else None
    return found


class _Collector(Visitor):
    def __init__(self, type_info: TypeInfo) -> None:
        super().__init__()
        self.type_info = type_info
        self.fields: set[tuple[str, str]] = set()
        self.operations: set[str] = set()

    def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
        self.operations.add(node.operation.value)

    def enter_field(self, node: FieldNode, *_: Any) -> None:
        parent = self.type_info.get_parent_type()
        self.fields.add((parent.name if parent else "?", node.name.value))


class DocumentAnalyser:
    def __init__(self, schema: GraphQLSchema, plugins: pluggy.PluginManager) -> None:
        self.schema = schema
        self.query_type = schema.query_type.name if schema.query_type else "Query"
        self.extra = plugin_fields(plugins)
        self._seen: OrderedDict[str, DocumentFacts] = OrderedDict()

    def facts(self, digest: str, query: str) -> DocumentFacts:
        found = self._seen.get(digest)
        if found is None:
            found = self._analyse(query)
            self._seen[digest] = found
            if len(self._seen) > MAX_DOCUMENTS:
                self._seen.popitem(last=False)
        return found

    def _analyse(self, query: str) -> DocumentFacts:
        try:
            document = parse(query)
        except GraphQLError:
            return NOT_CACHEABLE
        type_info = TypeInfo(self.schema)
        collector = _Collector(type_info)
        visit(document, TypeInfoVisitor(type_info, collector))
        is_query = collector.operations == {"query"}
        roots = {name for parent, name in collector.fields if parent == self.query_type}
        stock = any(f in STOCK_FIELDS for f in collector.fields)
        for f in collector.fields:
            if f in self.extra:
                declared = self.extra[f]
                if declared is None:
                    return DocumentFacts(is_query, False, ())
                stock = stock or declared == STOCK
        cacheable = is_query and bool(roots) and roots <= CACHEABLE_ROOTS
        depends = (CATALOG, TAX_FACTS, STOCK) if stock else (CATALOG, TAX_FACTS)
        return DocumentFacts(is_query, cacheable, depends)
