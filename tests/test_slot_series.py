"""productSlotSeriesCreate: many bookable slots at once, at the same local time."""

from __future__ import annotations

from engine.testing.client import Client

SERIES = """mutation($i: SlotSeriesInput!) { productSlotSeriesCreate(input: $i) {
  variants { sku startsAt endsAt capacity quantityAvailable } errors { field code } } }"""


async def test_a_weekly_series_keeps_its_local_time_across_the_dst_change(
        client: Client) -> None:
    token, _ = await client.vendor("es@example.com", "Bodega")
    data = await client.gql("""mutation { productCreate(input: { name: "Cata", kind: EVENT })
      { product { id } errors { code } } }""", token=token)
    product_id = data["productCreate"]["product"]["id"]
    given = {"productId": product_id, "skuPrefix": "CATA", "price": "25.00",
             "startsAt": "2027-03-20T18:00:00+01:00", "durationMinutes": 90, "count": 3,
             "everyDays": 7, "capacity": 12, "timeZone": "Europe/Madrid"}
    made = (await client.gql(SERIES, {"i": given}, token))["productSlotSeriesCreate"]
    assert made["errors"] == []
    starts = [v["startsAt"] for v in made["variants"]]
    assert starts == ["2027-03-20T17:00:00+00:00", "2027-03-27T17:00:00+00:00",
                      "2027-04-03T16:00:00+00:00"]  # 18:00 in Madrid; summer time from 28 March
    assert {v["capacity"] for v in made["variants"]} == {12}
    again = (await client.gql(SERIES, {"i": given}, token))["productSlotSeriesCreate"]
    assert again["variants"] == [] and again["errors"][0]["code"] == "UNIQUE"  # all or none
    count = await client.gql("query($id: ID!) { product(id: $id) { variants { id } } }",
                             {"id": product_id}, token)
    assert len(count["product"]["variants"]) == 3
    too_many = (await client.gql(SERIES, {"i": {**given, "count": 101}}, token))
    assert too_many["productSlotSeriesCreate"]["errors"][0]["field"] == "count"
