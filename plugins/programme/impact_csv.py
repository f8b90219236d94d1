"""The impact report as CSV (suppressed cells are written as "<5", never as a number)."""

from __future__ import annotations

import csv
import io

from plugins.programme.impact import COUNTS, SUMS, ImpactRow

SUPPRESSED = "<5"


def to_csv(group_by: str, rows: list[ImpactRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([group_by.lower(), *COUNTS, *SUMS])
    for row in rows:
        writer.writerow([row.group, *(SUPPRESSED if row.figures[name] is None
                                      else str(row.figures[name]) for name in COUNTS + SUMS)])
    return out.getvalue()
