"""What the programme e2e tests do over the public GraphQL API (set-up and checks)."""

from __future__ import annotations

from typing import Any

from tests.e2e.api import Api

STAFF = ("partner@ruta.example", "ruta-demo")
PASSWORD = "programme-e2e-pass-1"


def new_person(api: Api, email: str, language: str = "ES") -> str:
    """A new account (the person's own); returns its access token."""
    api.gql("""mutation($i: AccountRegisterInput!) { accountRegister(input: $i) {
      errors { code } } }""", {"i": {"email": email, "password": PASSWORD,
                                     "languageCode": language, "country": "ES"}})
    return api.login(email, PASSWORD)


def me(api: Api, token: str) -> str:
    found: str = api.gql("{ me { id } }", token=token)["me"]["id"]
    return found


def door_status(api: Api, token: str, event_title: str) -> dict[str, Any]:
    events = api.gql("{ programmeEvents { id title } }")["programmeEvents"]
    event_id = next(e["id"] for e in events if e["title"] == event_title)
    lists = api.gql("query($e: ID!) { programmeCheckinLists(eventId: $e) { id } }",
                    {"e": event_id}, token)["programmeCheckinLists"]
    status: dict[str, Any] = api.gql(
        "query($l: ID!) { checkinListStatus(listId: $l) { inside checkedIn } }",
        {"l": lists[0]["id"]}, token)["checkinListStatus"]
    return status


def hired_participant(api: Api, staff: str, employer: str, offer_id: str, email: str) -> None:
    """A participant of the staff member's partner, hired by ``employer`` (set-up)."""
    person = new_person(api, email)
    partner = api.gql("{ myProgrammePartner { id } }", token=staff)["myProgrammePartner"]["id"]
    enrolled = api.gql("""mutation($i: ParticipantRegisterInput!) { participantRegister(
      input: $i) { errors { code } } }""", {"i": {"partnerId": partner, "email": email,
                                                  "language": "ES", "consentJourney": True}},
                       staff)
    assert enrolled["participantRegister"]["errors"] == [], enrolled
    api.gql("""mutation($i: CandidateProfileInput!) { candidateProfileSave(input: $i) {
      errors { code } } }""", {"i": {"displayName": email.split("@")[0],
                                     "workPermit": "YES"}}, person)
    applied = api.gql("""mutation($o: ID!) { jobApply(offerId: $o, language: "ES") {
      application { id } errors { code } } }""", {"o": offer_id}, person)
    application = applied["jobApply"]["application"]["id"]
    for status in ("SHORTLISTED", "OFFERED", "HIRED"):
        moved = api.gql("""mutation($id: ID!, $s: String!) { jobApplicationSetStatus(id: $id,
          status: $s) { errors { code } } }""", {"id": application, "s": status}, employer)
        assert moved["jobApplicationSetStatus"]["errors"] == [], moved
