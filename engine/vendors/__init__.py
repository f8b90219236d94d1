"""Vendors: sellers on the marketplace, their staff and their public profile."""
