"""Where files live: one small interface (``engine.storage.base.Storage``), two backends
(a local directory, S3-compatible object storage)."""
