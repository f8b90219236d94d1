"""Vendor promotions: reductions a vendor funds on its own products."""
