"""An iCalendar (RFC 5545) event per attendee, built with the ``icalendar`` library: stable
UID, SEQUENCE bumped on every change, summary and description in the attendee's language
(es/pt/en)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

PRODID = "-//Ruta//Mentoring//EN"

TEXTS = {
    "ES": {"session": "Sesión con {expert}", "online": "En línea",
           "cancelled": "Cancelada", "with": "Experto: {expert}"},
    "PT": {"session": "Sessão com {expert}", "online": "Online",
           "cancelled": "Cancelada", "with": "Especialista: {expert}"},
    "EN": {"session": "Session with {expert}", "online": "Online",
           "cancelled": "Cancelled", "with": "Expert: {expert}"},
}


@dataclass(frozen=True)
class CalendarEntry:
    booking_id: int
    title: str
    expert_name: str
    starts_at: datetime
    ends_at: datetime
    location: str | None
    sequence: int
    cancelled: bool
    language: str
    stamp: datetime


def render(entry: CalendarEntry) -> str:
    """The event as RFC 5545 text; the ``icalendar`` library escapes and folds it."""
    texts = TEXTS.get(entry.language.upper(), TEXTS["EN"])
    summary = texts["session"].format(expert=entry.expert_name)
    if entry.cancelled:
        summary = f"{texts['cancelled']}: {summary}"
    lang = entry.language.lower() if entry.language.upper() in TEXTS else "en"
    description = entry.title + "\n" + texts["with"].format(expert=entry.expert_name)
    from icalendar import Calendar, Event  # on first use: kept out of start-up memory

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "CANCEL" if entry.cancelled else "REQUEST")
    event = Event()
    event.add("uid", f"mentoring-booking-{entry.booking_id}@ruta")
    event.add("sequence", entry.sequence)
    event.add("dtstamp", entry.stamp.astimezone(UTC))
    event.add("dtstart", entry.starts_at.astimezone(UTC))
    event.add("dtend", entry.ends_at.astimezone(UTC))
    event.add("summary", summary, parameters={"LANGUAGE": lang})
    event.add("description", description, parameters={"LANGUAGE": lang})
    event.add("location", entry.location or texts["online"], parameters={"LANGUAGE": lang})
    event.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
    calendar.add_component(event)
    return bytes(calendar.to_ical()).decode()
