"""The candidate's CV on their profile (``/jobs/profile``): upload a PDF (a plain
multipart form, handed to ``candidateCvUpload`` as its ``Upload``) and open the one on file
(``jobsCvLink`` then ``jobsCvDownload``: the API lets only its owner, and employers the
person applied to, read it). The API decides what it accepts (a PDF of at most 512 KiB)
and says why it refuses, in the visitor's language."""

from __future__ import annotations

import base64
import binascii

from starlette.datastructures import UploadFile
from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.account_guard import signed_in, to_login
from plugins.storefront.candidate_pages import show_profile
from plugins.storefront.job_errors import job_errors
from plugins.storefront.layout import not_found


@signed_in
async def upload(visit: Visit) -> Response:
    file = visit.form.get("cv")
    if not isinstance(file, UploadFile) or not file.filename:
        return await show_profile(visit, {"cv": visit.gettext("Choose a PDF file.")})
    result = await visit.graphql("JobCvUpload", file=file)
    if result.unauthenticated:
        return to_login(visit)
    payload = result.data.get("candidateCvUpload") or {}
    errors = job_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return await show_profile(visit, {"cv": next(iter(errors.values()))})
    return visit.redirect("/jobs/profile#cv", notice=visit.gettext("Your CV is saved."))


@signed_in
async def download(visit: Visit) -> Response:
    """``?profile=<id>``: the CV, for whoever the API lets read it (its owner; an employer
    the person applied to); anyone else gets 404."""
    made = await visit.graphql("JobCvLink", profileId=visit.request.query_params.get(
        "profile", ""))
    if made.unauthenticated:
        return to_login(visit)
    token = (made.data.get("jobsCvLink") or {}).get("token")
    if not token:
        return not_found(visit)
    found = await visit.graphql("JobCvDownload", token=token)
    file = found.data.get("jobsCvDownload")
    if not file:
        return not_found(visit)
    try:
        body = base64.b64decode(file["contentBase64"], validate=True)
    except (binascii.Error, ValueError):
        return not_found(visit)
    # headers are Latin-1: a Cyrillic or Arabic file name is kept out of it
    safe = "".join(c for c in file["filename"] if c.isascii() and (c.isalnum() or c in "._-"))
    if not any(c.isalnum() for c in safe.rsplit(".", 1)[0]):
        safe = "cv.pdf"
    return Response(body, media_type="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="{safe}"',
        "Cache-Control": "private, no-store"})
