"""Lesson content never leaks: a walk over the whole GraphQL schema (introspection) builds
a query selecting every field reachable from each root query without required arguments,
runs it as anonymous, non-enrolled, revoked and enrolled users, and looks for the lesson
bodies, video URLs, resources, quiz questions and correct answers in the answers."""

from __future__ import annotations

import json
import re
from typing import Any

from engine.plugins.api import decode_id, record_event
from tests.client import Client
from tests.plugins.elearning.test_courses import (
    SECRET_BODY,
    SECRET_QUESTION,
    SECRET_RESOURCE,
    SECRET_VIDEO,
    academy,
)
from tests.plugins.elearning.test_enrolment import buy, drain

SECRETS = (SECRET_BODY, SECRET_VIDEO, SECRET_RESOURCE, SECRET_QUESTION)
CONTENT_FIELD = re.compile(r"body|video|resource|question|correct|answer|content",
                           re.IGNORECASE)
MAX_DEPTH = 8
INTROSPECT = """{ __schema { queryType { name } types { name kind fields {
  name args { name defaultValue type { kind ofType { kind } } }
  type { kind name ofType { kind name ofType { kind name ofType { kind name ofType {
  kind name } } } } } } } } }"""


def named(ref: dict[str, Any]) -> dict[str, Any]:
    while ref.get("ofType"):
        ref = ref["ofType"]
    return ref


class Walker:
    def __init__(self, schema: dict[str, Any]) -> None:
        self.types = {t["name"]: t for t in schema["types"]}
        self.query_type = schema["queryType"]["name"]
        self.selected: set[tuple[str, str]] = set()

    def arguments(self, field: dict[str, Any]) -> str | None:
        """``(first: 10)`` for connections; None when a required argument is unknown."""
        given = []
        for arg in field["args"]:
            if arg["name"] == "first":
                given.append("first: 10")
            elif arg["type"]["kind"] == "NON_NULL" and arg["defaultValue"] is None:
                return None
        return f"({', '.join(given)})" if given else ""

    def selection(self, type_name: str, path: tuple[str, ...]) -> str:
        parts = ["__typename"]
        for field in self.types[type_name]["fields"] or []:
            args = self.arguments(field)
            if args is None:
                continue
            target = named(field["type"])
            if target["kind"] in ("SCALAR", "ENUM"):
                parts.append(field["name"] + args)
                self.selected.add((type_name, field["name"]))
            elif target["kind"] == "OBJECT" and target["name"] not in path and \
                    len(path) < MAX_DEPTH:
                inner = self.selection(target["name"], (*path, target["name"]))
                parts.append(f"{field['name']}{args} {{ {inner} }}")
                self.selected.add((type_name, field["name"]))
        return " ".join(parts)

    def root_queries(self, product_id: str) -> dict[str, str]:
        queries = {}
        for field in self.types[self.query_type]["fields"]:
            args = self.arguments(field)
            if field["name"] == "product":
                args = f'(id: "{product_id}")'
            if args is None:
                continue
            target = named(field["type"])
            if target["kind"] == "OBJECT":
                body = self.selection(target["name"], (target["name"],))
                queries[field["name"]] = f"{{ {field['name']}{args} {{ {body} }} }}"
            else:
                queries[field["name"]] = f"{{ {field['name']}{args} }}"
        return queries

    def reachable(self, start: str) -> set[str]:
        found, todo = set(), [start]
        while todo:
            name = todo.pop()
            if name in found or self.types[name]["kind"] != "OBJECT":
                continue
            found.add(name)
            todo.extend(named(f["type"])["name"] for f in self.types[name]["fields"] or [])
        return found

    def content_fields(self) -> set[tuple[str, str]]:
        """Content-like fields of every type reachable from a course or an enrolment."""
        course_types = self.reachable("Course") | self.reachable("Enrolment")
        return {(name, f["name"]) for name in course_types
                for f in self.types[name]["fields"] or [] if CONTENT_FIELD.search(f["name"])}


def correct_flags(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [v for k, v in value.items() if k == "isCorrect"] + \
            [x for v in value.values() for x in correct_flags(v)]
    if isinstance(value, list):
        return [x for v in value for x in correct_flags(v)]
    return []


async def answers(client: Client, queries: dict[str, str], token: str | None) -> str:
    out = {}
    for name, query in queries.items():
        body = await client.raw(query, None, token)
        assert "data" in body, (name, body)
        out[name] = body["data"]
    return json.dumps(out)


async def test_no_field_reveals_lesson_content_to_anyone_not_enrolled(client: Client) -> None:
    a = await academy(client)
    enrolled = await client.register("learner@example.com")
    order = await buy(client, a, enrolled, "learner@example.com")
    outsider = await client.register("outsider@example.com")
    refunded = await client.register("refunded@example.com")
    refund_order = await buy(client, a, refunded, "refunded@example.com")
    async with client.runtime.transaction() as session:
        await record_event(session, client.runtime.plugins, "ruta_order_refunded",
                           order_id=decode_id(refund_order["id"], "Order"),
                           vendor_order_id=decode_id(refund_order["vendorOrders"][0]["id"],
                                                     "VendorOrder"),
                           amount="30.00", full=True)
    await drain(client)
    assert order["id"] != refund_order["id"]

    walker = Walker((await client.gql(INTROSPECT))["__schema"])
    queries = walker.root_queries(a.product_id)
    assert {"courses", "product", "products", "myEnrolments"} <= set(queries)
    # every lesson-content field of the schema is selected by the walk
    content = walker.content_fields()
    assert {("Lesson", "body"), ("Lesson", "videoUrl"), ("Lesson", "resourceUrl"),
            ("Quiz", "questions"), ("QuizOption", "isCorrect")} <= content
    assert content - walker.selected == set(), "content fields the walk cannot reach"

    for who, token in (("anonymous", None), ("outsider", outsider), ("refunded", refunded)):
        seen = await answers(client, queries, token)
        leaked = [secret for secret in SECRETS if secret in seen]
        assert leaked == [], f"{who} can read {leaked}"
        assert set(correct_flags(json.loads(seen))) <= {None}
    # the same walk does reach the content for an enrolled learner (so it can find leaks),
    # but never the correct answers
    seen = await answers(client, queries, enrolled)
    assert [secret for secret in SECRETS if secret not in seen] == []
    flags = correct_flags(json.loads(seen))
    assert flags and set(flags) == {None}
    # the vendor's staff do see the answers
    assert True in correct_flags(json.loads(await answers(client, queries, a.vendor_token)))
