"""Great-circle distance and opening hours in a place's own time zone."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

EARTH_KM = 6371.0088


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(a))


def is_open(hours: dict[str, Any], time_zone: str, at: datetime) -> bool:
    """Whether ``at`` (aware) falls in the opening hours, read in ``time_zone``."""
    local = at.astimezone(ZoneInfo(time_zone))
    now = local.strftime("%H:%M")
    return any(opens <= now < closes
               for opens, closes in hours.get(str(local.isoweekday()), []))


def valid_hours(hours: dict[str, Any]) -> bool:
    """Weekdays "1".."7" to lists of ["HH:MM", "HH:MM"] with opening before closing."""
    for day, spans in hours.items():
        if day not in {str(d) for d in range(1, 8)} or not isinstance(spans, list):
            return False
        for span in spans:
            if (not isinstance(span, list) or len(span) != 2
                    or not all(isinstance(t, str) and len(t) == 5 and t[2] == ":" for t in span)
                    or span[0] >= span[1]):
                return False
    return True
