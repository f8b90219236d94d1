"""The demo marketplace's courses (``ruta_demo_seed``): course facts, a translated
curriculum with a preview and a quiz, a free course and a live cohort."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from engine.plugins.api import Runtime
from tests.client import Client

CUSTOMER = "customer@ruta.example"
COURSES = """query($f: CourseFilterInput, $l: LanguageCodeEnum) {
  courses(first: 20, filter: $f, languageCode: $l) { totalCount edges { node {
  id slug category { slug } variants { sku price { amount } startsAt capacity
  quantityAvailable }
  course { deliveryMode languages level durationMinutes topics modules { title lessons {
  title isPreview body quiz { passScore questionCount questions { text } } } } } } } } }"""
ENROL = """mutation($p: ID!) { courseEnroll(productId: $p) { enrolment { status
  course { productId } } errors { field code message } } }"""
SLUGS = {"curso-marketing-digital", "curso-financiacion-emprendedores",
         "curso-primeros-pasos-autonomo", "curso-contabilidade-basica",
         "curso-guia-turistico", "curso-turismo-sustentavel"}


async def courses(client: Client, token: str | None = None, **variables: Any
                  ) -> dict[str, dict[str, Any]]:
    data = await client.gql(COURSES, variables, token)
    return {edge["node"]["slug"]: edge["node"] for edge in data["courses"]["edges"]}


async def test_demo_has_varied_courses_with_curricula(demo: Runtime, client: Client) -> None:
    listed = await courses(client)
    assert set(listed) >= SLUGS and len(listed) >= 6
    assert len({node["category"]["slug"] for node in listed.values()}) >= 3
    languages = {code for node in listed.values() for code in node["course"]["languages"]}
    assert {"ES", "PT", "EN"} <= languages
    topics = {t for node in listed.values() for t in node["course"]["topics"]}
    assert {"funding", "marketing", "tourism", "accounting", "legal"} <= topics
    for node in listed.values():
        course = node["course"]
        assert course["level"] and course["durationMinutes"] > 0
        assert len(course["modules"]) == 2
        lessons = [lesson for module in course["modules"] for lesson in module["lessons"]]
        assert all(2 <= len(module["lessons"]) <= 3 for module in course["modules"])
        assert sum(lesson["isPreview"] for lesson in lessons) == 1
        quizzes = [lesson["quiz"] for lesson in lessons if lesson["quiz"]]
        assert len(quizzes) == 1 and quizzes[0]["passScore"] > 0
        assert quizzes[0]["questionCount"] >= 1

    free = [slug for slug, node in listed.items()
            if all(Decimal(v["price"]["amount"]) == 0 for v in node["variants"])]
    assert free == ["curso-primeros-pasos-autonomo"]
    live = [slug for slug, node in listed.items()
            if node["course"]["deliveryMode"] == "LIVE_ONLINE"]
    assert live == ["curso-turismo-sustentavel"]
    cohort = listed["curso-turismo-sustentavel"]["variants"][0]
    assert cohort["sku"] == "TUR-COH1" and cohort["startsAt"] and cohort["capacity"]
    others = {node["course"]["deliveryMode"] for slug, node in listed.items() if slug not in live}
    assert others == {"SELF_PACED_RECORDED"}

    assert set(await courses(client, f={"languageCode": "EN"})) == {
        "curso-marketing-digital", "curso-primeros-pasos-autonomo", "curso-guia-turistico"}
    assert set(await courses(client, f={"languageCode": "PT"})) >= {
        "curso-contabilidade-basica", "curso-turismo-sustentavel"}
    assert "curso-financiacion-emprendedores" in await courses(client, f={"languageCode": "ES"})
    assert set(await courses(client, f={"deliveryMode": "LIVE_ONLINE"})) == {
        "curso-turismo-sustentavel"}


async def test_demo_curriculum_is_translated(demo: Runtime, client: Client) -> None:
    titles = {}
    for language in ("ES", "PT", "EN"):
        node = (await courses(client, l=language))["curso-contabilidade-basica"]
        titles[language] = [m["title"] for m in node["course"]["modules"]]
    assert titles == {"ES": ["Introducción", "Práctica"], "PT": ["Introdução", "Prática"],
                      "EN": ["Introduction", "Practice"]}


async def test_anonymous_sees_outline_but_no_bodies(demo: Runtime, client: Client) -> None:
    for node in (await courses(client)).values():
        lessons = [lesson for module in node["course"]["modules"]
                   for lesson in module["lessons"]]
        assert all(lesson["title"] for lesson in lessons)
        assert all(lesson["body"] is None for lesson in lessons if not lesson["isPreview"])
        assert all(lesson["body"] for lesson in lessons if lesson["isPreview"])
        assert all(lesson["quiz"]["questions"] is None for lesson in lessons if lesson["quiz"])


async def test_demo_customer_enrols_in_free_course(demo: Runtime, client: Client) -> None:
    token = await client.login(CUSTOMER, "ruta-demo")
    listed = await courses(client, token)
    data = await client.gql(ENROL, {"p": listed["curso-primeros-pasos-autonomo"]["id"]}, token)
    assert data["courseEnroll"]["errors"] == []
    assert data["courseEnroll"]["enrolment"]["status"] == "ACTIVE"
    refused = await client.gql(ENROL, {"p": listed["curso-marketing-digital"]["id"]}, token)
    assert refused["courseEnroll"]["errors"][0]["code"] == "NOT_FREE"
    node = (await courses(client, token))["curso-primeros-pasos-autonomo"]
    lessons = [lesson for module in node["course"]["modules"] for lesson in module["lessons"]]
    assert all(lesson["body"] for lesson in lessons)
    quiz = next(lesson["quiz"] for lesson in lessons if lesson["quiz"])
    assert quiz["questions"][0]["text"]
