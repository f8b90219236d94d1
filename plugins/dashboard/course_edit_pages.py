"""Edit or delete a course's modules and lessons. Each page first reads the course
(``CourseOutline``: the module or lesson must be in this product's course, of the visitor's
vendor, else 404), then a POST runs one mutation; deleting asks for confirmation first."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard import quiz_text
from plugins.dashboard.forms import N_, field_errors, text
from plugins.dashboard.guard import PREFIX, signed_in, to_login

QUIZ_HELP = N_("Write each question after ?, then its options after * (right) or - (wrong).")


async def _find(visit: Visit, kind: str) -> tuple[dict[str, Any], dict[str, Any]] | Response:
    """``(product, module or lesson)`` from the URL, or the response to send instead."""
    params = visit.request.path_params
    result = await visit.graphql("CourseOutline", id=params["product_id"])
    if result.unauthenticated:
        return to_login(visit)
    product, vendor = result.data.get("product"), result.data.get("myVendor")
    if not product or not vendor or product["vendor"]["id"] != vendor["id"] \
            or not product.get("course"):
        return visit.not_found()
    for module in product["course"]["modules"]:
        if kind == "module" and module["id"] == params["module_id"]:
            return product, module
        for lesson in module["lessons"]:
            if kind == "lesson" and lesson["id"] == params["lesson_id"]:
                return product, lesson
    return visit.not_found()


def _course(visit: Visit) -> str:
    return f"{PREFIX}/products/{visit.request.path_params['product_id']}/course"


@signed_in
async def module_edit(visit: Visit) -> Response:
    found = await _find(visit, "module")
    if isinstance(found, Response):
        return found
    product, module = found
    values, errors = {"title": module["title"]}, dict[str, str]()
    if visit.request.method == "POST":
        values["title"] = text(visit, "title")
        result = await visit.graphql("CourseModuleUpdate", id=module["id"],
                                     input={"title": values["title"]})
        payload = result.data.get("courseModuleUpdate") or {}
        errors = field_errors(visit, payload.get("errors") or result.errors)
        if not errors:
            return visit.redirect(_course(visit), notice=visit.gettext("Module saved."))
    return visit.render("course_item.html", product=product, item=module, kind="module",
                        values=values, errors=errors, status_code=400 if errors else 200)


def _lesson_values(lesson: dict[str, Any]) -> dict[str, Any]:
    quiz = lesson.get("quiz") or {}
    return {"title": lesson["title"], "body": lesson.get("body") or "",
            "videoUrl": lesson.get("videoUrl") or "", "isPreview": lesson["isPreview"],
            "quiz": quiz_text.write(quiz.get("questions") or [])}


def _lesson_input(visit: Visit, before: dict[str, Any], values: dict[str, Any],
                  errors: dict[str, str]) -> tuple[dict[str, Any], bool]:
    """The API's input (only what changed of the quiz and the video) and ``removeQuiz``."""
    for key in ("title", "body", "videoUrl", "quiz"):
        values[key] = text(visit, key)
    values["isPreview"] = text(visit, "isPreview") == "on"
    data: dict[str, Any] = {"title": values["title"], "body": values["body"],
                            "isPreview": values["isPreview"]}
    if values["videoUrl"] and values["videoUrl"] != before["videoUrl"]:
        data["videoUrl"] = values["videoUrl"]
    elif not values["videoUrl"] and before["videoUrl"]:
        errors["videoUrl"] = visit.gettext(
            "A video link can be replaced but not removed; write the new link.")
    remove_quiz = not values["quiz"] and bool(before["quiz"])
    if values["quiz"] and values["quiz"] != before["quiz"]:
        questions, ok = quiz_text.parse(values["quiz"])
        if not ok:
            errors["quiz"] = visit.gettext(QUIZ_HELP)
        data["quiz"] = {"questions": questions}
        if not before["quiz"]:
            data["passScore"] = 60
    return data, remove_quiz


@signed_in
async def lesson_edit(visit: Visit) -> Response:
    found = await _find(visit, "lesson")
    if isinstance(found, Response):
        return found
    product, lesson = found
    before = _lesson_values(lesson)
    values, errors = dict(before), dict[str, str]()
    if visit.request.method == "POST":
        data, remove_quiz = _lesson_input(visit, before, values, errors)
        if not errors:
            result = await visit.graphql("LessonUpdate", id=lesson["id"], input=data,
                                         removeQuiz=remove_quiz)
            payload = result.data.get("lessonUpdate") or {}
            errors = field_errors(visit, [{**e, "field": "quiz" if str(
                e.get("field") or "").startswith("quiz") else e.get("field")}
                for e in payload.get("errors") or result.errors])
        if not errors:
            return visit.redirect(_course(visit), notice=visit.gettext("Lesson saved."))
    return visit.render("course_item.html", product=product, item=lesson, kind="lesson",
                        values=values, errors=errors, quiz_help=visit.gettext(QUIZ_HELP),
                        status_code=400 if errors else 200)


async def _delete(visit: Visit, kind: str) -> Response:
    found = await _find(visit, kind)
    if isinstance(found, Response):
        return found
    product, item = found
    if visit.request.method == "POST":
        name = "CourseModuleDelete" if kind == "module" else "LessonDelete"
        result = await visit.graphql(name, id=item["id"])
        payload = result.data.get("courseModuleDelete" if kind == "module"
                                  else "lessonDelete") or {}
        errors = field_errors(visit, payload.get("errors") or result.errors)
        notice = next(iter(errors.values()), None) or (
            visit.gettext("Module deleted.") if kind == "module"
            else visit.gettext("Lesson deleted."))
        return visit.redirect(_course(visit), notice=notice)
    return visit.render("course_delete.html", product=product, item=item, kind=kind)


@signed_in
async def module_delete(visit: Visit) -> Response:
    return await _delete(visit, "module")


@signed_in
async def lesson_delete(visit: Visit) -> Response:
    return await _delete(visit, "lesson")
