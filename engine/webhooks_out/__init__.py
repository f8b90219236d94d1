"""Outbound webhooks: operators subscribe HTTPS endpoints to lifecycle events.

Fed by the outbox: the built-in plugin :mod:`engine.webhooks_out.hooks` implements the core
lifecycle hooks; each event (after commit, at least once) is fanned out into one
:class:`~engine.webhooks_out.models.WebhookDelivery` per subscribed endpoint (unique per
endpoint and event, so a redelivered event queues nothing twice). :mod:`.sender` posts
them with no transaction open, signs each attempt (:mod:`.signing`), and retries with
exponential backoff; every delivery keeps its status, attempts and last error for operators
(``webhookDeliveries``, ``webhookDeliveryRetry``).
"""
