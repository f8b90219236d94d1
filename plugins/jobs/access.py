"""Who is asking: the viewer the services check permissions against (built by the API)."""

from __future__ import annotations

from dataclasses import dataclass

from engine.plugins.api import NotAuthenticated, PermissionDenied


@dataclass(frozen=True)
class Viewer:
    user_id: int
    is_operator: bool = False
    #: The vendor the user works for (vendor staff), if any.
    vendor_id: int | None = None
    language: str = "EN"
    #: The partner organisation the user is staff of (``ruta_staff_organisation``), if any.
    partner_id: int | None = None
    partner_name: str | None = None

    def employs(self, vendor_id: int | None, partner_id: int | None) -> bool:
        """Whether the viewer acts for this employer (a vendor or a partner)."""
        return ((vendor_id is not None and vendor_id == self.vendor_id)
                or (partner_id is not None and partner_id == self.partner_id))


def signed_in(viewer: Viewer | None) -> Viewer:
    if viewer is None:
        raise NotAuthenticated()
    return viewer


def require_operator(viewer: Viewer | None) -> Viewer:
    viewer = signed_in(viewer)
    if not viewer.is_operator:
        raise PermissionDenied("Only operators may do this.")
    return viewer
