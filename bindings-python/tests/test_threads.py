"""The blocking client shared between threads, the GIL released while it waits, and Ctrl-C."""

from __future__ import annotations

import _thread
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

import imburse
from emulator import Emulator


def test_one_client_shared_by_many_threads(client: imburse.Client, emulator: Emulator) -> None:
    def work(n: int) -> list[str]:
        refs = []
        for i in range(10):
            ref = f"T{n}-C{i}"
            refs.append(client.get_or_create_customer(ref, correlation_id=f"thread-{n}-{i}").data.customer_ref)
        return refs

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(8)))

    assert results == [[f"T{n}-C{i}" for i in range(10)] for n in range(8)]
    seen = emulator.requests("GET", "/v2/customer-vault/*")
    assert sorted(r["headers"]["x-correlation-id"] for r in seen) == sorted(
        f"thread-{n}-{i}" for n in range(8) for i in range(10)
    )
    assert len(emulator.requests("POST", "/v1/identity/hmac")) == 1


def test_the_gil_is_released_while_a_call_waits(client: imburse.Client, emulator: Emulator) -> None:
    client.authenticate()
    emulator.arm(method="GET", path="/v2/customer-vault/*", action="delay", ms=600)
    counter = 0
    done = threading.Event()

    def spin() -> None:
        nonlocal counter
        while not done.is_set():
            counter += 1

    spinner = threading.Thread(target=spin)
    spinner.start()
    try:
        started = time.monotonic()
        client.get_or_create_customer("CUST-1")
        waited = time.monotonic() - started
        during_call = counter
    finally:
        done.set()
        spinner.join()

    # Measure what the spinner manages on its own in the same time, without any call.
    counter = 0
    done.clear()
    spinner = threading.Thread(target=spin)
    spinner.start()
    time.sleep(waited)
    done.set()
    spinner.join()
    # Had the call held the GIL, the spinner would have run only at the signal checks.
    assert during_call > counter * 0.5, (during_call, counter)


def test_ctrl_c_interrupts_a_blocking_call(client: imburse.Client, emulator: Emulator) -> None:
    client.authenticate()
    emulator.arm(method="GET", path="/v2/customer-vault/*", action="delay", ms=5000)
    timer = threading.Timer(0.3, _thread.interrupt_main)
    timer.start()
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        client.get_or_create_customer("CUST-1")
    assert time.monotonic() - started < 2
    timer.join()
    # The client is still usable afterwards.
    emulator.control("DELETE", "/faults")
    assert client.get_or_create_customer("CUST-2").meta.status == 200


def test_a_client_built_in_one_thread_works_in_another(settings: dict[str, Any]) -> None:
    box: dict[str, Any] = {}
    builder = threading.Thread(target=lambda: box.setdefault("client", imburse.Client(**settings)))
    builder.start()
    builder.join()
    with box["client"] as c:
        assert c.get_or_create_customer("CUST-1").data.customer_ref == "CUST-1"
