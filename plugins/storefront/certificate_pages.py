"""The learner's certificate of a course (``/learn/courses/{slug}/certificate``): name,
course, date and issuer, the PDF in the page's language (a signed link from the API), the
public verification link and the credential to share."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.account_guard import signed_in, to_login
from plugins.storefront.buyer import language_code
from plugins.storefront.layout import not_found, render


def on_this_site(url: str | None) -> str | None:
    """The API's absolute link (built from ``RUTA_PUBLIC_URL``) as a path on this site: the
    storefront is served by the same app, whatever host the visitor reached it by."""
    if not url:
        return None
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _local(found: dict[str, Any] | None) -> dict[str, Any] | None:
    if found is None:
        return None
    return {**found, "pdfUrl": on_this_site(found.get("pdfUrl")),
            "verifyUrl": on_this_site(found.get("verifyUrl"))}


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
                  certificate=_local(enrolment.get("certificate")), me=me, slug=slug)
