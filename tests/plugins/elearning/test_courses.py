"""Courses: vendor staff attach course facts and a translatable curriculum to a COURSE
product; the catalog lists and filters courses. (Also holds the scenario kit the other
e-learning tests import.)"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tests.client import Client

SECRET_BODY = "SECRET-LESSON-BODY-7f3a"
SECRET_VIDEO = "https://video.example/secret-7f3a.mp4"
SECRET_RESOURCE = "https://files.example/secret-7f3a.pdf"
SECRET_QUESTION = "SECRET-QUESTION-7f3a"
PREVIEW_BODY = "Welcome: what this course is about."

SAVE = """mutation($p: ID!, $i: CourseInput!) { courseSave(productId: $p, input: $i) {
  course { id productId deliveryMode languages level durationMinutes topics }
  errors { field code message } } }"""
MODULE = """mutation($c: ID!, $i: CourseModuleInput!) { courseModuleCreate(courseId: $c,
  input: $i) { module { id title } errors { field code message } } }"""
LESSON = """mutation($m: ID!, $i: LessonInput!) { lessonCreate(moduleId: $m, input: $i) {
  lesson { id title body quiz { questions { text options { index isCorrect } } } }
  errors { field code message } } }"""
TRANSLATE = """mutation($id: ID!, $l: LanguageCodeEnum!, $t: String!, $b: String) {
  courseTranslationSet(id: $id, languageCode: $l, title: $t, body: $b) {
  errors { field code message } } }"""
OUTLINE = """query($id: ID!, $l: LanguageCodeEnum) { product(id: $id, languageCode: $l) {
  course { id deliveryMode level topics viewerIsEnrolled modules { title lessons { id title
  isPreview locked lockedReason completed body videoUrl resourceUrl hasVideo
  quiz { questionCount passScore questions { text options { text isCorrect } } } } } } } }"""
QUIZ = {"questions": [
    {"text": SECRET_QUESTION, "options": ["A", "B", "C"], "correct": [1]},
    {"text": "Pick both", "options": ["X", "Y", "Z"], "correct": [0, 2]}]}


@dataclass
class Academy:
    operator: str
    vendor_token: str
    vendor_id: str
    product_id: str
    variant_id: str
    course_id: str
    lessons: dict[str, str] = field(default_factory=dict)
    modules: dict[str, str] = field(default_factory=dict)


async def ok(client: Client, query: str, variables: dict[str, Any], token: str | None,
             name: str) -> dict[str, Any]:
    data = await client.gql(query, variables, token)
    assert data[name]["errors"] == [], data
    result: dict[str, Any] = data[name]
    return result


async def course_product(client: Client, token: str, name: str, *, price: str = "30.00",
                         **facts: Any) -> tuple[str, str, str]:
    """A published COURSE product with course facts: (product id, variant id, course id)."""
    product_id, variant_id = await client.product(token, name, kind="COURSE", price=price,
                                                  stock=1000)
    given = {"deliveryMode": "SELF_PACED_RECORDED", "languages": ["ES", "EN"],
             "level": "BEGINNER", "durationMinutes": 120, "topics": ["marketing"], **facts}
    saved = await ok(client, SAVE, {"p": product_id, "i": given}, token, "courseSave")
    return product_id, variant_id, saved["course"]["id"]


async def academy(client: Client, *, price: str = "30.00", **facts: Any) -> Academy:
    """A vendor selling one course: module 1 (a preview lesson, a content lesson), module 2
    (a quiz lesson, a lesson released 7 days after enrolment)."""
    operator = await client.operator("academy-op@example.com")
    token, vendor_id = await client.vendor("teacher@example.com", "Academia",
                                           operator_token=operator)
    product_id, variant_id, course_id = await course_product(
        client, token, "Digital marketing", price=price, **facts)
    a = Academy(operator, token, vendor_id, product_id, variant_id, course_id)
    for key, title in (("one", "Basics"), ("two", "Practice")):
        made = await ok(client, MODULE, {"c": course_id, "i": {"title": title, "position": 1
                                                                if key == "one" else 2}},
                        token, "courseModuleCreate")
        a.modules[key] = made["module"]["id"]
    lessons = {
        "preview": ("one", {"title": "Welcome", "body": PREVIEW_BODY, "isPreview": True,
                            "position": 1}),
        "content": ("one", {"title": "Funnels", "body": SECRET_BODY, "videoUrl": SECRET_VIDEO,
                            "resourceUrl": SECRET_RESOURCE, "position": 2}),
        "quiz": ("two", {"title": "Check yourself", "body": "Answer.", "quiz": QUIZ,
                         "passScore": 100, "maxAttempts": 2, "position": 1}),
        "later": ("two", {"title": "Advanced", "body": "Later.", "dripDays": 7,
                          "position": 2}),
    }
    for key, (module, given) in lessons.items():
        made = await ok(client, LESSON, {"m": a.modules[module], "i": given}, token,
                        "lessonCreate")
        a.lessons[key] = made["lesson"]["id"]
    return a


async def outline(client: Client, a: Academy, token: str | None = None,
                  language: str | None = None) -> dict[str, Any]:
    data = await client.gql(OUTLINE, {"id": a.product_id, "l": language}, token)
    course: dict[str, Any] = data["product"]["course"]
    return course


def lessons_of(course: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {lesson["title"]: lesson for module in course["modules"]
            for lesson in module["lessons"]}


# --- tests ------------------------------------------------------------------------------


async def test_vendor_builds_a_course_that_the_product_shows(client: Client) -> None:
    a = await academy(client)
    course = await outline(client, a, a.vendor_token)
    assert course["deliveryMode"] == "SELF_PACED_RECORDED"
    assert [m["title"] for m in course["modules"]] == ["Basics", "Practice"]
    lessons = lessons_of(course)
    assert list(lessons) == ["Welcome", "Funnels", "Check yourself", "Advanced"]
    # the vendor's staff see everything, the correct answers included
    assert lessons["Funnels"]["body"] == SECRET_BODY
    options = lessons["Check yourself"]["quiz"]["questions"][0]["options"]
    assert [o["isCorrect"] for o in options] == [False, True, False]


async def test_curriculum_is_translatable_with_english_fallback(client: Client) -> None:
    a = await academy(client)
    await ok(client, TRANSLATE, {"id": a.lessons["preview"], "l": "ES", "t": "Bienvenida",
                                 "b": "Bienvenido al curso."}, a.vendor_token,
             "courseTranslationSet")
    await ok(client, TRANSLATE, {"id": a.modules["one"], "l": "PT", "t": "Fundamentos"},
             a.vendor_token, "courseTranslationSet")
    await ok(client, TRANSLATE, {"id": a.modules["one"], "l": "EN", "t": "Basics (EN)"},
             a.vendor_token, "courseTranslationSet")
    spanish = await outline(client, a, None, "ES")
    assert lessons_of(spanish)["Bienvenida"]["body"] == "Bienvenido al curso."
    assert spanish["modules"][0]["title"] == "Basics (EN)"  # no ES title: English
    portuguese = await outline(client, a, None, "PT")
    assert portuguese["modules"][0]["title"] == "Fundamentos"
    assert lessons_of(portuguese)["Welcome"]["body"] == PREVIEW_BODY


async def test_only_the_products_vendor_staff_may_change_its_course(client: Client) -> None:
    a = await academy(client)
    other, _ = await client.vendor("rival@example.com", "Rival", operator_token=a.operator)
    for token, code in ((other, "PERMISSION_DENIED"), (None, "UNAUTHENTICATED")):
        body = await client.raw(SAVE, {"p": a.product_id, "i": {"level": "ADVANCED"}}, token)
        assert body["errors"][0]["extensions"]["code"] == code
        body = await client.raw(LESSON, {"m": a.modules["one"], "i": {"title": "x"}}, token)
        assert body["errors"][0]["extensions"]["code"] == code
        body = await client.raw(TRANSLATE, {"id": a.lessons["content"], "l": "ES", "t": "x"},
                                token)
        assert body["errors"][0]["extensions"]["code"] == code
    course = await outline(client, a)
    assert course["level"] == "BEGINNER" and len(lessons_of(course)) == 4
    # an operator may
    await ok(client, SAVE, {"p": a.product_id, "i": {"level": "ADVANCED"}}, a.operator,
             "courseSave")
    assert (await outline(client, a))["level"] == "ADVANCED"


async def test_bad_course_input_is_refused_and_nothing_is_written(client: Client) -> None:
    a = await academy(client)
    physical, _ = await client.product(a.vendor_token, "Book")
    data = await client.gql(SAVE, {"p": physical, "i": {"deliveryMode": "LIVE_ONLINE"}},
                            a.vendor_token)
    assert data["courseSave"]["errors"][0]["code"] == "NOT_A_COURSE"
    data = await client.gql(SAVE, {"p": a.product_id, "i": {
        "durationMinutes": -5, "topics": [""], "prerequisiteCourseId": a.product_id}},
        a.vendor_token)
    assert {e["field"] for e in data["courseSave"]["errors"]} == {
        "durationMinutes", "topics.0", "prerequisiteCourseId"}
    bad_quiz = {"questions": [{"text": "Q", "options": ["only one"], "correct": [3]}]}
    data = await client.gql(LESSON, {"m": a.modules["one"], "i": {
        "title": "Bad", "videoUrl": "javascript:alert(1)", "quiz": bad_quiz}}, a.vendor_token)
    assert {e["field"] for e in data["lessonCreate"]["errors"]} == {
        "videoUrl", "quiz.questions.0.options", "quiz.questions.0.correct"}
    course = await outline(client, a, a.vendor_token)
    assert course["topics"] == ["marketing"] and "Bad" not in lessons_of(course)


COURSES = """query($f: CourseFilterInput) { courses(first: 10, filter: $f) { totalCount
  edges { node { name kind course { deliveryMode level languages } } } } }"""


async def test_courses_are_listed_and_filtered(client: Client) -> None:
    a = await academy(client)
    await course_product(client, a.vendor_token, "Live negotiation", languages=["PT"],
                         deliveryMode="LIVE_ONLINE", level="ADVANCED")
    await client.product(a.vendor_token, "Not a course")
    await client.product(a.vendor_token, "Course without data", kind="COURSE")

    async def names(flt: dict[str, Any] | None) -> list[str]:
        data = await client.gql(COURSES, {"f": flt})
        return sorted(edge["node"]["name"] for edge in data["courses"]["edges"])

    assert await names(None) == ["Digital marketing", "Live negotiation"]
    assert await names({"deliveryMode": "LIVE_ONLINE"}) == ["Live negotiation"]
    assert await names({"languageCode": "ES"}) == ["Digital marketing"]
    assert await names({"level": "BEGINNER", "languageCode": "EN"}) == ["Digital marketing"]
    assert await names({"level": "ADVANCED", "languageCode": "ES"}) == []


async def test_courses_filter_by_category_on_the_demo_catalog(client: Client, demo: Any
                                                              ) -> None:
    token = await client.login("vendor.es@ruta.example", "ruta-demo")
    product = (await client.gql('{ product(slug: "curso-marketing-digital") { id } }'))
    await ok(client, SAVE, {"p": product["product"]["id"], "i": {
        "deliveryMode": "SELF_PACED_RECORDED", "languages": ["ES"]}}, token, "courseSave")
    categories = (await client.gql("{ categories(first: 50) { edges { node { id slug "
                                   "children { id slug } } } } }"))["categories"]["edges"]
    slugs = {c["slug"]: c["id"] for edge in categories
             for c in [edge["node"], *edge["node"]["children"]]}
    listed = await client.gql(COURSES, {"f": {"categoryId": slugs["courses"]}})
    assert [e["node"]["name"] for e in listed["courses"]["edges"]] != []
    assert (await client.gql(COURSES, {"f": {"categoryId": slugs["wine"]}})
            )["courses"]["edges"] == []
