"""After os.fork() a child gets a working client: the one it inherited and any new one."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from typing import Any, Callable

import imburse
from emulator import Emulator

CHILD_DEADLINE = 20.0


def in_child(body: Callable[[], None]) -> int:
    """Runs ``body`` in a forked child and returns its exit status; a child still running after
    ``CHILD_DEADLINE`` is killed and reported as hung."""
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        status = 1
        try:
            body()
            status = 0
        except BaseException as error:  # noqa: BLE001 - reported through the exit status
            os.write(2, f"child failed: {error!r}\n".encode())
        finally:
            os._exit(status)
    deadline = time.monotonic() + CHILD_DEADLINE
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    raise AssertionError("the forked child hung")


def test_a_child_can_use_the_inherited_client_and_a_new_one(
    client: imburse.Client, settings: dict[str, Any], emulator: Emulator
) -> None:
    client.get_or_create_customer("PARENT-1")  # the parent's pool and token are warm

    def child() -> None:
        assert client.get_or_create_customer("CHILD-1", correlation_id="from-child").data.customer_ref == "CHILD-1"
        with imburse.Client(**settings) as fresh:
            assert fresh.get_or_create_customer("CHILD-2").meta.status == 200

    assert in_child(child) == 0
    seen = emulator.requests("GET", "/v2/customer-vault/CHILD-1")
    assert [r["headers"]["x-correlation-id"] for r in seen] == ["from-child"]
    # And the parent's client still works after the fork.
    assert client.get_or_create_customer("PARENT-2").meta.status == 200


def test_a_child_can_use_an_async_client_made_before_the_fork(settings: dict[str, Any]) -> None:
    parent_client = imburse.AsyncClient(**settings)

    async def call(ref: str) -> str:
        return (await parent_client.get_or_create_customer(ref)).data.customer_ref

    assert asyncio.run(call("PARENT-A")) == "PARENT-A"

    def child() -> None:
        assert asyncio.run(call("CHILD-A")) == "CHILD-A"

    assert in_child(child) == 0
