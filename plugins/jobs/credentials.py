"""Certificates earned on Ruta, shown on a profile only with the person's consent.

They come from the core hook ``ruta_user_credentials`` (the e-learning plugin answers with
its certificates): this plugin never imports another.
"""

from __future__ import annotations

from typing import Any

from engine.plugins.api import Runtime, gather_hook


async def of_user(runtime: Runtime, user_id: int) -> list[dict[str, Any]]:
    answers = await gather_hook(runtime.plugins.hook.ruta_user_credentials,
                                runtime=runtime, user_id=user_id)
    return [item for answer in answers for item in answer]
