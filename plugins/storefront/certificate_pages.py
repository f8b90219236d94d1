"""The learner's certificate of a course (``/learn/courses/{slug}/certificate``): name,
course, date and issuer, the PDF in the page's language (a signed link from the API), the
public verification link and the credential to share."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.account_guard import signed_in, to_login
from plugins.storefront.buyer import language_code
from plugins.storefront.layout import not_found, render


@signed_in
async def certificate(visit: Visit) -> Response:
    result = await visit.graphql("MyCertificate", languageCode=language_code(visit))
    if result.unauthenticated:
        return to_login(visit)
    slug = visit.request.path_params["slug"]
    enrolment = next((e for e in result.data.get("myEnrolments") or []
                      if (e.get("product") or {}).get("slug") == slug), None)
    if enrolment is None:
        return not_found(visit)
    me = result.data.get("me") or {}
    return render(visit, "learning/certificate.html", enrolment=enrolment,
                  certificate=enrolment.get("certificate"), me=me, slug=slug)
