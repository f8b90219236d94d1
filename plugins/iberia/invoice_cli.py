"""``ruta iberia-verify-invoices``: check every issuer's invoice hash chain."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from engine.plugins.api import Runtime
from plugins.iberia.invoice_chain import ChainReport, verify


async def verify_all(runtime: Runtime) -> list[ChainReport]:
    async with runtime.db.read() as session:
        return await verify(session)


def run_verify(build_runtime: Callable[[], Runtime]) -> int:
    """Print OK or the first broken/missing record per issuer; 1 when any chain is broken."""
    runtime = build_runtime()

    async def run() -> list[ChainReport]:
        try:
            return await verify_all(runtime)
        finally:
            await runtime.db.dispose()

    reports = asyncio.run(run())
    for report in reports:
        state = "OK" if report.ok else f"BROKEN: {report.problem}"
        print(f"{report.issuer_key}: {report.records} records, {state}")
    if not reports:
        print("No invoices.")
    return 0 if all(r.ok for r in reports) else 1


def add_command(subparsers: Any, build_runtime: Callable[[], Runtime]) -> None:
    cmd = subparsers.add_parser("iberia-verify-invoices",
                                help="verify the iberia invoice hash chains (exit 1 if broken)")
    cmd.set_defaults(func=lambda args: run_verify(build_runtime))
