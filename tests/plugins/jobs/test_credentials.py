"""Certificates earned on Ruta reach a candidate profile through the core hook
``ruta_user_credentials`` (answered by the e-learning plugin), only with consent."""

from __future__ import annotations

from tests.client import Client
from tests.plugins.elearning.test_certificates import certified
from tests.plugins.jobs.scenario import PROFILE

CREDENTIALS = """query { candidateCredentials { kind title credentialId token } }"""


async def test_a_certificate_shows_only_when_the_person_shares_it(client: Client) -> None:
    cert = await certified(client, topics=["marketing"])
    learner = cert["learner"]
    profile = {"displayName": "Lia", "workPermit": "YES"}
    await client.gql(PROFILE, {"i": profile}, learner)
    assert (await client.gql(CREDENTIALS, token=learner))["candidateCredentials"] == []
    await client.gql(PROFILE, {"i": {**profile, "shareCredentials": True}}, learner)
    shown = (await client.gql(CREDENTIALS, token=learner))["candidateCredentials"]
    assert shown == [{"kind": "COURSE_CERTIFICATE", "title": "Digital marketing",
                      "credentialId": cert["credentialId"], "token": cert["credential"]}]
