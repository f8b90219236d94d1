"""Mentors and expert services: profiles, availability, matching, bookings, funding help."""
