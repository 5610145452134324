"""The asyncio client: the same behaviour as the blocking one, real concurrency on the core's
runtime (no Python threads), cancellation, and the context manager."""

from __future__ import annotations

import asyncio
import threading
import time
from decimal import Decimal
from typing import Any

import pytest

import imburse
from emulator import Emulator
from helpers import new_instruction


def test_async_flow_returns_the_same_models(settings: dict[str, Any], emulator: Emulator) -> None:
    async def flow() -> None:
        async with imburse.AsyncClient(**settings) as c:
            created = await c.create_order(imburse.NewOrder("ORDER-1", instructions=[new_instruction(amount=Decimal("1234567.89"))]))
            assert created.data == imburse.Created(status=202, reconciled=False)
            read = await c.get_instruction("ORDER-1", "I-1", correlation_id="async-1")
            assert isinstance(read.data, imburse.Instruction)
            assert str(read.data.amount) == "1234567.89"
            assert read.meta.client_correlation_id == "async-1"
            order = await c.get_order("ORDER-1")
            assert [i.instruction_ref for i in order.data.instructions] == ["I-1"]
            mobile = await c.add_mobile_instrument("CUST-1", imburse.NewMobileInstrument(country_code="44", phone_number="7700900123"))
            assert (await c.add_to_wallet("CUST-1", mobile.data.id)).status == 202
            wallet = await c.get_wallet("CUST-1")
            assert [f.id for f in wallet.data.financial_instruments] == [mobile.data.id]
            assert (await c.cancel_instruction("ORDER-1", "I-1")).status == 202
        assert c.closed

    asyncio.run(flow())


def test_async_errors_are_the_same_classes(settings: dict[str, Any], emulator: Emulator) -> None:
    emulator.arm(method="GET", path="/v1/order-management/*", action="respond", status=503, times=3)

    async def fail() -> imburse.ImburseError:
        async with imburse.AsyncClient(**settings) as c:
            with pytest.raises(imburse.ServerError) as caught:
                await c.get_order("ORDER-1", correlation_id="async-503")
            return caught.value

    error = asyncio.run(fail())
    assert (error.status, error.code, error.attempts, error.client_correlation_id) == (
        503,
        "SERVICE_UNAVAILABLE",
        3,
        "async-503",
    )


def test_a_hundred_calls_in_flight_at_once(settings: dict[str, Any], emulator: Emulator) -> None:
    # Every read is held 500 ms by the server: one after the other would take 50 s.
    emulator.arm(method="GET", path="/v2/customer-vault/*", action="delay", ms=500, times=100)
    threads_before = threading.active_count()

    async def many() -> tuple[list[imburse.Response[imburse.Customer]], int, int]:
        ticks = 0
        threads_during = 0

        async def ticker() -> None:
            nonlocal ticks, threads_during
            while True:
                await asyncio.sleep(0.01)
                ticks += 1
                threads_during = max(threads_during, threading.active_count())

        async with imburse.AsyncClient(**settings) as c:
            ticking = asyncio.ensure_future(ticker())
            results = await asyncio.gather(*(c.get_or_create_customer(f"CUST-{n}") for n in range(100)))
            ticking.cancel()
        return results, ticks, threads_during

    started = time.monotonic()
    results, ticks, threads_during = asyncio.run(many())
    elapsed = time.monotonic() - started

    assert [r.data.customer_ref for r in results] == [f"CUST-{n}" for n in range(100)]
    assert all(r.meta.attempts == 1 for r in results)
    assert elapsed < 5, f"100 calls took {elapsed:.1f} s: they did not overlap"
    seen = emulator.requests("GET", "/v2/customer-vault/*")
    assert len(seen) == 100
    arrivals = [r["received_at_ms"] for r in seen]
    assert max(arrivals) - min(arrivals) < 500, "every call reached the server before the first answer"
    assert len(emulator.requests("POST", "/v1/identity/hmac")) == 1  # one token for all of them
    assert ticks >= 20, "the event loop kept running while the calls waited"
    assert threads_during == threads_before, "no Python thread was started for the calls"


def test_cancelling_an_awaited_call_leaves_the_client_usable(settings: dict[str, Any], emulator: Emulator) -> None:
    emulator.arm(method="GET", path="/v1/order-management/*", action="delay", ms=3000)

    async def cancel_then_call() -> imburse.Response[imburse.Customer]:
        async with imburse.AsyncClient(**settings) as c:
            with pytest.raises(asyncio.TimeoutError):
                await asyncio.wait_for(c.get_order("ORDER-1"), timeout=0.2)
            return await c.get_or_create_customer("CUST-1")

    started = time.monotonic()
    after = asyncio.run(cancel_then_call())
    assert after.data.customer_ref == "CUST-1"
    assert time.monotonic() - started < 2.5, "the cancelled call was not waited for"


def test_a_closed_async_client_refuses_calls(settings: dict[str, Any]) -> None:
    async def closed_call() -> None:
        c = imburse.AsyncClient(**settings)
        await c.close()
        with pytest.raises(imburse.ClientClosedError, match="closed"):
            await c.get_order("ORDER-1")

    asyncio.run(closed_call())


def test_close_lets_a_call_made_before_it_finish(settings: dict[str, Any], emulator: Emulator) -> None:
    async def body() -> None:
        c = imburse.AsyncClient(**settings)
        await c.authenticate()
        emulator.arm(method="GET", path="/v2/customer-vault/*", action="delay", ms=200)
        running = asyncio.ensure_future(c.get_or_create_customer("CUST-CLOSE"))
        await asyncio.sleep(0)  # the call is made; its task may not have run yet
        await c.close()
        assert (await running).data.customer_ref == "CUST-CLOSE"
        with pytest.raises(imburse.ClientClosedError):
            await c.get_order("ORDER-1")

    asyncio.run(body())
