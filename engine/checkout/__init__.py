"""Checkout: one cart across vendors, priced for the buyer, completed into an order."""
