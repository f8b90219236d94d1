"""A shorter path through graphql-core's executor for plain scalar and enum fields.

A listing of 50 products resolves about 1,050 fields, and about 800 of them are plain
attributes of an object already built (``name``, ``slug``, ``sku``, ``amount``...).
graphql-core builds a resolve-info object for each, strawberry calls its basic-field
wrapper, and graphql-core completes the value through the generic null/list/leaf/object
dispatch. For a field with no resolver, no field extension and no argument, whose type is
a scalar or an enum, all of that reduces to ``getattr`` and the type's output coercion:
``LeafFieldsExecutionContext`` does just that when nothing else is in the way (no field
middleware), and hands every other case, and every value that would raise an error (a
null in a non-null field, a value the scalar refuses), back to the generic path, which
repeats the read and reports the error exactly as before.

A plain field whose type is an object (``Product.edges.node``, ``ProductVariant.price``)
likewise goes straight to its sub-fields; an error below it is located and propagated as
graphql-core does (``_complete_object``).

Plans are computed once per schema (``plan_leaf_fields``) and kept in each field's
``extensions`` under ``LEAF_PLAN`` or ``OBJECT_PLAN``.

A field with a resolver and no argument (``Product.vendor``, ``ProductVariant.
quantityAvailable``: about 250 a listing) goes through strawberry's argument conversion,
field-extension chain and two more wrappers before its function runs. When it has no
argument, no field extension (permissions are extensions) and the schema no exception
handler, all of that only hands the resolver its source and an ``Info``:
``plan_leaf_fields`` swaps in a resolver that does just that (``_lean_resolver``), and
graphql-core goes on as before (middleware, completion, errors).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from graphql import (
    GraphQLField,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    Undefined,
    is_leaf_type,
)
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.execution.executor import to_nodes
from graphql.pyutils import Path, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

LEAF_PLAN = "ruta-leaf-plan"
OBJECT_PLAN = "ruta-object-plan"
LEAN_PLAN = "ruta-lean-resolver"


class LeafPlan(NamedTuple):
    attribute: str
    coerce: Any
    nullable: bool


class ObjectPlan(NamedTuple):
    attribute: str
    object_type: GraphQLObjectType
    return_type: Any


def _plan(field: GraphQLField) -> LeafPlan | ObjectPlan | None:
    definition = field.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if not isinstance(definition, StrawberryField) or field.args:
        return None
    if not definition.is_basic_field or not getattr(field.resolve, "_is_default", False):
        return None
    if definition.default_resolver is not getattr or definition.python_name is None:
        return None
    nullable = not isinstance(field.type, GraphQLNonNull)
    named = field.type if nullable else field.type.of_type  # type: ignore[union-attr]
    if is_leaf_type(named):
        return LeafPlan(definition.python_name, named.coerce_output_value, nullable)  # type: ignore[union-attr]
    if isinstance(named, GraphQLObjectType) and named.is_type_of is None:
        return ObjectPlan(definition.python_name, named, field.type)
    return None


def _lean_resolver(definition: StrawberryField, info_class: type[Any]) -> Any | None:
    """The resolver's function called with its source and Info, as strawberry would call
    it for a field with no argument; None when the field needs strawberry's own path."""
    resolver = definition.base_resolver
    if (resolver is None or definition.arguments or definition.extensions
            or resolver.parent_parameter is not None or resolver.root_parameter is not None
            or len(resolver.signature.parameters) != (resolver.self_parameter is not None)
            + (resolver.info_parameter is not None)):
        return None
    function: Any = resolver.wrapped_func
    info_name = resolver.info_parameter.name if resolver.info_parameter else None
    pass_source = resolver.self_parameter is not None

    def lean(source: Any, info: Any) -> Any:
        if info_name is None:
            return function(source) if pass_source else function()
        strawberry_info = info_class(_raw_info=info, _field=definition)
        if pass_source:
            return function(source, **{info_name: strawberry_info})
        return function(**{info_name: strawberry_info})

    return lean


def plan_leaf_fields(schema: GraphQLSchema, info_class: type[Any] | None = None,
                     exception_handlers: bool = False) -> int:
    """Mark every plain scalar or enum field of the schema's object types, and give every
    argument-free resolver field the lean resolver (with ``info_class``, strawberry's
    ``config.info_class``; not when the schema has exception handlers); returns how many
    fields were changed."""
    changed = 0
    for named in schema.type_map.values():
        if not isinstance(named, GraphQLObjectType) or named.name.startswith("__"):
            continue
        for field in named.fields.values():
            plan = _plan(field)
            if plan is not None:
                key = LEAF_PLAN if isinstance(plan, LeafPlan) else OBJECT_PLAN
                field.extensions = {**field.extensions, key: plan}
                changed += 1
                continue
            definition = field.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
            if info_class is None or exception_handlers or field.args or not isinstance(
                    definition, StrawberryField):
                continue
            lean = _lean_resolver(definition, info_class)
            if lean is not None:
                field.resolve = lean
                field.extensions = {**field.extensions, LEAN_PLAN: lean}
                changed += 1
    return changed


class _LazyInfo:
    """graphql-core's resolve info for a lean resolver, built only if something asks for
    more than the context (most of ours only want ``info.context``)."""

    __slots__ = ("_args", "_built", "_executor", "context")

    def __init__(self, executor: Any, context: Any, args: tuple[Any, ...]) -> None:
        self.context = context
        self._executor = executor
        self._args = args
        self._built: Any = None

    def __getattr__(self, name: str) -> Any:
        built = self._built
        if built is None:
            field, field_details_list, parent_type, path = self._args
            built = self._built = self._executor.build_resolve_info(
                field, to_nodes(field_details_list), parent_type, path)
        return getattr(built, name)


def _probe(source: Any, info: Any) -> Any:  # pragma: no cover - never called
    return None


class LeafFieldsExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context with the short paths for planned fields."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        manager = self.middleware_manager
        self._leaf_path = manager is None or manager.get_field_resolver(_probe) is _probe
        self._plans: dict[tuple[str, int], tuple[GroupedFieldSet, list[Any]]] = {}

    def execute_fields(self, parent_type: GraphQLObjectType, source_value: Any,
                       path: Path | None, grouped_field_set: GroupedFieldSet,
                       position_context: Any) -> Any:
        """graphql-core's ``execute_fields``, with planned leaf fields answered in the
        loop (no path, no resolve info, no awaitable check: their value is final)."""
        if not self._leaf_path:
            return super().execute_fields(parent_type, source_value, path,
                                          grouped_field_set, position_context)
        results: dict[str, Any] = {}
        is_awaitable = self.is_awaitable
        pending: list[str] = []
        try:
            for response_name, field_details_list, plan in self._planned(
                    parent_type, grouped_field_set):
                if plan is not None:
                    value = getattr(source_value, plan.attribute, Undefined)
                    if value is None:
                        if plan.nullable:
                            results[response_name] = None
                            continue
                    elif value is not Undefined and not isinstance(value, Exception):
                        try:
                            coerced = plan.coerce(value)
                        except Exception:  # the generic path reports it
                            coerced = None
                        if coerced is not None and coerced is not Undefined:
                            results[response_name] = coerced
                            continue
                result = self.execute_field(parent_type, source_value, field_details_list,
                                            Path(path, response_name, parent_type.name),
                                            position_context)
                if result is not Undefined:
                    results[response_name] = result
                    if is_awaitable(result):
                        pending.append(response_name)
        except Exception:
            if pending:
                self.settle_in_background([results[name] for name in pending])
            raise
        if not pending:
            return results

        async def get_results() -> dict[str, Any]:
            if len(pending) == 1:
                results[pending[0]] = await results[pending[0]]
            else:
                done = await gather_with_cancel(*(results[name] for name in pending))
                results.update(zip(pending, done, strict=True))
            return results

        return get_results()

    def _planned(self, parent_type: GraphQLObjectType, grouped_field_set: GroupedFieldSet
                 ) -> list[tuple[str, FieldDetailsList, LeafPlan | None]]:
        """The fields of a selection with their leaf plans, worked out once per request
        for each selection (graphql-core keeps each selection's field set for the whole
        execution, so every item of a list shares one)."""
        key = (parent_type.name, id(grouped_field_set))
        known = self._plans.get(key)
        if known is not None:
            return known[1]
        fields = parent_type.fields
        planned = []
        for response_name, field_details_list in grouped_field_set.items():
            node = field_details_list[0].node
            field = fields.get(node.name.value)
            plan = field.extensions.get(LEAF_PLAN) if field is not None else None
            planned.append((response_name, field_details_list,
                            None if node.arguments else plan))
        self._plans[key] = (grouped_field_set, planned)  # kept alive: its id stays unique
        return planned

    def execute_field(self, parent_type: GraphQLObjectType, source: Any,
                      field_details_list: FieldDetailsList, path: Path,
                      position_context: Any) -> Any:
        if self._leaf_path:
            node = field_details_list[0].node
            field = parent_type.fields.get(node.name.value)
            if field is None or node.arguments:
                return super().execute_field(parent_type, source, field_details_list, path,
                                             position_context)
            lean = field.extensions.get(LEAN_PLAN)
            if lean is not None:
                return self._resolve_lean(lean, field, parent_type, source,
                                          field_details_list, path, position_context)
            objects = field.extensions.get(OBJECT_PLAN)
            if objects is not None:
                value = getattr(source, objects.attribute, Undefined)
                if value is not None and value is not Undefined and not isinstance(
                        value, Exception):
                    return self._complete_object(objects, field_details_list, path, value,
                                                 position_context)
        return super().execute_field(parent_type, source, field_details_list, path,
                                     position_context)

    def _resolve_lean(self, lean: Any, field: GraphQLField, parent_type: GraphQLObjectType,
                      source: Any, field_details_list: FieldDetailsList, path: Path,
                      position_context: Any) -> Any:
        """``execute_field`` for a lean resolver, with the resolve info built lazily."""
        return_type = field.type
        info: Any = _LazyInfo(self, self.context_value,
                              (field, field_details_list, parent_type, path))
        try:
            result = lean(source, info)
            if self.is_awaitable(result):
                return self.complete_awaitable_value(return_type, field_details_list, info,
                                                     path, result, position_context)
            completed = self.complete_value(return_type, field_details_list, info, path,
                                            result, position_context)
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, field_details_list, path)
            return None
        return self._located(completed, return_type, field_details_list, path)

    def complete_value(self, return_type: Any, field_details_list: FieldDetailsList,
                       info: Any, path: Path, result: Any, position_context: Any) -> Any:
        """An object value (a list item, a resolver's answer) goes straight to its
        sub-fields when its type has no ``is_type_of``: what the generic completion does
        after its null, list, leaf and abstract checks, which cannot apply."""
        named = return_type.of_type if type(return_type) is GraphQLNonNull else return_type
        if (type(named) is GraphQLObjectType and named.is_type_of is None
                and result is not None and result is not Undefined
                and not isinstance(result, Exception)):
            return self.collect_and_execute_subfields(named, field_details_list, path,
                                                      result, position_context)
        return super().complete_value(return_type, field_details_list, info, path, result,
                                      position_context)

    def _complete_object(self, plan: ObjectPlan, field_details_list: FieldDetailsList,
                         path: Path, value: Any, position_context: Any) -> Any:
        """What ``execute_field`` and ``complete_object_value`` do for an object value
        already in hand: its sub-fields, with a field error located at this field."""
        try:
            completed = self.collect_and_execute_subfields(
                plan.object_type, field_details_list, path, value, position_context)
        except Exception as raw_error:
            self.handle_field_error(raw_error, plan.return_type, field_details_list, path)
            return None
        return self._located(completed, plan.return_type, field_details_list, path)

    def _located(self, completed: Any, return_type: Any,
                 field_details_list: FieldDetailsList, path: Path) -> Any:
        """A completed value, or, when it is still to be awaited, an awaitable whose error
        is located at this field as ``execute_field`` locates it."""
        if not self.is_awaitable(completed):
            return completed

        async def await_completed() -> Any:
            try:
                return await completed
            except Exception as raw_error:
                self.handle_field_error(raw_error, return_type, field_details_list, path)
                return None

        return await_completed()
