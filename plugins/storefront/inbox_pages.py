"""The buyer's in-app notifications (``/account/inbox``): the newest messages with the
unread ones marked, marking one or all read, and which optional messages they receive."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.account_guard import signed_in, to_login
from plugins.storefront.connections import nodes
from plugins.storefront.forms import N_, field_errors, text
from plugins.storefront.layout import render

#: The categories a buyer may switch off (the API always sends transactional messages).
CATEGORIES = {
    "NUDGE": N_("Tips and nudges (for example, a cart left behind)"),
    "REMINDER": N_("Reminders (for example, before a booked session)"),
    "ANNOUNCEMENT": N_("Programme announcements"),
}


@signed_in
async def inbox(visit: Visit) -> Response:
    result = await visit.graphql("Inbox")
    if result.unauthenticated:
        return to_login(visit)
    notes = list(reversed(nodes(result.data.get("myNotifications"))))
    disabled = set(result.data.get("myNotificationPreferences") or [])
    categories = [(code, visit.gettext(label), code not in disabled)
                  for code, label in CATEGORIES.items()]
    return render(visit, "inbox.html", notes=notes, categories=categories,
                  unread_count=result.data.get("myNotificationsUnreadCount") or 0)


@signed_in
async def read(visit: Visit) -> Response:
    result = await visit.graphql("NotificationRead", id=text(visit, "id"))
    if result.unauthenticated:
        return to_login(visit)
    payload = result.data.get("notificationMarkRead") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    return visit.redirect("/account/inbox", notice=next(iter(errors.values()), None))


@signed_in
async def read_all(visit: Visit) -> Response:
    result = await visit.graphql("NotificationReadAll")
    if result.unauthenticated:
        return to_login(visit)
    return visit.redirect("/account/inbox", notice=visit.gettext(
        "All your messages are marked read."))


@signed_in
async def preferences(visit: Visit) -> Response:
    chosen = {code.lower(): visit.form.get(code) == "on" for code in CATEGORIES}
    result = await visit.graphql("NotificationPreferences", **chosen)
    if result.unauthenticated:
        return to_login(visit)
    errors = field_errors(visit, result.errors + [
        error for payload in result.data.values() for error in (payload or {}).get("errors", [])])
    if errors:
        return visit.redirect("/account/inbox#preferences",
                              notice=next(iter(errors.values())))
    return visit.redirect("/account/inbox#preferences",
                          notice=visit.gettext("Your choices are saved."))
