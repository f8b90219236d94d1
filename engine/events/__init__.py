"""Transactional outbox: events recorded with the data, dispatched to hooks after commit."""
