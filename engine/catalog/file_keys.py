"""Which stored file a vendor may point at: the one rule for file keys.

A file key is a path relative to ``RUTA_MEDIA_ROOT`` (or the object store) and always
lies under the vendor's own prefix, ``vendors/<vendor_id>/``. Anything else (another
vendor's file, an absolute path, ``..`` or ``.`` segments, back-slashes, empty segments,
control characters) is refused with one typed error, so a vendor can never sell, link or
read another vendor's file. Uploads build their keys with :func:`vendor_prefix` and check
them with :func:`check_vendor_key`; downloads re-check with :func:`belongs_to`.
"""

from __future__ import annotations

import re

from engine.errors import ValidationError

MAX_KEY_LENGTH = 500
#: One path segment: letters, digits, ``.``, ``_``, ``-`` (not only dots).
SEGMENT = re.compile(r"[A-Za-z0-9._-]{1,200}")


def vendor_prefix(vendor_id: int) -> str:
    """The folder every file key of ``vendor_id`` starts with."""
    return f"vendors/{int(vendor_id)}/"


def belongs_to(vendor_id: int, key: str) -> bool:
    """Whether ``key`` is a clean file key inside ``vendor_id``'s own prefix."""
    prefix = vendor_prefix(vendor_id)
    if len(key) > MAX_KEY_LENGTH or not key.startswith(prefix):
        return False
    segments = key[len(prefix):].split("/")
    return all(SEGMENT.fullmatch(s) and s.strip(".") for s in segments)


def check_vendor_key(vendor_id: int, key: str, field: str = "digitalAsset") -> str:
    """``key`` if it belongs to ``vendor_id``; else a typed ``FORBIDDEN_FILE_KEY`` error."""
    if not belongs_to(vendor_id, key):
        raise ValidationError(field, "FORBIDDEN_FILE_KEY",
                              f"A file key must be under {vendor_prefix(vendor_id)} "
                              "(your own files), without '..', '.' or empty segments.")
    return key
