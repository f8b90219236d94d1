"""Vendor tax profiles: OSS registration / opt-in and the education exemption."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from engine.plugins.api import Collector, Runtime, clean_text
from plugins.iberia.models import VendorTaxProfile


@dataclass
class ProfileInput:
    """``None`` leaves a field unchanged; an empty evidence string removes the exemption."""

    oss_registered: bool | None = None
    oss_opt_in: bool | None = None
    exemption_evidence: str | None = None
    exemption_valid_from: date | None = None
    exemption_valid_until: date | None = None


def _check(profile: VendorTaxProfile) -> None:
    errors = Collector()
    if profile.oss_opt_in and not profile.oss_registered:
        errors.add("ossOptIn", "OSS_REGISTRATION_REQUIRED",
                   "Opting in to destination taxation needs an OSS registration.")
    if profile.exemption_evidence:
        clean_text(profile.exemption_evidence, field="exemptionEvidence", max_length=200,
                   errors=errors)
        if profile.exemption_valid_from is None:
            errors.add("exemptionValidFrom", "REQUIRED", "An exemption needs a start date.")
        elif profile.exemption_valid_until is not None and \
                profile.exemption_valid_until < profile.exemption_valid_from:
            errors.add("exemptionValidUntil", "INVALID", "Ends before it starts.")
    elif profile.exemption_valid_from or profile.exemption_valid_until:
        errors.add("exemptionEvidence", "REQUIRED",
                   "An exemption needs its evidence (the authorisation's reference).")
    errors.raise_if_any()


async def update_profile(runtime: Runtime, vendor_id: int, given: ProfileInput
                         ) -> VendorTaxProfile:
    """Create or update the profile (the caller has checked permissions)."""
    async with runtime.transaction() as session:
        profile = await session.get(VendorTaxProfile, vendor_id, with_for_update=True)
        if profile is None:
            profile = VendorTaxProfile(vendor_id=vendor_id, oss_registered=False,
                                       oss_opt_in=False)
            session.add(profile)
        for name in ("oss_registered", "oss_opt_in", "exemption_valid_from",
                     "exemption_valid_until"):
            value = getattr(given, name)
            if value is not None:
                setattr(profile, name, value)
        if given.exemption_evidence is not None:
            evidence = given.exemption_evidence.strip()
            profile.exemption_evidence = evidence or None
            if not evidence:
                profile.exemption_valid_from = profile.exemption_valid_until = None
        _check(profile)
    return profile


async def get_profile(runtime: Runtime, vendor_id: int) -> VendorTaxProfile | None:
    async with runtime.db.read() as session:
        return await session.get(VendorTaxProfile, vendor_id)
