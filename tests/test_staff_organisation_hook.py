"""``ruta_staff_organisation``: any plugin may say which organisation a user works for;
the jobs plugin then lets that user post offers as that partner organisation."""

from __future__ import annotations

from typing import Any

from engine.plugins.api import StaffOrganisation, decode_id, encode_id, hookimpl
from tests.plugins.jobs.scenario import CREATE, offer_input, user_id

EMPLOYER = "{ myJobOffers { partnerId vendorId } }"


class Agency:
    """Another plugin answering ``ruta_staff_organisation``: its staff act as partner."""

    def __init__(self) -> None:
        self.staff: set[int] = set()

    @hookimpl
    async def ruta_staff_organisation(self, user_id: int) -> StaffOrganisation | None:
        if user_id not in self.staff:
            return None
        return StaffOrganisation(kind="PARTNER", id=77, name="Agencia de Empleo",
                                 country="ES", region="Huelva")


async def test_any_plugin_answering_the_hook_makes_its_staff_a_partner_employer(
        plugged: Any) -> None:
    agency = Agency()
    async with plugged(agency) as client:
        token = await client.register("agencia@example.com")
        before = await client.raw(CREATE, {"i": offer_input()}, token)
        assert before["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
        agency.staff.add(decode_id(await user_id(client, token), "User"))
        made = await client.gql(CREATE, {"i": offer_input()}, token)
        assert made["jobOfferCreate"]["offer"]["id"]
        assert (await client.gql(EMPLOYER, token=token))["myJobOffers"] == [
            {"partnerId": encode_id("Partner", 77), "vendorId": None}]
