"""A request's database view: one read session that never writes, writes in their own
transactions, and reads inside a write that see what it wrote."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select, update

from engine.db.request import ReadOnlySession
from engine.runtime import Runtime
from engine.shipping.models import ShippingMethod
from engine.vendors.models import Vendor
from tests.client import Client


async def test_a_requests_read_session_refuses_to_write(client: Client, demo: Runtime) -> None:
    scoped = client.runtime.for_request()
    try:
        async with scoped.db.read() as session:
            with pytest.raises(ReadOnlySession):
                await session.execute(update(Vendor).values(name="Renamed"))
            vendor = await session.scalar(select(Vendor).limit(1))
            assert vendor is not None
            vendor.name = "Renamed"
            with pytest.raises(ReadOnlySession):
                await session.flush()
            with pytest.raises(ReadOnlySession):
                await session.commit()
    finally:
        await scoped.db.release()
    async with client.runtime.db.read() as session:
        assert await session.scalar(select(Vendor.id).where(Vendor.name == "Renamed")) is None


async def test_reads_inside_a_write_see_what_it_wrote(client: Client, demo: Runtime) -> None:
    scoped = client.runtime.for_request()
    try:
        async with scoped.db.read() as session:
            vendor_id = await session.scalar(select(Vendor.id).limit(1))
        async with scoped.transaction() as writing:
            writing.add(ShippingMethod(vendor_id=vendor_id, name="Inside", countries=["ES"],
                                       price=Decimal("1.00")))
            await writing.flush()
            async with scoped.db.read() as session:
                assert session is writing
                assert await session.scalar(select(ShippingMethod.id).where(
                    ShippingMethod.name == "Inside")) is not None
        async with scoped.db.read() as session:  # the request's read session again
            assert session is not writing
            assert await session.scalar(select(ShippingMethod.id).where(
                ShippingMethod.name == "Inside")) is not None
    finally:
        await scoped.db.release()
