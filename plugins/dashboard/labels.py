"""Words for the API's codes shown on pages (statuses, kinds), marked for the catalogs.
A page passes the map to its template, which shows ``_(map.get(code, code))``."""

from __future__ import annotations

from plugins.dashboard.forms import N_

#: ``Payout.status`` (the core's transfers to the vendor).
PAYOUT_STATUSES = {"PENDING": N_("Waiting to be sent"), "SENDING": N_("Being sent"),
                   "SENT": N_("Sent"), "FAILED": N_("Failed")}
#: ``Expert.kind`` (mentoring).
EXPERT_KINDS = {"MENTOR": N_("Mentor"), "LEGAL": N_("Legal adviser"),
                "MEDIATOR": N_("Mediator"), "SOCIAL_MEDIATOR": N_("Social mediator"),
                "LOCAL_DEVELOPMENT": N_("Local development agent"),
                "ADMINISTRATIVE": N_("Administrative adviser"),
                "FUNDING": N_("Funding adviser")}
#: ``JobOffer.status`` (jobs).
JOB_OFFER_STATUSES = {"DRAFT": N_("Draft"), "PUBLISHED": N_("Open for applications"),
                      "CLOSED": N_("Closed for applications"), "FILLED": N_("Position filled")}
#: ``JobApplication.status`` (jobs).
JOB_APPLICATION_STATUSES = {"RECEIVED": N_("Received"), "SHORTLISTED": N_("Shortlisted"),
                            "INTERVIEW": N_("Interview"), "OFFERED": N_("Job offered"),
                            "HIRED": N_("Person hired"), "DECLINED": N_("Declined"),
                            "WITHDRAWN": N_("Withdrawn by the candidate")}
#: ``JobOffer.contractType`` (jobs).
CONTRACT_TYPES = {"PERMANENT": N_("Permanent"), "FIXED_TERM": N_("Fixed term"),
                  "SEASONAL": N_("Seasonal"), "INTERNSHIP": N_("Internship"),
                  "FREELANCE": N_("Freelance")}
#: ``CandidateProfile.availability`` (jobs).
AVAILABILITY = {"IMMEDIATE": N_("Now"), "WITHIN_MONTH": N_("Within a month"),
                "LATER": N_("Later")}
#: ``CandidateProfile.workPermit`` (jobs, self-declared).
WORK_PERMITS = {"YES": N_("Yes"), "IN_PROGRESS": N_("In progress"), "NO": N_("No")}
