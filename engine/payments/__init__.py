"""Payments: gateways (Stripe, dummy), verified webhooks, the ledger, vendor payouts
through Stripe Connect ("separate charges and transfers"), refunds and reconciliation."""
