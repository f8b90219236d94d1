"""``vendorReject``: an operator turns down a pending application, saying why.

The reason is kept on the vendor (its staff read it as ``Vendor.rejectionReason``) and sent
to the vendor's people in the vendor's language by the ``vendor_rejected`` message
(``ruta_vendor_rejected``, after commit). An operator may still approve a rejected vendor
later (for instance once the tax id is corrected).
"""

from __future__ import annotations

from engine.accounts.models import User
from engine.errors import Collector, NotFound, ValidationError
from engine.events.outbox import record
from engine.input_rules import clean_text
from engine.runtime import Runtime
from engine.vendors.access import require_operator
from engine.vendors.models import Vendor

REASON_MAX = 1000


async def reject(runtime: Runtime, user: User | None, vendor_id: int, reason: str) -> Vendor:
    require_operator(user)
    errors = Collector()
    cleaned = clean_text(errors, "reason", reason, max_length=REASON_MAX, min_length=3,
                         multiline=True)
    errors.raise_if_any()
    async with runtime.transaction() as session:
        vendor = await session.get(Vendor, vendor_id, with_for_update=True)
        if vendor is None:
            raise NotFound("id", "Vendor not found.")
        if vendor.status != "PENDING":
            raise ValidationError("id", "INVALID_STATUS",
                                  "Only a pending application can be rejected.")
        vendor.status = "REJECTED"
        vendor.rejection_reason = cleaned
        await record(session, runtime.plugins, "ruta_vendor_rejected", vendor_id=vendor.id,
                     reason=cleaned)
    return vendor
