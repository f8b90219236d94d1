"""Translate error messages where they are rendered: once per operation, after execution.

Payload errors (``errors { field code message }`` of mutations) and GraphQL errors keep
their codes; only ``message`` is translated (see :mod:`engine.i18n.language` for the
choice of language). English requests cost nothing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from engine.db.unavailable import is_unavailable
from engine.errors import RutaError
from engine.i18n.catalogs import translate
from engine.i18n.language import DEFAULT, from_accept_language, from_document, supported


async def request_language(context: Any, explicit: str | None) -> str:
    page = supported(getattr(context, "page_language", None))
    if page:  # a web page run in process: the language the page is shown in
        return page
    if explicit:
        return explicit
    try:
        user = await context.user()
    except RutaError:
        user = None
    except Exception as exc:  # a database that is down: keep its SERVICE_UNAVAILABLE error
        if not is_unavailable(exc):
            raise
        user = None
    if user is not None and (language := supported(user.language_code)):
        return language
    request = getattr(context, "request", None)
    if request is not None:
        cookie = supported(request.cookies.get("lang"))
        return cookie or from_accept_language(request.headers.get("accept-language")) or DEFAULT
    return DEFAULT


def _has_payload_errors(data: Any) -> bool:
    if isinstance(data, dict):
        return any((key == "errors" and bool(value)) or _has_payload_errors(value)
                   for key, value in data.items())
    if isinstance(data, list):
        return any(_has_payload_errors(item) for item in data)
    return False


def _translate_payloads(data: Any, language: str) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "errors" and isinstance(value, list):
                for item in value:
                    if isinstance(item, dict) and isinstance(item.get("message"), str):
                        item["message"] = translate(item["message"], language)
            else:
                _translate_payloads(value, language)
    elif isinstance(data, list):
        for item in data:
            _translate_payloads(item, language)


class LocaliseErrors(SchemaExtension):
    async def on_operation(self) -> AsyncIterator[None]:  # type: ignore[override]
        yield
        ctx = self.execution_context
        result = ctx.result
        errors = getattr(result, "errors", None) or ctx.pre_execution_errors or []
        data = getattr(result, "data", None)
        try:
            is_mutation = ctx.operation_type == OperationType.MUTATION
        except RuntimeError:  # no document: a syntax error, reported in ``errors``
            is_mutation = False
        if not errors and not (is_mutation and _has_payload_errors(data)):
            return
        explicit = from_document(ctx.graphql_document, ctx.operation_name, ctx.variables)
        language = await request_language(ctx.context, explicit)
        if language == DEFAULT:
            return
        for error in errors:
            error.message = translate(error.message, language)
        _translate_payloads(data, language)
