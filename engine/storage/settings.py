"""Storage and upload settings, read from the environment.

``RUTA_STORAGE_BACKEND`` (``local``, default, or ``s3``); local: ``RUTA_MEDIA_ROOT`` (private
files, default ``media``) and ``RUTA_PUBLIC_MEDIA_ROOT`` (pictures, default
``media-public``); S3: ``RUTA_S3_BUCKET``, ``RUTA_S3_ENDPOINT_URL``, ``RUTA_S3_REGION``,
``RUTA_S3_ACCESS_KEY_ID``, ``RUTA_S3_SECRET_ACCESS_KEY`` (else boto3's usual chain).
``RUTA_MEDIA_MAX_UPLOAD_BYTES`` (default 10 MiB) and ``RUTA_MEDIA_MAX_PIXELS`` (default 40
million: larger images are refused as decompression bombs),
``RUTA_DIGITAL_MAX_UPLOAD_BYTES`` (digital goods' files, default 100 MiB).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Backend = Literal["local", "s3"]


class StorageSettingsError(ValueError):
    """The storage settings are incomplete or contradictory."""


@dataclass(frozen=True)
class StorageSettings:
    backend: Backend = "local"
    public_root: str = "media-public"
    s3_bucket: str | None = None
    s3_endpoint_url: str | None = None
    s3_region: str | None = None
    s3_access_key_id: str | None = field(default=None, repr=False)
    s3_secret_access_key: str | None = field(default=None, repr=False)
    max_upload_bytes: int = 10 * 1024 * 1024
    max_pixels: int = 40_000_000
    max_file_bytes: int = 100 * 1024 * 1024


def storage_settings_from_env(env: Mapping[str, str]) -> StorageSettings:
    backend = env.get("RUTA_STORAGE_BACKEND", "local")
    if backend not in ("local", "s3"):
        raise StorageSettingsError("RUTA_STORAGE_BACKEND must be local or s3")
    if backend == "s3" and not env.get("RUTA_S3_BUCKET"):
        raise StorageSettingsError("RUTA_STORAGE_BACKEND=s3 needs RUTA_S3_BUCKET")
    try:
        max_bytes = int(env.get("RUTA_MEDIA_MAX_UPLOAD_BYTES", str(10 * 1024 * 1024)))
        max_pixels = int(env.get("RUTA_MEDIA_MAX_PIXELS", "40000000"))
        max_file = int(env.get("RUTA_DIGITAL_MAX_UPLOAD_BYTES", str(100 * 1024 * 1024)))
    except ValueError as exc:
        raise StorageSettingsError("RUTA_MEDIA_MAX_* must be integers") from exc
    if min(max_bytes, max_pixels, max_file) <= 0:
        raise StorageSettingsError("RUTA_MEDIA_MAX_* must be positive")
    return StorageSettings(
        backend=backend,  # type: ignore[arg-type]
        public_root=env.get("RUTA_PUBLIC_MEDIA_ROOT", "media-public"),
        s3_bucket=env.get("RUTA_S3_BUCKET") or None,
        s3_endpoint_url=env.get("RUTA_S3_ENDPOINT_URL") or None,
        s3_region=env.get("RUTA_S3_REGION") or None,
        s3_access_key_id=env.get("RUTA_S3_ACCESS_KEY_ID") or None,
        s3_secret_access_key=env.get("RUTA_S3_SECRET_ACCESS_KEY") or None,
        max_upload_bytes=max_bytes, max_pixels=max_pixels, max_file_bytes=max_file)
