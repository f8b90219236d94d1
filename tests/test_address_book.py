"""The address book: ``me { addresses }`` and ``accountAddressCreate/Update/Delete`` for the
signed-in account's own addresses only, checked like checkout addresses."""

from __future__ import annotations

from typing import Any

from tests.client import Client

FARO = {"firstName": "Ana", "lastName": "Silva", "streetAddress1": "Rua do Sol 1",
        "city": "Faro", "postalCode": "8000-138", "country": "PT"}
HUELVA = {"firstName": "Ana", "lastName": "Silva", "streetAddress1": "Calle Real 2",
          "city": "La Palma del Condado", "postalCode": "21700", "country": "ES"}
FIELDS = "address { id isDefault address { city postalCode country } } errors { field code }"
CREATE = "mutation($i: AccountAddressCreateInput!) { accountAddressCreate(input: $i) { " \
    + FIELDS + " } }"
UPDATE = """mutation($id: ID!, $i: AccountAddressUpdateInput!) {
  accountAddressUpdate(id: $id, input: $i) { """ + FIELDS + " } }"
DELETE = "mutation($id: ID!) { accountAddressDelete(id: $id) { " + FIELDS + " } }"
MINE = "{ me { addresses { id isDefault address { city postalCode } } } }"


async def book(client: Client, token: str) -> list[tuple[str, bool]]:
    me = (await client.gql(MINE, token=token))["me"]
    return [(a["address"]["city"], a["isDefault"]) for a in me["addresses"]]


async def save(client: Client, token: str, address: dict[str, str],
               **extra: Any) -> dict[str, Any]:
    payload: dict[str, Any] = (await client.gql(CREATE, {"i": {"address": address, **extra}},
                                                token))["accountAddressCreate"]
    return payload


async def test_addresses_are_saved_checked_defaulted_and_private(client: Client) -> None:
    ana = await client.register("ana@example.com")
    eve = await client.register("eve@example.com")
    bad = await save(client, ana, {**FARO, "postalCode": "21700"})
    assert bad["address"] is None
    assert bad["errors"] == [{"field": "address.postalCode", "code": "INVALID_POSTAL_CODE"}]
    assert await book(client, ana) == []
    faro = (await save(client, ana, FARO))["address"]
    assert faro["isDefault"] is True  # the first address is the default
    huelva = (await save(client, ana, HUELVA, isDefault=True))["address"]
    assert await book(client, ana) == [("La Palma del Condado", True), ("Faro", False)]
    moved = await client.gql(UPDATE, {"id": faro["id"], "i": {"isDefault": True,
                                                               "address": {**FARO,
                                                                           "city": "Loulé",
                                                                           "postalCode":
                                                                           "8100-123"}}}, ana)
    assert moved["accountAddressUpdate"]["errors"] == []
    assert await book(client, ana) == [("Loulé", True), ("La Palma del Condado", False)]
    refused = await client.gql(UPDATE, {"id": faro["id"], "i": {
        "address": {**FARO, "postalCode": "99"}}}, ana)
    assert refused["accountAddressUpdate"]["errors"][0]["code"] == "INVALID_POSTAL_CODE"
    assert await book(client, ana) == [("Loulé", True), ("La Palma del Condado", False)]
    # another account neither sees nor changes them
    assert await book(client, eve) == []
    for mutation, variables in ((UPDATE, {"id": huelva["id"], "i": {"isDefault": True}}),
                                (DELETE, {"id": huelva["id"]})):
        [payload] = (await client.gql(mutation, variables, eve)).values()
        assert payload["errors"] == [{"field": "id", "code": "NOT_FOUND"}]
    assert await book(client, ana) == [("Loulé", True), ("La Palma del Condado", False)]
    anonymous = await client.raw(CREATE, {"i": {"address": FARO}})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    gone = await client.gql(DELETE, {"id": faro["id"]}, ana)
    assert gone["accountAddressDelete"]["errors"] == []
    assert await book(client, ana) == [("La Palma del Condado", True)]  # the next default
    exported = await client.gql("mutation { accountDataExport { data } }", token=ana)
    assert exported["accountDataExport"]["data"]["addresses"][0]["city"] == \
        "La Palma del Condado"
