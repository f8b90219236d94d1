"""Decoding a JSON request body without letting its shape crash the server.

``json.loads`` raises ``RecursionError`` on deeply nested input (``[`` x 100,000): that is
the client's malformed body, so it becomes the same ``JSONDecodeError`` as any other
unparseable body, which every caller already answers with 400.
"""

from __future__ import annotations

import json


def decode(data: str | bytes) -> object:
    try:
        return json.loads(data)
    except RecursionError as exc:
        text = data if isinstance(data, str) else data[:64].decode("utf-8", "replace")
        raise json.JSONDecodeError("JSON nested too deeply", text, 0) from exc
