"""A lesson quiz's questions and options in another language.

A translation repeats the lesson's quiz question for question and option for option: the
correct answers stay the lesson's (grading is by option index, so a learner's language never
changes a score). A translation whose shape no longer matches the quiz (the vendor changed
the quiz afterwards) is ignored when reading, and the original texts are shown.
"""

from __future__ import annotations

from typing import Any

from engine.plugins.api import Collector, clean_text

MAX_QUESTION, MAX_OPTION = 10_000, 200


def shape(quiz: dict[str, Any] | None) -> list[int]:
    """The number of options of each question (what a translation must repeat)."""
    return [len(q["options"]) for q in (quiz or {}).get("questions", [])]


def clean(errors: Collector, lesson_quiz: dict[str, Any] | None,
          translated: list[tuple[str, list[str]]]) -> dict[str, Any] | None:
    """The stored form of ``translated`` (``(text, options)`` per question), or None after
    adding field errors when it does not fit the lesson's quiz."""
    if not lesson_quiz:
        errors.add("quiz", "NO_QUIZ", "This lesson has no quiz to translate.")
        return None
    if [len(options) for _, options in translated] != shape(lesson_quiz):
        errors.add("quiz", "INVALID", "Translate every question and every option of the "
                                      "lesson's quiz, in the same order.")
        return None
    questions = []
    for index, (text, options) in enumerate(translated):
        questions.append({
            "text": clean_text(text, field=f"quiz.questions.{index}.text",
                               max_length=MAX_QUESTION, multiline=True, errors=errors) or "",
            "options": [clean_text(option, field=f"quiz.questions.{index}.options.{i}",
                                   max_length=MAX_OPTION, errors=errors) or ""
                        for i, option in enumerate(options)]})
    return {"questions": questions}


def translated(lesson_quiz: dict[str, Any] | None, texts: dict[str, Any] | None
               ) -> dict[str, Any] | None:
    """The lesson's quiz with the translation's texts (and the lesson's correct answers)."""
    if not lesson_quiz or not texts or shape(texts) != shape(lesson_quiz):
        return lesson_quiz
    return {"questions": [{**original, "text": text["text"], "options": list(text["options"])}
                          for original, text in zip(lesson_quiz["questions"],
                                                    texts["questions"], strict=True)]}
