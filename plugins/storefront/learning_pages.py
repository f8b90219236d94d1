"""Learning: my courses (``/learn``), a course's page with its outline and, for a free
course, enrolment (``/learn/courses/{slug}``). The lesson player is in ``lesson_pages``,
the certificate in ``certificate_pages``, the public check in ``verify_pages``."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.account_guard import signed_in, to_login
from plugins.storefront.buyer import language_code
from plugins.storefront.course_lessons import lesson_url, load_course
from plugins.storefront.forms import field_errors
from plugins.storefront.layout import not_found, render


@signed_in
async def my_courses(visit: Visit) -> Response:
    result = await visit.graphql("MyCourses", languageCode=language_code(visit))
    if result.unauthenticated:
        return to_login(visit)
    enrolments = [e for e in result.data.get("myEnrolments") or [] if e.get("product")]
    return render(visit, "learning/my_courses.html", enrolments=enrolments)


async def course(visit: Visit) -> Response:
    found = await load_course(visit, visit.request.path_params["slug"])
    if found is None:
        return not_found(visit)
    return render(visit, "learning/course.html", view=found, lesson_url=lesson_url)


@signed_in
async def enrol(visit: Visit) -> Response:
    slug = visit.request.path_params["slug"]
    found = await load_course(visit, slug)
    if found is None:
        return not_found(visit)
    if found.enrolled:
        return visit.redirect(lesson_url(slug, found.resume()))
    result = await visit.graphql("CourseEnroll", productId=found.product["id"])
    if result.unauthenticated:
        return to_login(visit)
    payload = result.data.get("courseEnroll") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return render(visit, "learning/course.html", view=found, lesson_url=lesson_url,
                      errors=errors, status_code=400)
    return visit.redirect(lesson_url(slug, 1), notice=visit.gettext(
        "You are enrolled. Enjoy the course!"))
