"""An iCalendar (RFC 5545) event per attendee: stable UID, SEQUENCE bumped on every change,
summary and description in the attendee's language (es/pt/en)."""

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


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def _when(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _fold(line: str) -> str:
    """Fold lines longer than 75 octets (continuation lines start with a space)."""
    raw = line.encode()
    if len(raw) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += encoded
    parts.append(current.decode())
    return "\r\n ".join(parts)


def render(entry: CalendarEntry) -> str:
    texts = TEXTS.get(entry.language.upper(), TEXTS["EN"])
    summary = texts["session"].format(expert=entry.expert_name)
    if entry.cancelled:
        summary = f"{texts['cancelled']}: {summary}"
    lang = entry.language.lower() if entry.language.upper() in TEXTS else "en"
    description = entry.title + "\n" + texts["with"].format(expert=entry.expert_name)
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
        "METHOD:CANCEL" if entry.cancelled else "METHOD:REQUEST",
        "BEGIN:VEVENT",
        f"UID:mentoring-booking-{entry.booking_id}@ruta",
        f"SEQUENCE:{entry.sequence}",
        f"DTSTAMP:{_when(entry.stamp)}",
        f"DTSTART:{_when(entry.starts_at)}",
        f"DTEND:{_when(entry.ends_at)}",
        f"SUMMARY;LANGUAGE={lang}:{_escape(summary)}",
        f"DESCRIPTION;LANGUAGE={lang}:{_escape(description)}",
        f"LOCATION;LANGUAGE={lang}:{_escape(entry.location or texts['online'])}",
        f"STATUS:{'CANCELLED' if entry.cancelled else 'CONFIRMED'}",
        "END:VEVENT", "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
