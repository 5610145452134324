"""A program may end right after its last awaited call: the interpreter must exit cleanly while
the runtime threads that delivered the results wind down (no abort, no segfault)."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Any

SCRIPT = """
import asyncio, imburse
async def main():
    client = imburse.AsyncClient(**{settings!r})
    await asyncio.gather(*(client.get_or_create_customer(f"EXIT-{{n}}") for n in range(5)))
asyncio.run(main())
"""


def test_the_interpreter_exits_cleanly_after_async_calls(settings: dict[str, Any]) -> None:
    script = SCRIPT.format(settings=settings)

    def run(_: int) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)

    # The race is a matter of microseconds at exit, so the program runs many times.
    with ThreadPoolExecutor(max_workers=4) as pool:
        runs = list(pool.map(run, range(40)))
    failures = [(r.returncode, r.stderr[-300:]) for r in runs if r.returncode != 0 or r.stderr]
    assert failures == []


LATE_SCRIPT = """
import asyncio, atexit

def at_exit():
    # Runs after the package's own exit hook (registered later, so called earlier).
    # Its result reaches the loop through the loop's socket: no runtime thread enters Python.
    print("async call:", asyncio.run(imburse.AsyncClient(**{settings!r}).get_or_create_customer("LATE-ASYNC")).meta.status)
    with imburse.Client(**{settings!r}) as client:
        print("blocking call:", client.get_or_create_customer("LATE-SYNC").meta.status)

atexit.register(at_exit)
import imburse
"""


def test_an_async_call_during_exit_completes(settings: dict[str, Any]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", LATE_SCRIPT.format(settings=settings)], capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "async call: 200",
        "blocking call: 200",
    ]
