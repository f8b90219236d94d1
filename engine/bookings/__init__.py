"""Bookings: seats of bookable variants (service slots, event sessions, course cohorts)."""
