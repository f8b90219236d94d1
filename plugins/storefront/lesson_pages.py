"""The lesson player (``/learn/courses/{slug}/lessons/{n}``): the lesson's text, its video
link and download, its quiz (graded by the server: the page never sees the answers), the
course's progress, and the way on (complete, next lesson, certificate)."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.account_guard import signed_in, to_login
from plugins.storefront.course_lessons import CourseView, lesson_url, load_course
from plugins.storefront.forms import field_errors
from plugins.storefront.layout import not_found, render


def _number(visit: Visit) -> int:
    raw = str(visit.request.path_params["number"])
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 6 else 0


async def _find(visit: Visit) -> tuple[CourseView, dict[str, Any]] | None:
    found = await load_course(visit, visit.request.path_params["slug"])
    lesson = found.lesson(_number(visit)) if found is not None else None
    return (found, lesson) if found is not None and lesson is not None else None


def _show(visit: Visit, view: CourseView, lesson: dict[str, Any], *,
          errors: dict[str, str] | None = None, status_code: int = 200) -> Response:
    return render(visit, "learning/lesson.html", view=view, lesson=lesson,
                  lesson_url=lesson_url, errors=errors or {}, status_code=status_code)


async def lesson(visit: Visit) -> Response:
    found = await _find(visit)
    if found is None:
        return not_found(visit)
    return _show(visit, *found)


def _after(visit: Visit, view: CourseView, number: int, payload: dict[str, Any]) -> Response:
    enrolment = payload.get("enrolment") or {}
    if enrolment.get("status") == "COMPLETED":
        return visit.redirect(f"/learn/courses/{view.slug}/certificate", notice=visit.gettext(
            "Congratulations! You completed the course and earned its certificate."))
    target = number + 1 if number < len(view.lessons) else number
    return visit.redirect(lesson_url(view.slug, target),
                          notice=visit.gettext("Lesson completed."))


@signed_in
async def complete(visit: Visit) -> Response:
    found = await _find(visit)
    if found is None:
        return not_found(visit)
    view, current = found
    result = await visit.graphql("LessonComplete", lessonId=current["id"])
    if result.unauthenticated:
        return to_login(visit)
    payload = result.data.get("lessonComplete") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return _show(visit, view, current, errors=errors, status_code=400)
    return _after(visit, view, current["number"], payload)


def _answers(visit: Visit, quiz: dict[str, Any]) -> list[list[int]]:
    answers = []
    for index, question in enumerate(quiz.get("questions") or []):
        allowed = {str(option["index"]) for option in question["options"]}
        chosen = [value for value in visit.form.getlist(f"q{index}")
                  if isinstance(value, str) and value in allowed]
        answers.append(sorted({int(value) for value in chosen}))
    return answers


@signed_in
async def quiz(visit: Visit) -> Response:
    found = await _find(visit)
    if found is None or not (found[1].get("quiz") or {}).get("questions"):
        return not_found(visit)
    view, current = found
    result = await visit.graphql("QuizSubmit", lessonId=current["id"],
                                 answers=_answers(visit, current["quiz"]))
    if result.unauthenticated:
        return to_login(visit)
    payload = result.data.get("quizSubmit") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return _show(visit, view, current, errors=errors, status_code=400)
    score = payload["result"]
    if not score["passed"]:
        return visit.redirect(lesson_url(view.slug, current["number"]), notice=visit.ngettext(
            "You scored %(score)s%%: not enough yet. %(num)d attempt left.",
            "You scored %(score)s%%: not enough yet. %(num)d attempts left.",
            score["attemptsLeft"], score=score["score"]))
    if (payload.get("enrolment") or {}).get("status") == "COMPLETED":
        return _after(visit, view, current["number"], payload)
    return visit.redirect(lesson_url(view.slug, min(current["number"] + 1, len(view.lessons))),
                          notice=visit.gettext("You passed the quiz with %(score)s%%.",
                                               score=score["score"]))
