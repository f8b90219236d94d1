"""The CV file: private storage, short-lived signed links, never a public URL.

A CV is a PDF of at most ``MAX_BYTES``, uploaded as a file (the GraphQL multipart request
spec) or, for small files, as base64 (every string input is capped at 100,000 characters,
so base64 takes PDFs up to about 73 KiB). It is written to the core's *private* store
(``runtime.stores.private``: ``RUTA_MEDIA_ROOT`` locally, the bucket's ``private/`` prefix
on S3) under ``jobs/cv/<profile>/`` with a random name; nothing serves that store except
signed links, and the core's download route only serves vendors' own digital goods.
A link is a token from the plugin API's ``sign_link`` (audience ``jobs-cv``, valid
``LINK_TTL``) naming the profile *and the user it was issued to*: only the owner and
employers the person applied to (and did not withdraw from) get one, and only that user
can redeem it (``jobsCvDownload``), so a forwarded link is useless.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from datetime import timedelta

from sqlalchemy import or_, select

from engine.plugins.api import (
    NotFound,
    PermissionDenied,
    Runtime,
    ValidationError,
    sign_link,
    verify_link,
)
from plugins.jobs import profiles
from plugins.jobs.access import Viewer, signed_in
from plugins.jobs.application_models import Application
from plugins.jobs.consent import require_editor
from plugins.jobs.models import CandidateProfile

MAX_BYTES = 512 * 1024
LINK_TTL = timedelta(minutes=5)
AUDIENCE = "jobs-cv"


PREFIX = "jobs/cv/"


def decode(content_base64: str) -> bytes:
    """A CV sent as base64 (small files: every string input is capped by the API)."""
    if len(content_base64) > MAX_BYTES * 4 // 3 + 8:
        raise ValidationError("content", "FILE_TOO_LARGE", "A CV may have at most 512 KiB.")
    try:
        return base64.b64decode(content_base64, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError("content", "INVALID", "The file is not valid base64.") from None


async def upload(runtime: Runtime, viewer: Viewer | None, user_id: int, content: bytes,
                 filename: str) -> CandidateProfile:
    """Store ``content`` (base64-decoded, or read from a multipart upload: at most
    ``MAX_BYTES`` plus one byte is read, enough to refuse a larger file)."""
    if len(content) > MAX_BYTES:
        raise ValidationError("content", "FILE_TOO_LARGE", "A CV may have at most 512 KiB.")
    if not content.startswith(b"%PDF-"):
        raise ValidationError("content", "UNSUPPORTED_FILE", "Upload the CV as a PDF.")
    name = "".join(c for c in filename if c.isalnum() or c in "._- ")[:100] or "cv.pdf"
    async with runtime.transaction() as session:
        await require_editor(session, viewer, user_id)
        profile = await profiles.of_user(session, user_id)
        if profile is None:
            raise ValidationError("userId", "NO_PROFILE", "Create the profile first.")
        key = f"{PREFIX}{profile.id}/{secrets.token_hex(16)}.pdf"
        await runtime.stores.private.put(key, content, "application/pdf")
        old = profile.cv_key
        profile.cv_key, profile.cv_filename = key, name
        await session.flush()
    await remove_file(runtime, old)
    return profile


async def link(runtime: Runtime, viewer: Viewer | None, profile_id: int) -> str:
    """A signed link for the owner, or for an employer the person applied to."""
    viewer = signed_in(viewer)
    async with runtime.db.read() as session:
        profile = await session.get(CandidateProfile, profile_id)
        if profile is None:
            raise NotFound("profileId", "No such profile.")
        if profile.user_id != viewer.user_id:
            employer = [Application.vendor_id == viewer.vendor_id] if viewer.vendor_id else []
            if viewer.partner_id:
                employer.append(Application.partner_id == viewer.partner_id)
            applied = bool(employer) and await session.scalar(
                select(Application.id).where(Application.profile_id == profile_id,
                                             or_(*employer),
                                             Application.status != "WITHDRAWN")
                .limit(1))
            if not applied:
                raise PermissionDenied("Only the candidate and employers they applied to "
                                       "may read this CV.")
        if not profile.cv_key:
            raise ValidationError("profileId", "NO_FILE", "This profile has no CV.")
    return sign_link(runtime.settings, AUDIENCE, f"{profile_id}:{viewer.user_id}", LINK_TTL)


async def download(runtime: Runtime, viewer: Viewer | None, token: str) -> tuple[str, bytes]:
    viewer = signed_in(viewer)
    subject = verify_link(runtime.settings, AUDIENCE, token)
    parts = subject.split(":") if subject else []
    if len(parts) != 2 or parts[1] != str(viewer.user_id):
        raise ValidationError("token", "INVALID_LINK", "This link is invalid or has expired.")
    async with runtime.db.read() as session:
        profile = await session.get(CandidateProfile, int(parts[0]))
    content = await runtime.stores.private.get(profile.cv_key) \
        if profile and profile.cv_key else None
    if profile is None or content is None:
        raise ValidationError("token", "NO_FILE", "This profile has no CV.")
    return profile.cv_filename or "cv.pdf", content


async def remove_file(runtime: Runtime, key: str | None) -> None:
    if key and key.startswith(PREFIX):
        await runtime.stores.private.delete(key)
