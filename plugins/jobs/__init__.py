"""Jobs and announcements: offers, candidate profiles, applications, hires, matching and
programme announcements to opted-in segments."""
