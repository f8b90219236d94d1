"""Which language a request's messages are in.

The order (the same in the API and the web pages): an explicit ``languageCode`` (an argument
of a root field, or a field of its ``input``), else the signed-in user's language, else the
``lang`` cookie, else ``Accept-Language``; else English. A web page's documents run in
process (``engine.web``) get their messages in the page's language before all of these
(``Context.page_language``); the page chose it in this same order, after the visitor's
``?lang=`` choice.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graphql import (
    DocumentNode,
    EnumValueNode,
    FieldNode,
    ObjectValueNode,
    OperationDefinitionNode,
    StringValueNode,
    ValueNode,
    VariableNode,
)

from engine.i18n.catalogs import LANGUAGES

DEFAULT = "en"


def supported(code: Any) -> str | None:
    """``code`` as a catalog language (``"ES"``, ``"pt-BR"`` -> ``es``, ``pt``), or None."""
    if not isinstance(code, str):
        code = getattr(code, "value", None)
        if not isinstance(code, str):
            return None
    base = code.strip().replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else None


def from_accept_language(header: str | None) -> str | None:
    """The supported language the client prefers most (``q`` weights respected)."""
    choices: list[tuple[float, int, str]] = []
    for index, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                continue
        language = supported(tag)
        if language and weight > 0:
            choices.append((-weight, index, language))
    return min(choices)[2] if choices else None


def _value(node: ValueNode, variables: Mapping[str, Any]) -> Any:
    if isinstance(node, VariableNode):
        return variables.get(node.name.value)
    if isinstance(node, (EnumValueNode, StringValueNode)):
        return node.value
    return None


def _in_argument(node: ValueNode, variables: Mapping[str, Any]) -> Any:
    if isinstance(node, ObjectValueNode):
        for field in node.fields or ():
            if field.name.value == "languageCode":
                return _value(field.value, variables)
        return None
    value = _value(node, variables)
    return value.get("languageCode") if isinstance(value, Mapping) else None


def from_document(document: DocumentNode | None, operation_name: str | None,
                  variables: Mapping[str, Any] | None) -> str | None:
    """The first ``languageCode`` given to a root field of the executed operation."""
    variables = variables or {}
    for definition in document.definitions if document else ():
        if not isinstance(definition, OperationDefinitionNode):
            continue
        if operation_name and (definition.name is None
                               or definition.name.value != operation_name):
            continue
        for selection in definition.selection_set.selections or ():
            if not isinstance(selection, FieldNode):
                continue
            for argument in selection.arguments or ():
                if argument.name.value == "languageCode":
                    found = supported(_value(argument.value, variables))
                else:
                    found = supported(_in_argument(argument.value, variables))
                if found:
                    return found
        return None
    return None
