"""Plain value objects that plugins return from composition hooks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True)
class GraphQLContribution:
    """Strawberry classes merged into the schema: root fields and extra types."""

    query: Sequence[type] = ()
    mutation: Sequence[type] = ()
    types: Sequence[type] = ()


@dataclass(frozen=True)
class ProductKindSpec:
    """A product kind: its enum value, whether it ships and whether it is bookable."""

    code: str
    description: str = ""
    shippable: bool = False
    bookable: bool = False


@dataclass(frozen=True)
class TaxClassSpec:
    """A tax class code published by ``taxClasses`` (names what is sold, never a rate)."""

    code: str
    name: str
    description: str = field(default="")


#: ``JourneyFact.kind`` values, in funnel order.
JOURNEY_KINDS = ("ENROLLED", "COURSE_COMPLETED", "MENTORED", "FUNDING_REQUESTED",
                 "FUNDING_GRANTED")


@dataclass(frozen=True)
class JourneyFact:
    """One step of a person's journey, answered through ``ruta_journey_facts``: ``kind``
    from :data:`JOURNEY_KINDS`, when it happened, a short label (course or project name)
    and, for mentoring, the expert ``hours`` spent."""

    user_id: int
    kind: str
    at: datetime
    label: str = ""
    hours: Decimal = Decimal("0")


@dataclass(frozen=True)
class DemoJourney:
    """Demo only: a demo account to walk along the funnel, handed to ``ruta_demo_journeys``.
    ``steps`` are :data:`JOURNEY_KINDS` (each answering plugin records the ones it owns,
    e.g. e-learning ``ENROLLED`` and ``COURSE_COMPLETED``), dated from ``start`` on (the
    first step at ``start``, later ones days after it, all in the past); ``language`` is
    the person's (``ES``, ``PT``...), for picking a course or an expert they understand."""

    user_id: int
    steps: tuple[str, ...]
    start: datetime
    language: str = "ES"


@dataclass(frozen=True)
class StaffOrganisation:
    """The organisation a user works for, answered through ``ruta_staff_organisation``
    (e.g. ``kind="PARTNER"`` by a programme plugin): its id in the answering plugin, name,
    country (ISO 3166-1 alpha-2) and region."""

    kind: str
    id: int
    name: str
    country: str = ""
    region: str = ""


@dataclass(frozen=True)
class IssuedCertificate:
    """A certificate answered by ``ruta_attendance_certificate``: its ``credential_id``
    (the code the public verification page checks), ``verify_url`` (that page for it),
    when it was issued, and ``new`` (False when the same ``reference`` had already been
    certified for that user: the earlier certificate is returned, nothing is issued)."""

    credential_id: str
    verify_url: str
    issued_at: datetime
    new: bool


@dataclass(frozen=True)
class ImpactFact:
    """An outcome reported through ``ruta_impact_facts`` (e.g. ``kind="HIRE"`` by a jobs
    plugin: ``count`` people hired by ``vendor_id`` on ``at``); ``source`` names the plugin."""

    kind: str
    at: datetime
    source: str
    vendor_id: int | None = None
    user_id: int | None = None
    count: int = 1
