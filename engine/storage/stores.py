"""The two stores the engine uses, built once per runtime from the settings: ``public``
(product pictures, served at ``/media/...``) and ``private`` (digital goods, served only
through signed links)."""

from __future__ import annotations

from dataclasses import dataclass

from engine.settings import Settings
from engine.storage.base import Storage
from engine.storage.local import LocalStorage
from engine.storage.s3 import S3Storage, s3_client


@dataclass(frozen=True)
class Stores:
    public: Storage
    private: Storage


def build_stores(settings: Settings) -> Stores:
    storage = settings.storage
    if storage.backend == "s3":
        assert storage.s3_bucket is not None
        client = s3_client(storage)
        return Stores(public=S3Storage(client, storage.s3_bucket, "public/"),
                      private=S3Storage(client, storage.s3_bucket, "private/"))
    return Stores(public=LocalStorage(storage.public_root),
                  private=LocalStorage(settings.media_root))
