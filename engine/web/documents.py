"""GraphQL documents kept as ``.graphql`` files next to a plugin's pages.

:func:`load_documents` reads every ``*.graphql`` of a folder (the file name, without
extension, is the document's name) and validates each against the app's schema, so a page
can never ship a document the API does not accept (the schema contract test checks them too).

Validation is remembered per (schema text, document text) in the process: an app built again
with the same schema (the test suite builds hundreds; a server builds one per worker) does
not validate the same documents again, while any change to either text validates afresh.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from graphql import GraphQLSchema, parse, validate

#: (schema digest, document digest) pairs that validated.
_VALID: set[tuple[str, str]] = set()


class DocumentError(ValueError):
    """A plugin's ``.graphql`` document does not parse or does not match the schema."""


@lru_cache(maxsize=8)
def _schema_digest(schema: GraphQLSchema) -> str:
    """What validation reads of a schema: its roots, types, their fields, arguments, enum
    values, union members and interfaces, and the directives with their arguments."""
    roots = (schema.query_type, schema.mutation_type, schema.subscription_type)
    parts = [" ".join(str(root) for root in roots)]
    for name, kind in sorted(schema.type_map.items()):
        parts.append(f"{name}:{type(kind).__name__}")
        parts += [str(i) for i in getattr(kind, "interfaces", ())]
        parts += [str(member) for member in getattr(kind, "types", ())]
        parts += sorted(getattr(kind, "values", {}) or {})
        for field_name, field in (getattr(kind, "fields", {}) or {}).items():
            parts.append(f".{field_name}:{field.type}")
            parts += [f"({a}:{arg.type})" for a, arg in (getattr(field, "args", {}) or {}).items()]
    for directive in schema.directives:
        parts.append(f"@{directive.name}:{','.join(map(str, directive.locations))}")
        parts += [f"({a}:{arg.type})" for a, arg in directive.args.items()]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _check(schema: GraphQLSchema, path: Path, source: str) -> None:
    key = (_schema_digest(schema), hashlib.sha256(source.encode()).hexdigest())
    if key in _VALID:
        return
    errors = validate(schema, parse(source))
    if errors:
        raise DocumentError(f"{path}: {errors[0].message}")
    _VALID.add(key)


def load_documents(folder: Path, schema: GraphQLSchema | None = None) -> dict[str, str]:
    documents: dict[str, str] = {}
    for path in sorted(folder.glob("*.graphql")):
        source = path.read_text(encoding="utf-8")
        if schema is not None:
            _check(schema, path, source)
        documents[path.stem] = source
    return documents
