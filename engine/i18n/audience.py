"""Which error messages a buyer can get, so they are also in the buyers' languages.

Every message is in Spanish, Portuguese and English. The messages that a buyer, learner,
mentee, event attendee or anonymous visitor can trigger are also in French, Arabic,
Romanian and Ukrainian. The rule is by source: a message is buyer-facing when one of
the modules that raise it (see :func:`engine.i18n.extract.sources`) is a buyer-facing
module below (a folder ends with ``/``). A module is listed when a signed-in customer or a
visitor can call it, even if some of its messages are for the other side; modules that
only vendors, operators, partner staff or experts reach (the dashboard side) stay
es/pt/en. ``plugins/jobs`` is decided separately.
"""

from __future__ import annotations

from pathlib import Path

from engine.i18n.extract import ROOT, sources

#: The languages of the buyer-facing messages only.
BUYER_LANGUAGES = ("fr", "ar", "ro", "uk")
BUYER_FACING_MODULES = (
    # accounts: registration, sign-in, two-factor, password reset, e-mail verification,
    # account update and deletion
    "engine/accounts/",
    "engine/addresses/",
    "engine/api/context.py",       # the access token
    "engine/api/ids.py",           # global IDs given to any query
    "engine/api/pagination.py",    # first/after of any listing
    "engine/catalog/queries.py",   # product(id|slug)
    "engine/checkout/",            # lines, addresses, vouchers, completion
    "engine/errors.py",            # sign in / permission denied
    "engine/input_rules.py",       # e-mail, blank, length checks of every input
    "engine/notifications/inbox.py",  # the buyer's own notifications
    "engine/orders/graphql.py",    # order(id), myOrders, the payment gateway
    "engine/orders/service.py",    # orderCancel
    "engine/orders/status.py",
    "engine/payments/card.py",
    "engine/payments/dummy.py",
    "engine/payments/stripe_api.py",
    "engine/plugins/bookable.py",  # a bought seat cancelled by its attendee
    "engine/postal_codes.py",
    "engine/promotions/vouchers.py",  # checkoutVoucherApply
    "engine/returns/",
    "engine/reviews/",
    "engine/search/",              # product search and sorting
    "engine/vendors/graphql.py",   # vendor(id|slug), vendors
    # e-learning: enrolment, progress and quizzes, certificates
    "plugins/elearning/enrolment.py",
    "plugins/elearning/learning_mutations.py",
    "plugins/elearning/progress.py",
    # mentoring: finding experts, their free slots, booking, cancelling and rating
    # sessions, mentorships, paid advice, vouchers and the funding requests a mentee sends
    "plugins/mentoring/availability.py",
    "plugins/mentoring/bookings.py",
    "plugins/mentoring/cancellation.py",
    "plugins/mentoring/expert_list.py",
    "plugins/mentoring/funding.py",
    "plugins/mentoring/graphql_booking_queries.py",
    "plugins/mentoring/graphql_experts.py",
    "plugins/mentoring/match_query.py",
    "plugins/mentoring/mentorships.py",
    "plugins/mentoring/paid_seats.py",
    "plugins/mentoring/selling.py",
    "plugins/mentoring/vouchers.py",
    # programme: access points near a visitor, event registration
    "plugins/programme/graphql_events.py",
    "plugins/programme/partners.py",
    "plugins/programme/registrations.py",
)


def is_buyer_facing(module: str) -> bool:
    return any(module == rule or (rule.endswith("/") and module.startswith(rule))
               for rule in BUYER_FACING_MODULES)


def buyer_facing(root: Path = ROOT) -> set[str]:
    """The msgids raised by at least one buyer-facing module."""
    return {msgid for msgid, modules in sources(root).items()
            if any(is_buyer_facing(module) for module in modules)}
