"""GraphQL documents kept as ``.graphql`` files next to a plugin's pages.

:func:`load_documents` reads every ``*.graphql`` of a folder (the file name, without
extension, is the document's name) and validates each against the app's schema, so a page
can never ship a document the API does not accept (the schema contract test checks them too).
"""

from __future__ import annotations

from pathlib import Path

from graphql import GraphQLSchema, parse, validate


class DocumentError(ValueError):
    """A plugin's ``.graphql`` document does not parse or does not match the schema."""


def load_documents(folder: Path, schema: GraphQLSchema | None = None) -> dict[str, str]:
    documents: dict[str, str] = {}
    for path in sorted(folder.glob("*.graphql")):
        source = path.read_text(encoding="utf-8")
        if schema is not None:
            errors = validate(schema, parse(source))
            if errors:
                raise DocumentError(f"{path}: {errors[0].message}")
        documents[path.stem] = source
    return documents
