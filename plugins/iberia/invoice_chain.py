"""The per-issuer hash chain and its verification.

Each record's hash is the SHA-256 of the canonical JSON (sorted keys, no spaces, UTF-8) of
its content (the buyer block by its salted digest, so that erasing a buyer keeps the chain)
*and* its identifying columns (issuer, position, series, year, number, kind, totals) *and*
the previous record's hash; the first record of an issuer chains to
``GENESIS``. Editing any hashed value breaks that record's hash; deleting or inserting a
record breaks the next record's link or the position sequence; deleting the newest records
leaves the chain counter ahead of the last position. Numbers must also run 1, 2, 3... per
series and year, and every counter must match its last number.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from plugins.iberia.invoice_numbering import chain_counter, code_of, number_counter
from plugins.iberia.models import Invoice, InvoiceCounter

GENESIS = "0" * 64


def buyer_digest(buyer: dict[str, Any]) -> str:
    """What the chain hashes of the buyer: a digest of the (salted) buyer block, so that
    erasing the buyer's personal data (``ruta_account_erase``) keeps the chain verifiable."""
    if buyer.get("erased"):
        return str(buyer["digest"])
    text = json.dumps(buyer, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def hashed_payload(row: Invoice) -> dict[str, Any]:
    content = {**row.content, "buyer": buyer_digest(row.content.get("buyer") or {})}
    return {"issuer": row.issuer_key, "seq": row.chain_seq, "series": row.series,
            "year": row.year, "number": row.number, "code": row.code, "kind": row.kind,
            "vendor_order_id": row.vendor_order_id, "content": content,
            "total_net": f"{row.total_net:.2f}", "total_tax": f"{row.total_tax:.2f}",
            "total_gross": f"{row.total_gross:.2f}", "prev_hash": row.prev_hash}


def record_hash(row: Invoice) -> str:
    text = json.dumps(hashed_payload(row), sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class ChainReport:
    issuer_key: str
    records: int
    #: ``None`` when the chain is intact, else the first broken or missing record.
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.problem is None


def _check(issuer: str, rows: list[Invoice], counters: dict[str, int]) -> str | None:
    previous, numbers = GENESIS, dict[tuple[str, int], int]()
    for position, row in enumerate(rows, start=1):
        if row.chain_seq != position:
            return f"record #{position} is missing (next stored is #{row.chain_seq}, {row.code})"
        if row.prev_hash != previous:
            return f"{row.code} (#{position}) does not link to the previous record"
        if record_hash(row) != row.hash:
            return f"{row.code} (#{position}) was altered (hash mismatch)"
        expected = numbers.get((row.series, row.year), 0) + 1
        if row.number != expected or row.code != code_of(row.series, row.year, row.number):
            return f"{row.code} (#{position}): expected number " \
                   f"{code_of(row.series, row.year, expected)}"
        numbers[(row.series, row.year)] = row.number
        previous = row.hash
    last = counters.get(chain_counter(issuer), 0)
    if last != len(rows):
        return f"record #{len(rows) + 1} is missing (the chain counter is at {last})"
    for (series, year), number in numbers.items():
        if counters.get(number_counter(issuer, series, year), 0) != number:
            return f"{code_of(series, year, number + 1)} is missing (counter ahead)"
    return None


async def verify(session: AsyncSession) -> list[ChainReport]:
    """Check every issuer's chain; one report per issuer, sorted by issuer."""
    counters = {name: value for name, value in await session.execute(
        select(InvoiceCounter.name, InvoiceCounter.value))}
    rows = list(await session.scalars(
        select(Invoice).order_by(Invoice.issuer_key, Invoice.chain_seq)))
    chains: dict[str, list[Invoice]] = {
        name.removesuffix(":chain"): [] for name in counters if name.endswith(":chain")}
    for row in rows:
        chains.setdefault(row.issuer_key, []).append(row)
    return [ChainReport(issuer, len(chain), _check(issuer, chain, counters))
            for issuer, chain in sorted(chains.items())]
