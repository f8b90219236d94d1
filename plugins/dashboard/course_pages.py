"""Course authoring on a COURSE product: settings, modules, lessons with quizzes, and the
learners' progress (enrolments, starts, completions, module funnel, quiz scores, at risk)."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard import quiz_text
from plugins.dashboard.forms import N_, field_errors, int_or_none, text
from plugins.dashboard.guard import PREFIX, signed_in, to_login

LEVELS = {"BEGINNER": N_("Beginner"), "INTERMEDIATE": N_("Intermediate"),
          "ADVANCED": N_("Advanced")}
MODES = {"SELF_PACED_RECORDED": N_("Recorded, at your own pace"),
         "LIVE_ONLINE": N_("Live online"), "IN_PERSON": N_("In person")}


async def _page(visit: Visit, errors: dict[str, str] | None = None,
                values: dict[str, str] | None = None) -> Response:
    product_id = visit.request.path_params["product_id"]
    result = await visit.graphql("CourseEdit", id=product_id)
    if result.unauthenticated:
        return to_login(visit)
    product, vendor = result.data.get("product"), result.data.get("myVendor")
    if not product or not vendor or product["vendor"]["id"] != vendor["id"] \
            or product["kind"] != "COURSE":
        return visit.not_found()
    stats = next((s for s in vendor.get("courseStats") or []
                  if s["productId"] == product["id"]), None)
    return visit.render("course.html", product=product, course=product.get("course"),
                        stats=stats, levels=LEVELS, modes=MODES, errors=errors or {},
                        values=values or {}, status_code=400 if errors else 200)


@signed_in
async def course(visit: Visit) -> Response:
    return await _page(visit)


def _back(visit: Visit, notice: str) -> Response:
    return visit.redirect(f"{PREFIX}/products/{visit.request.path_params['product_id']}/course",
                          notice=notice)


@signed_in
async def course_save(visit: Visit) -> Response:
    data: dict[str, Any] = {"deliveryMode": text(visit, "deliveryMode") or None,
                            "level": text(visit, "level") or None}
    minutes = text(visit, "durationMinutes")
    if minutes:
        data["durationMinutes"] = int_or_none(minutes)
        if data["durationMinutes"] is None:
            return await _page(visit, {"durationMinutes": visit.gettext(
                "Write a whole number, 0 or more.")}, {"form": "course"})
    result = await visit.graphql("CourseSave", productId=visit.request.path_params["product_id"],
                                 input=data)
    payload = result.data.get("courseSave") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return await _page(visit, errors, {"form": "course"})
    return _back(visit, visit.gettext("Course saved."))


@signed_in
async def module_create(visit: Visit) -> Response:
    result = await visit.graphql("CourseModuleCreate", courseId=text(visit, "courseId"),
                                 input={"title": text(visit, "title")})
    payload = result.data.get("courseModuleCreate") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return await _page(visit, errors, {"form": "module", "title": text(visit, "title")})
    return _back(visit, visit.gettext("Module added."))


@signed_in
async def lesson_create(visit: Visit) -> Response:
    module_id = visit.request.path_params["module_id"]
    values = {"title": text(visit, "title"), "body": text(visit, "body"),
              "quiz": text(visit, "quiz")}
    data: dict[str, Any] = {"title": values["title"], "body": values["body"] or None,
                            "isPreview": text(visit, "isPreview") == "on"}
    if values["quiz"]:
        questions, ok = quiz_text.parse(values["quiz"])
        if not ok:
            return await _page(visit, {"quiz": visit.gettext(
                "Write each question after ?, then its options after * (right) or - (wrong).")},
                {**values, "form": module_id})
        data["quiz"] = {"questions": questions}
        data["passScore"] = 60
    result = await visit.graphql("LessonCreate", moduleId=module_id, input=data)
    payload = result.data.get("lessonCreate") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return await _page(visit, errors, {**values, "form": module_id})
    return _back(visit, visit.gettext("Lesson added."))
