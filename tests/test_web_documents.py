"""A page's ``.graphql`` documents are validated against the app's schema when the app is
built; the result is remembered per schema and document text, never across a change."""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import build_schema

from engine.web.documents import DocumentError, load_documents

WITH_NAME = build_schema("type Query { shop: Shop } type Shop { name: String! }")
WITHOUT_NAME = build_schema("type Query { shop: Shop } type Shop { title: String! }")


def test_a_document_the_schema_lost_is_refused_even_after_it_validated(tmp_path: Path) -> None:
    (tmp_path / "Shop.graphql").write_text("query Shop { shop { name } }", encoding="utf-8")
    assert load_documents(tmp_path, WITH_NAME) == {"Shop": "query Shop { shop { name } }"}
    assert load_documents(tmp_path, build_schema(
        "type Query { shop: Shop } type Shop { name: String! }"))["Shop"]
    with pytest.raises(DocumentError, match="Cannot query field 'name'"):
        load_documents(tmp_path, WITHOUT_NAME)


def test_a_changed_document_is_validated_again(tmp_path: Path) -> None:
    document = tmp_path / "Shop.graphql"
    document.write_text("query Shop { shop { name } }", encoding="utf-8")
    load_documents(tmp_path, WITH_NAME)
    document.write_text("query Shop { shop { price } }", encoding="utf-8")
    with pytest.raises(DocumentError, match="Cannot query field 'price'"):
        load_documents(tmp_path, WITH_NAME)
