"""Apollo persisted queries: ``extensions.persistedQuery { version sha256Hash }``.

A client first sends only the hash; an unknown hash gets the standard
``PersistedQueryNotFound`` error (``extensions.code = "PERSISTED_QUERY_NOT_FOUND"``), and
the client retries with the query and the hash, which registers it (after checking that
the hash is the query's SHA-256). Registered documents live in each worker's memory
(bounded, least recently used first out): a worker that has not seen a hash answers
``PersistedQueryNotFound`` once and the client's retry registers it there.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import Any

NOT_FOUND = "PersistedQueryNotFound"


class PersistedQueryError(Exception):
    def __init__(self, message: str, code: str, status: int) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status

    def body(self) -> dict[str, Any]:
        return {"errors": [{"message": self.message, "extensions": {"code": self.code}}]}


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class PersistedQueries:
    def __init__(self, max_entries: int = 5000) -> None:
        self.max_entries = max_entries
        self._documents: OrderedDict[str, str] = OrderedDict()

    def register(self, digest: str, query: str) -> None:
        self._documents[digest] = query
        self._documents.move_to_end(digest)
        while len(self._documents) > self.max_entries:
            self._documents.popitem(last=False)

    def resolve(self, query: str | None, extension: Any) -> str:
        """The document text for a request carrying ``extension``; registers new ones."""
        if not isinstance(extension, dict):
            raise PersistedQueryError("persistedQuery must be an object.", "BAD_REQUEST", 400)
        if extension.get("version") != 1:
            raise PersistedQueryError("Unsupported persisted query version.",
                                      "PERSISTED_QUERY_VERSION_NOT_SUPPORTED", 400)
        digest = extension.get("sha256Hash")
        if not isinstance(digest, str) or len(digest) != 64:
            raise PersistedQueryError("sha256Hash must be 64 hexadecimal characters.",
                                      "BAD_REQUEST", 400)
        digest = digest.lower()
        if query is not None:
            if sha256_hex(query) != digest:
                raise PersistedQueryError("provided sha does not match query",
                                          "PERSISTED_QUERY_HASH_MISMATCH", 400)
            self.register(digest, query)
            return query
        known = self._documents.get(digest)
        if known is None:
            raise PersistedQueryError(NOT_FOUND, "PERSISTED_QUERY_NOT_FOUND", 200)
        self._documents.move_to_end(digest)
        return known
