"""Shipping: each vendor's methods (flat price per set of countries, free over a threshold)."""
