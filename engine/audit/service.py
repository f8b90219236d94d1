"""Writing and reading the audit log."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from engine.accounts.models import User
from engine.audit.models import AuditEntry
from engine.runtime import Runtime
from engine.vendors.models import VendorMembership


@dataclass(frozen=True)
class Action:
    name: str
    targets: dict[str, Any]
    outcome: str


async def actor_role(runtime: Runtime, user: User) -> str | None:
    """OPERATOR, VENDOR_OWNER, or None when the user's actions are not audited."""
    if user.is_operator:
        return "OPERATOR"
    async with runtime.db.read() as session:
        role = await session.scalar(select(VendorMembership.role).where(
            VendorMembership.user_id == user.id))
    return "VENDOR_OWNER" if role == "OWNER" else None


async def record_actions(runtime: Runtime, actor_id: int, role: str, actions: list[Action],
                         address: str | None) -> None:
    if not actions:
        return
    async with runtime.transaction() as session:
        session.add_all(AuditEntry(actor_id=actor_id, role=role, action=a.name,
                                   targets=a.targets, outcome=a.outcome, address=address)
                        for a in actions)
