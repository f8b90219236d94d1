"""The operator console's routes beyond vendor applications (mounted by ``hooks``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plugins.dashboard import operator_funding_pages as funding
from plugins.dashboard import operator_order_pages as orders
from plugins.dashboard import operator_outbox_pages as outbox
from plugins.dashboard import operator_programme_pages as programme
from plugins.dashboard import operator_vendor_pages as vendors
from plugins.dashboard.guard import Handler

Page = Callable[[Handler], Callable[[Request], Awaitable[Response]]]
POST = ["POST"]


def routes(page: Page) -> list[BaseRoute]:
    return [
        Route("/operator/vendors/{vendor_id}/reject", page(vendors.reject), methods=POST),
        Route("/operator/commission", page(vendors.commissions)),
        Route("/operator/commission/{vendor_id}", page(vendors.commission_set), methods=POST),
        Route("/operator/orders", page(orders.order_search)),
        Route("/operator/orders/{order_id}", page(orders.order_detail)),
        Route("/operator/orders/{order_id}/refund", page(orders.order_refund), methods=POST),
        Route("/operator/outbox", page(outbox.dead_deliveries)),
        Route("/operator/outbox/{delivery_id}/retry", page(outbox.retry), methods=POST),
        Route("/operator/mailbox", page(outbox.mailbox)),
        Route("/operator/experts", page(programme.experts)),
        Route("/operator/experts/{expert_id}/verify", page(programme.expert_verify),
              methods=POST),
        Route("/operator/certificates", page(programme.certificates)),
        Route("/operator/certificates/revoke", page(programme.certificate_revoke),
              methods=POST),
        Route("/operator/funding", page(funding.funding)),
        Route("/operator/funding/{request_id}/move", page(funding.funding_move), methods=POST),
        Route("/operator/funding/{request_id}/assign", page(funding.funding_assign),
              methods=POST),
    ]
