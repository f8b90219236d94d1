"""What an upload really is, decided from its bytes (never from its name).

Pillow identifies the image; only JPEG, PNG, WebP and AVIF (when this Pillow has it) are
accepted. An image over ``max_pixels`` is a decompression bomb: refused before it is
decoded (plus Pillow's own guard, ``DecompressionBombError``). Pillow is imported on the
first upload, not at start-up (``tests/test_startup_imports.py``).
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass

from engine.errors import ValidationError


@functools.cache
def accepted_formats() -> dict[str, tuple[str, str]]:
    """Pillow format name -> (content type, file extension)."""
    from PIL import features

    formats = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png"),
               "WEBP": ("image/webp", "webp")}
    if features.check("avif"):
        formats["AVIF"] = ("image/avif", "avif")
    return formats


@dataclass(frozen=True)
class Sniffed:
    content_type: str
    extension: str
    width: int
    height: int


def sniff_image(data: bytes, max_pixels: int) -> Sniffed:
    """Raise ``ValidationError`` (``file``: ``UNSUPPORTED_FILE_TYPE`` or
    ``IMAGE_TOO_LARGE``) unless ``data`` is a whole, supported image. Opening reads only
    the header, so a bomb is refused before any pixel is decoded."""
    from PIL import Image, UnidentifiedImageError

    formats = accepted_formats()
    try:
        with Image.open(io.BytesIO(data), formats=list(formats)) as image:
            fmt, size = image.format, image.size
            if size[0] * size[1] > max_pixels:
                raise Image.DecompressionBombError(f"{size} is over the limit")
            image.load()  # a truncated or corrupt body fails here
    except Image.DecompressionBombError:
        raise ValidationError("file", "IMAGE_TOO_LARGE",
                              f"Images may have at most {max_pixels:,} pixels.") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError("file", "UNSUPPORTED_FILE_TYPE",
                              f"Upload a {', '.join(sorted(formats))} image.") from None
    if fmt not in formats:
        raise ValidationError("file", "UNSUPPORTED_FILE_TYPE",
                              f"Upload a {', '.join(sorted(formats))} image.")
    content_type, extension = formats[fmt]
    return Sniffed(content_type, extension, size[0], size[1])
