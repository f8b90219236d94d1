"""Quiz questions and answers are translatable like lessons: a learner reads the quiz in
their language (with English, then the original, as fallback), answers by option and is
graded against the lesson's correct answers; a translation that does not repeat the quiz
question for question and option for option is refused and nothing is written."""

from __future__ import annotations

from typing import Any

from tests.client import Client
from tests.plugins.elearning.test_courses import OUTLINE, QUIZ, lessons_of, ok
from tests.plugins.elearning.test_progress import SUBMIT, enrolled

TRANSLATE = """mutation($id: ID!, $l: LanguageCodeEnum!, $t: String!, $b: String,
  $q: QuizTranslationInput) {
  courseTranslationSet(id: $id, languageCode: $l, title: $t, body: $b, quiz: $q) {
  errors { field code message } } }"""
UPDATE = """mutation($id: ID!, $i: LessonInput!) { lessonUpdate(id: $id, input: $i) {
  errors { code } } }"""
SPANISH = {"questions": [
    {"text": "¿Cuál es la segunda?", "options": ["Uno", "Dos", "Tres"]},
    {"text": "Elige las dos", "options": ["Equis", "I griega", "Zeta"]}]}


async def quiz_in(client: Client, product_id: str, language: str | None, token: str
                  ) -> dict[str, Any]:
    data = await client.gql(OUTLINE, {"id": product_id, "l": language}, token)
    quiz: dict[str, Any] = lessons_of(data["product"]["course"])
    return next(lesson["quiz"] for lesson in quiz.values() if lesson["quiz"])


async def test_a_learner_reads_the_quiz_in_spanish_and_is_graded_by_the_lessons_answers(
        client: Client) -> None:
    a, learner = await enrolled(client)
    await ok(client, TRANSLATE, {"id": a.lessons["quiz"], "l": "ES", "t": "Compruébalo",
                                 "q": SPANISH}, a.vendor_token, "courseTranslationSet")
    spanish = await quiz_in(client, a.product_id, "ES", learner)
    assert [q["text"] for q in spanish["questions"]] == ["¿Cuál es la segunda?",
                                                         "Elige las dos"]
    assert [o["text"] for o in spanish["questions"][1]["options"]] == \
        ["Equis", "I griega", "Zeta"]
    assert all(o["isCorrect"] is None for q in spanish["questions"] for o in q["options"])
    # another language without a translation: the original texts
    french = await quiz_in(client, a.product_id, "FR", learner)
    assert [o["text"] for o in french["questions"][0]["options"]] == ["A", "B", "C"]
    # the vendor sees which translated option is correct: the lesson's answers
    staff = await quiz_in(client, a.product_id, "ES", a.vendor_token)
    assert [(o["text"], o["isCorrect"]) for o in staff["questions"][0]["options"]] == \
        [("Uno", False), ("Dos", True), ("Tres", False)]
    graded = (await client.gql(SUBMIT, {"l": a.lessons["quiz"], "a": [[1], [0, 2]]},
                               learner))["quizSubmit"]
    assert graded["result"]["score"] == 100 and graded["result"]["passed"]
    # a later title-only translation keeps the quiz's translation
    await ok(client, TRANSLATE, {"id": a.lessons["quiz"], "l": "ES", "t": "Repaso"},
             a.vendor_token, "courseTranslationSet")
    assert (await quiz_in(client, a.product_id, "ES", learner))["questions"][0]["text"] == \
        "¿Cuál es la segunda?"


async def test_a_quiz_translation_must_repeat_every_question_and_option(client: Client
                                                                        ) -> None:
    a, learner = await enrolled(client)
    short = {"questions": [SPANISH["questions"][0],
                           {"text": "Elige", "options": ["Equis", "Zeta"]}]}
    for lesson, quiz, code in ((a.lessons["quiz"], short, "INVALID"),
                               (a.lessons["quiz"], {"questions": SPANISH["questions"][:1]},
                                "INVALID"),
                               (a.lessons["content"], SPANISH, "NO_QUIZ")):
        data = await client.gql(TRANSLATE, {"id": lesson, "l": "ES", "t": "Nuevo título",
                                            "q": quiz}, a.vendor_token)
        errors = data["courseTranslationSet"]["errors"]
        assert [(e["field"], e["code"]) for e in errors] == [("quiz", code)]
        assert errors[0]["message"]
    outline = await client.gql(OUTLINE, {"id": a.product_id, "l": "ES"}, learner)
    titles = list(lessons_of(outline["product"]["course"]))
    assert "Nuevo título" not in titles  # nothing was written
    # an outsider may not translate the quiz
    other = await client.register("outsider@example.com")
    refused = await client.raw(TRANSLATE, {"id": a.lessons["quiz"], "l": "ES", "t": "x",
                                           "q": SPANISH}, other)
    assert refused["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


async def test_when_the_vendor_reshapes_the_quiz_the_stale_translation_falls_back(
        client: Client) -> None:
    a, learner = await enrolled(client)
    await ok(client, TRANSLATE, {"id": a.lessons["quiz"], "l": "ES", "t": "Compruébalo",
                                 "q": SPANISH}, a.vendor_token, "courseTranslationSet")
    reshaped = {"questions": [*QUIZ["questions"],
                              {"text": "New", "options": ["P", "Q"], "correct": [0]}]}
    changed = await client.gql(UPDATE, {"id": a.lessons["quiz"], "i": {"quiz": reshaped}},
                               a.vendor_token)
    assert changed["lessonUpdate"]["errors"] == []
    spanish = await quiz_in(client, a.product_id, "ES", learner)
    assert [q["text"] for q in spanish["questions"]][1:] == ["Pick both", "New"]
