"""The dashboard plugin: its pages, mounted at ``/dashboard`` through ``ruta_web_routes``.

Every page talks to the engine only through the public GraphQL API (the documents in
``graphql/``), run in process as the signed-in user; nothing here imports engine services or
models (a test checks).
"""

from __future__ import annotations

from pathlib import Path

from starlette.routing import BaseRoute, Route

from engine.plugins.api import WebKit, hookimpl
from plugins.dashboard import (
    auth_pages,
    course_edit_pages,
    course_pages,
    csv_pages,
    discount_pages,
    expert_routes,
    image_pages,
    invoice_pages,
    operator_pages,
    operator_routes,
    order_pages,
    product_pages,
    return_pages,
    sales_pages,
    shipping_pages,
    staff_pages,
    variant_pages,
    vendor_pages,
)
from plugins.dashboard.jobs_routes import jobs_routes
from plugins.dashboard.programme_routes import programme_routes

FOLDER = Path(__file__).parent
BOTH = ["GET", "POST"]


@hookimpl
def ruta_web_routes(web: WebKit) -> list[BaseRoute]:
    site = web.site(FOLDER)
    page = site.page
    web.accept_uploads("/dashboard/products/{product_id}/images")  # pictures up to the API's limit
    routes: list[BaseRoute] = [
        Route("/", page(vendor_pages.home), name="home"),
        Route("/login", page(auth_pages.login), methods=BOTH),
        Route("/logout", page(auth_pages.logout), methods=["POST"]),
        Route("/register", page(auth_pages.register), methods=BOTH),
        Route("/apply", page(vendor_pages.apply), methods=BOTH),
        Route("/payouts/onboarding", page(vendor_pages.payouts_onboarding), methods=["POST"]),
        Route("/operator/vendors", page(operator_pages.applications)),
        Route("/operator/vendors/{vendor_id}/approve", page(operator_pages.approve),
              methods=["POST"]),
        *operator_routes.routes(page),
        Route("/products", page(product_pages.product_list)),
        Route("/products/new", page(product_pages.product_new), methods=BOTH),
        Route("/products/export.csv", page(csv_pages.export)),
        Route("/products/import", page(csv_pages.import_page), methods=BOTH),
        Route("/products/{product_id}", page(product_pages.product_edit), methods=BOTH),
        Route("/products/{product_id}/publish", page(product_pages.product_publish),
              methods=["POST"]),
        Route("/products/{product_id}/variants", page(variant_pages.variant_create),
              methods=["POST"]),
        Route("/products/{product_id}/series", page(variant_pages.series_create),
              methods=["POST"]),
        Route("/products/{product_id}/variants/{variant_id}",
              page(variant_pages.variant_update), methods=["POST"]),
        Route("/products/{product_id}/images", page(image_pages.images)),
        Route("/products/{product_id}/images", page(image_pages.image_upload),
              methods=["POST"]),
        Route("/products/{product_id}/images/{media_id}", page(image_pages.image_alt),
              methods=["POST"]),
        Route("/products/{product_id}/images/{media_id}/move", page(image_pages.image_move),
              methods=["POST"]),
        Route("/products/{product_id}/images/{media_id}/delete",
              page(image_pages.image_delete), methods=["POST"]),
        Route("/orders", page(order_pages.order_list)),
        Route("/orders/{order_id}", page(order_pages.order_detail)),
        Route("/orders/{order_id}/fulfil", page(order_pages.order_fulfil), methods=["POST"]),
        Route("/orders/{order_id}/refund", page(order_pages.order_refund), methods=["POST"]),
        Route("/balance", page(order_pages.balance)),
        Route("/invoices", page(invoice_pages.invoices)),
        Route("/returns", page(return_pages.returns)),
        Route("/returns/{request_id}/decide", page(return_pages.decide), methods=["POST"]),
        Route("/invoices/{invoice_id}/pdf", page(invoice_pages.invoice_pdf)),
        Route("/sales", page(sales_pages.sales)),
        Route("/staff", page(staff_pages.staff), methods=BOTH),
        Route("/staff/{member_id}/remove", page(staff_pages.staff_remove), methods=["POST"]),
        Route("/invitations/{invitation_id}/accept", page(staff_pages.invitation_accept),
              methods=["POST"]),
        Route("/products/{product_id}/course", page(course_pages.course)),
        Route("/products/{product_id}/course/settings", page(course_pages.course_save),
              methods=["POST"]),
        Route("/products/{product_id}/course/modules", page(course_pages.module_create),
              methods=["POST"]),
        Route("/products/{product_id}/course/modules/{module_id}/lessons",
              page(course_pages.lesson_create), methods=["POST"]),
        Route("/products/{product_id}/course/modules/{module_id}/edit",
              page(course_edit_pages.module_edit), methods=BOTH),
        Route("/products/{product_id}/course/modules/{module_id}/delete",
              page(course_edit_pages.module_delete), methods=BOTH),
        Route("/products/{product_id}/course/lessons/{lesson_id}/edit",
              page(course_edit_pages.lesson_edit), methods=BOTH),
        Route("/products/{product_id}/course/lessons/{lesson_id}/delete",
              page(course_edit_pages.lesson_delete), methods=BOTH),
        Route("/shipping", page(shipping_pages.shipping), methods=BOTH),
        Route("/promotions", page(discount_pages.promotions), methods=BOTH),
        Route("/promotions/{promotion_id}/end", page(discount_pages.promotion_end),
              methods=["POST"]),
        Route("/vouchers", page(discount_pages.vouchers), methods=BOTH),
        Route("/vouchers/{voucher_id}/end", page(discount_pages.voucher_end), methods=["POST"]),
        Route("/operator/vouchers", page(discount_pages.platform_vouchers), methods=BOTH),
        *expert_routes.routes(page),
        *programme_routes(page),
        *jobs_routes(page),
    ]
    return [site.mount("/dashboard", routes)]
