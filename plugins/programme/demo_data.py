"""The demo network: the programme's councils and three civil-society partners (the
latter with made-up demo names), one access point in each town."""

from __future__ import annotations

from typing import Any

WEEKDAYS = {str(d): [["09:00", "14:00"]] for d in range(1, 6)} | {
    "2": [["09:00", "14:00"], ["16:00", "19:00"]], "4": [["09:00", "14:00"], ["16:00", "19:00"]]}
ALL = ["COMPUTERS", "ADMIN_GUIDANCE", "JOB_SEARCH", "LANGUAGE_HELP"]

#: (name, kind, country, region, access point town, postal code, lat, lon, services, languages)
PARTNERS: list[tuple[Any, ...]] = [
    ("Ayuntamiento de La Palma del Condado", "COUNCIL", "ES", "Huelva", "La Palma del Condado",
     "21700", 37.3861, -6.5533, ALL, ["ES", "AR", "FR"]),
    ("Ayuntamiento de Almonte", "COUNCIL", "ES", "Huelva", "Almonte", "21730", 37.2647,
     -6.5167, ["COMPUTERS", "JOB_SEARCH"], ["ES", "RO"]),
    ("Ayuntamiento de Palos de la Frontera", "COUNCIL", "ES", "Huelva", "Palos de la Frontera",
     "21810", 37.2283, -6.8936, ["COMPUTERS", "ADMIN_GUIDANCE"], ["ES", "AR"]),
    ("Ayuntamiento de Lepe", "COUNCIL", "ES", "Huelva", "Lepe", "21440", 37.2547, -7.2042,
     ALL, ["ES", "AR", "EN"]),
    ("Câmara Municipal de Faro", "COUNCIL", "PT", "Algarve", "Faro", "8000-283", 37.0194,
     -7.9304, ALL, ["PT", "EN", "UK"]),
    ("Demo NGO: Red Acoge Condado", "NGO", "ES", "Huelva", "Huelva", "21001", 37.2614, -6.9447,
     ["ADMIN_GUIDANCE", "LANGUAGE_HELP"], ["ES", "AR", "FR", "WO"]),
    ("Demo Association of Self-Employed Workers", "ASSOCIATION", "ES", "Huelva", "Lepe",
     "21440", 37.2560, -7.2010, ["ADMIN_GUIDANCE", "JOB_SEARCH"], ["ES"]),
    ("Demo Business Confederation", "BUSINESS_CONFEDERATION", "PT", "Algarve", "Olhão",
     "8700", 37.0260, -7.8411, ["JOB_SEARCH"], ["PT", "ES"]),
]

ORIGINS = ["North Africa", "West Africa", "Latin America", "Eastern Europe", None]
LANGUAGES = ["AR", "FR", "ES", "RO", "PT"]
#: participants per partner (the first six partners); every one consents except each 5th
PER_PARTNER = 5
PEOPLE = 30

#: How far along the funnel each participant went (0: registered only, 1: enrolled in a
#: course, 2: completed it, 3: mentored, 4: asked for funding, 5: was granted it), by
#: participant number: most of the first partners' people are well along, Faro's and the
#: NGO's have just started. The main stages are 5 or more people; the grants are few (a
#: suppressed cell).
DEPTHS = (5, 5, 4, 4, 3,  5, 4, 3, 2, 2,  4, 3, 2, 2, 1,  2, 2, 1, 1, 1,  1, 1, 0, 0, 0,
          0, 0, 0, 0, 0)
STEPS = ("ENROLLED", "COURSE_COMPLETED", "MENTORED", "FUNDING_REQUESTED", "FUNDING_GRANTED")
#: The core demo's business owners, who joined through the association of self-employed
#: workers (partner 6) before founding. Their own journeys are left as the core demo has
#: them (other demos and tests use these accounts as fresh learners and mentees).
FOUNDERS = ("vendor.es@ruta.example", "vendor.pt@ruta.example", "vendor.pending@ruta.example",
            "editorial.es@ruta.example")
FOUNDERS_PARTNER = 6
