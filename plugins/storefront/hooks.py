"""The storefront plugin: its pages, served at ``/`` through ``ruta_web_routes``.

One module per area (``home_pages``, ``browse_pages``, ``product_pages``...); every route is
listed here. Pages talk to the engine only through the public GraphQL API (the documents in
``graphql/``), run in process as the visitor; nothing here imports engine services or
models (a test checks). See ``STOREFRONT-SHAPE.md`` to add a page.
"""

from __future__ import annotations

from pathlib import Path

from starlette.routing import BaseRoute, Route

from engine.plugins.api import WebKit, hookimpl
from plugins.storefront import (
    account_pages,
    address_pages,
    advice_pages,
    advice_paid_pages,
    browse_pages,
    candidate_pages,
    card_pages,
    cart_pages,
    certificate_pages,
    checkout_pages,
    cv_pages,
    email_pages,
    event_pages,
    funding_pages,
    home_pages,
    inbox_pages,
    invoice_pages,
    jobs_pages,
    learning_pages,
    lesson_pages,
    mentorship_pages,
    order_pages,
    payment_pages,
    place_pages,
    privacy_pages,
    product_pages,
    programme_pages,
    pwa_pages,
    recovery_pages,
    review_pages,
    vendor_pages,
    verify_pages,
)
from plugins.storefront.buyer import chosen_place
from plugins.storefront.layout import layout_values

FOLDER = Path(__file__).parent
BOTH = ["GET", "POST"]
POST = ["POST"]


@hookimpl
def ruta_web_routes(web: WebKit) -> list[BaseRoute]:
    site = web.site(FOLDER, place=chosen_place, layout=layout_values)
    page = site.page
    routes: list[BaseRoute] = [
        Route("/", page(home_pages.home), name="storefront-home"),
        Route("/place", page(place_pages.choose), methods=BOTH),
        Route("/products", page(browse_pages.listing)),
        Route("/products/{slug}", page(product_pages.product)),
        Route("/vendors/{slug}", page(vendor_pages.vendor)),
        Route("/cart", page(cart_pages.cart)),
        Route("/cart/add", page(cart_pages.add), methods=POST),
        Route("/cart/update", page(cart_pages.update), methods=POST),
        Route("/checkout", page(checkout_pages.checkout), methods=BOTH),
        Route("/checkout/shipping", page(checkout_pages.shipping), methods=POST),
        Route("/checkout/voucher", page(checkout_pages.voucher), methods=POST),
        Route("/checkout/pay", page(payment_pages.pay), methods=POST),
        Route("/checkout/card", page(card_pages.card), methods=BOTH),
        Route("/orders/view", page(order_pages.by_token)),
        Route("/account", page(account_pages.account)),
        Route("/account/login", page(account_pages.login), methods=BOTH),
        Route("/account/logout", page(account_pages.logout), methods=POST),
        Route("/account/register", page(account_pages.register), methods=BOTH),
        Route("/account/forgot-password", page(recovery_pages.forgot_password), methods=BOTH),
        Route("/account/reset-password", page(recovery_pages.reset_password), methods=BOTH),
        Route("/account/verify-email", page(email_pages.verify_email), methods=BOTH),
        Route("/account/language", page(account_pages.language), methods=POST),
        Route("/account/password", page(account_pages.password), methods=POST),
        Route("/account/orders/{order_id}", page(order_pages.mine)),
        Route("/learn", page(learning_pages.my_courses)),
        Route("/learn/courses/{slug}", page(learning_pages.course)),
        Route("/learn/courses/{slug}/enrol", page(learning_pages.enrol), methods=POST),
        Route("/learn/courses/{slug}/lessons/{number}", page(lesson_pages.lesson)),
        Route("/learn/courses/{slug}/lessons/{number}/complete", page(lesson_pages.complete),
              methods=POST),
        Route("/learn/courses/{slug}/lessons/{number}/quiz", page(lesson_pages.quiz),
              methods=POST),
        Route("/learn/courses/{slug}/certificate", page(certificate_pages.certificate)),
        Route("/verify", page(verify_pages.verify), methods=BOTH),
        Route("/advice", page(advice_pages.find)),
        Route("/advice/expert", page(advice_pages.expert)),
        Route("/advice/book", page(advice_pages.book), methods=POST),
        Route("/advice/bookings", page(advice_pages.bookings)),
        Route("/advice/bookings/ics", page(advice_pages.ics)),
        Route("/advice/bookings/cancel", page(advice_pages.cancel), methods=POST),
        Route("/programme", page(programme_pages.programme)),
        Route("/events", page(event_pages.listing)),
        Route("/events/tickets", page(event_pages.tickets)),
        Route("/events/{event_id:path}", page(event_pages.page), methods=BOTH),
        Route("/jobs", page(jobs_pages.listing)),
        Route("/jobs/profile", page(candidate_pages.profile), methods=BOTH),
        Route("/jobs/profile/cv", page(cv_pages.download)),
        Route("/jobs/profile/cv", page(cv_pages.upload), methods=POST),
        Route("/jobs/applications", page(candidate_pages.applications)),
        Route("/jobs/applications/{application_id}/withdraw", page(candidate_pages.withdraw),
              methods=POST),
        Route("/jobs/announcements", page(candidate_pages.announcements), methods=POST),
        Route("/jobs/{offer_id}", page(jobs_pages.offer)),
        Route("/jobs/{offer_id}/apply", page(jobs_pages.apply), methods=POST),
        Route("/advice/offering", page(advice_paid_pages.dates)),
        Route("/advice/offering/buy", page(advice_paid_pages.buy), methods=POST),
        Route("/advice/offering/waitlist", page(advice_paid_pages.waitlist), methods=POST),
        Route("/advice/bookings/buy", page(advice_paid_pages.buy_offered), methods=POST),
        Route("/advice/mentorship", page(mentorship_pages.request), methods=POST),
        Route("/advice/mentorships", page(mentorship_pages.mentorships)),
        Route("/advice/goals", page(mentorship_pages.goals)),
        Route("/advice/goals/add", page(mentorship_pages.goal_add), methods=POST),
        Route("/advice/goals/done", page(mentorship_pages.goal_done), methods=POST),
        Route("/advice/funding", page(funding_pages.funding), methods=BOTH),
        Route("/account/export", page(privacy_pages.export), methods=POST),
        Route("/account/delete", page(privacy_pages.delete), methods=POST),
        Route("/account/inbox", page(inbox_pages.inbox)),
        Route("/account/inbox/read", page(inbox_pages.read), methods=POST),
        Route("/account/inbox/read-all", page(inbox_pages.read_all), methods=POST),
        Route("/account/inbox/preferences", page(inbox_pages.preferences), methods=POST),
        Route("/account/invoices", page(invoice_pages.invoices)),
        Route("/account/invoices/{invoice_id}/pdf", page(invoice_pages.pdf)),
        Route("/account/reviews", page(review_pages.reviews)),
        Route("/account/reviews/write", page(review_pages.write), methods=POST),
        Route("/account/addresses", page(address_pages.addresses)),
        Route("/account/addresses/save", page(address_pages.save), methods=POST),
        Route("/account/addresses/default", page(address_pages.make_default), methods=POST),
        Route("/account/addresses/delete", page(address_pages.delete), methods=POST),
        Route("/offline", page(pwa_pages.offline)),
        Route("/manifest.webmanifest", pwa_pages.manifest),
        Route("/sw.js", pwa_pages.service_worker),
        Route("/robots.txt", pwa_pages.robots),
        Route("/sitemap.xml", page(pwa_pages.sitemap)),
    ]
    return site.at_root(routes)
