"""The Python driver of the load-with-faults run (``tests/load/run.py`` starts the emulator,
arms the faults and judges; this only does the flows): create an order with one instruction
and read the instruction back, ``LOAD_CONCURRENCY`` flows in flight on one shared client:
threads sharing one ``imburse.Client`` (``--sync``), or tasks on one ``imburse.AsyncClient``
(``--async``).

    python3 tests/load/run.py --name python-async --flows 1000 -- \\
        bindings-python/.venv/bin/python bindings-python/tests/load_flows.py --async
"""

import asyncio
import json
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict

import imburse

PREFIX = os.environ["LOAD_PREFIX"]
AMOUNT = os.environ["LOAD_AMOUNT"]
_print_lock = threading.Lock()


def _setting(name: str) -> int:
    return int(os.environ[name])


def _client_settings() -> Dict[str, Any]:
    return {
        "max_attempts": _setting("LOAD_MAX_ATTEMPTS"),
        "backoff_base": _setting("LOAD_BACKOFF_BASE_MS") / 1000,
        "backoff_cap": _setting("LOAD_BACKOFF_CAP_MS") / 1000,
        "attempt_timeout": _setting("LOAD_ATTEMPT_TIMEOUT_MS") / 1000,
        "call_timeout": _setting("LOAD_CALL_TIMEOUT_MS") / 1000,
    }


def emit(record: Dict[str, Any]) -> None:
    line = json.dumps(record)
    with _print_lock:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def sample(flows: int) -> Dict[str, Any]:
    """File descriptors, threads and resident memory of this process, from /proc."""
    fields: Dict[str, int] = {}
    with open("/proc/self/status") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "Threads"):
                fields[name] = int(value.split()[0])
    fds = len(os.listdir("/proc/self/fd"))
    return {"sample": {"flows": flows, "rss_kb": fields.get("VmRSS", 0), "threads": fields.get("Threads", 0),
                       "fds": fds}}


def new_order(i: int) -> imburse.NewOrder:
    return imburse.NewOrder(
        order_ref=f"{PREFIX}-{i}",
        instructions=[imburse.NewInstruction(
            instruction_ref="INS-1", customer_ref=f"CUST-{i}", direction="DEBIT", amount=AMOUNT,
            currency="GBP", country="GB", scheme_id="654EB81FF7F07F7CF5A1EE3FF6972E90",
        )],
    )


def failed(i: int, error: imburse.ImburseError) -> Dict[str, Any]:
    return {"flow": i, "ok": False, "kind": error.kind, "code": error.code, "message": str(error)}


def judged(i: int, started: float, attempts: int, instruction: imburse.Instruction) -> Dict[str, Any]:
    if format(instruction.amount, "f") != AMOUNT or instruction.instruction_ref != "INS-1":
        return {"flow": i, "ok": False, "kind": "mismatch", "code": "MISMATCH", "message": repr(instruction)}
    return {"flow": i, "ok": True, "attempts": attempts, "ms": (time.perf_counter() - started) * 1000}


def sync_flow(client: imburse.Client, i: int) -> Dict[str, Any]:
    started = time.perf_counter()
    try:
        created = client.create_order(new_order(i))
        read = client.get_instruction(f"{PREFIX}-{i}", "INS-1")
    except imburse.ImburseError as error:
        return failed(i, error)
    return judged(i, started, created.meta.attempts + read.meta.attempts, read.data)


async def async_flow(client: imburse.AsyncClient, i: int) -> Dict[str, Any]:
    started = time.perf_counter()
    try:
        created = await client.create_order(new_order(i))
        read = await client.get_instruction(f"{PREFIX}-{i}", "INS-1")
    except imburse.ImburseError as error:
        return failed(i, error)
    return judged(i, started, created.meta.attempts + read.meta.attempts, read.data)


class Counter:
    """Counts reported flows and samples memory every ``LOAD_SAMPLE_EVERY`` of them."""

    def __init__(self) -> None:
        self.every = max(1, _setting("LOAD_SAMPLE_EVERY"))
        self.done = 0
        self.lock = threading.Lock()

    def report(self, record: Dict[str, Any]) -> None:
        emit(record)
        with self.lock:
            self.done += 1
            due = self.done % self.every == 0
            done = self.done
        if due:
            emit(sample(done))

    def finish(self) -> None:
        if self.done % self.every:
            emit(sample(self.done))


def run_sync() -> None:
    flows, concurrency = _setting("LOAD_FLOWS"), _setting("LOAD_CONCURRENCY")
    deadline = time.monotonic() + _setting("LOAD_DURATION_S")
    counter = Counter()
    with imburse.Client.from_env(**_client_settings()) as client:
        client.authenticate()
        emit(sample(0))
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            start = 0
            while True:
                for record in pool.map(lambda i: sync_flow(client, i), range(start, start + flows)):
                    counter.report(record)
                start += flows
                if time.monotonic() >= deadline:
                    break
    counter.finish()


async def run_async() -> None:
    flows, concurrency = _setting("LOAD_FLOWS"), _setting("LOAD_CONCURRENCY")
    deadline = time.monotonic() + _setting("LOAD_DURATION_S")
    counter = Counter()
    slots = asyncio.Semaphore(concurrency)

    async def bounded(client: imburse.AsyncClient, i: int) -> None:
        async with slots:
            record = await async_flow(client, i)
        counter.report(record)

    async with imburse.AsyncClient.from_env(**_client_settings()) as client:
        await client.authenticate()
        emit(sample(0))
        start = 0
        while True:
            await asyncio.gather(*(bounded(client, i) for i in range(start, start + flows)))
            start += flows
            if time.monotonic() >= deadline:
                break
    counter.finish()


def main(mode: str) -> None:
    if mode == "--sync":
        run_sync()
    elif mode == "--async":
        asyncio.run(run_async())
    else:
        raise SystemExit("usage: load_flows.py --sync | --async")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "")
