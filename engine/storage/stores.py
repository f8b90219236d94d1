"""The two stores the engine uses, built once per runtime from the settings: ``public``
(product pictures, served at ``/media/...``) and ``private`` (digital goods, served only
through signed links)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from engine.settings import Settings
from engine.storage.base import Storage
from engine.storage.local import LocalStorage


@dataclass(frozen=True)
class Stores:
    public: Storage
    private: Storage


def build_stores(settings: Settings) -> Stores:
    storage = settings.storage
    if storage.backend == "s3":
        assert storage.s3_bucket is not None
        # boto3 costs ~20 MB per worker: loaded only by deployments that use S3
        s3 = importlib.import_module("engine.storage.s3")
        client = s3.s3_client(storage)
        return Stores(public=s3.S3Storage(client, storage.s3_bucket, "public/"),
                      private=s3.S3Storage(client, storage.s3_bucket, "private/"))
    return Stores(public=LocalStorage(storage.public_root),
                  private=LocalStorage(settings.media_root))
