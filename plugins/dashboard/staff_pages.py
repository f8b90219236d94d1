"""The vendor's staff: list, invite by e-mail (the owner), remove; accepting an invitation."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.forms import field_errors, text
from plugins.dashboard.guard import PREFIX, signed_in, to_login


@signed_in
async def staff(visit: Visit) -> Response:
    errors: dict[str, str] = {}
    email = ""
    if visit.request.method == "POST":
        email = text(visit, "email")
        result = await visit.graphql("StaffInvite", email=email)
        payload = result.data.get("vendorStaffInvite") or {}
        errors = field_errors(visit, payload.get("errors") or result.errors)
        if not errors:
            return visit.redirect(f"{PREFIX}/staff", notice=visit.gettext(
                "Invitation sent to %(email)s.", email=email))
    result = await visit.graphql("Staff")
    if result.unauthenticated:
        return to_login(visit)
    vendor = result.data.get("myVendor")
    if vendor is None:
        return visit.redirect(f"{PREFIX}/apply")
    me = (result.data.get("me") or {}).get("email")
    owner = any(m["email"] == me and m["role"] == "OWNER" for m in vendor["staff"] or [])
    return visit.render("staff.html", vendor=vendor, owner=owner, errors=errors, email=email,
                        status_code=400 if errors else 200)


@signed_in
async def staff_remove(visit: Visit) -> Response:
    result = await visit.graphql("StaffRemove", id=visit.request.path_params["member_id"])
    payload = result.data.get("vendorStaffRemove") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    notice = next(iter(errors.values()), None) or visit.gettext("Removed from your staff.")
    return visit.redirect(f"{PREFIX}/staff", notice=notice)


@signed_in
async def invitation_accept(visit: Visit) -> Response:
    result = await visit.graphql("InvitationAccept",
                                 id=visit.request.path_params["invitation_id"])
    payload = result.data.get("vendorStaffInvitationAccept") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return visit.redirect(f"{PREFIX}/", notice=next(iter(errors.values())))
    return visit.redirect(f"{PREFIX}/", notice=visit.gettext(
        "You now work for %(vendor)s.", vendor=payload["invitation"]["vendor"]["name"]))
