"""Courses sold on the marketplace: curriculum, enrolment, progress, certificates, rescue."""
