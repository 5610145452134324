"""Python driver of the side-by-side benchmark (bench/run.sh).

The SDK's `imburse.Client` and `imburse.AsyncClient` against what a Python user would pick
instead (httpx, requests, aiohttp), each hand-written client doing the same work: bearer token,
account and tenant headers, status check, JSON decoded into a typed record with exact decimals.
Sequential calls, 4 threads sharing one sync client, and asyncio with many calls in flight, in
interleaved rounds. Prints one JSON record per round (format in bench/README.md).
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

import aiohttp
import httpx
import imburse
import requests

S = {name: os.environ[f"BENCH_{name.upper()}"] for name in (
    "url", "token", "account_id", "tenant_id", "public_key", "private_key", "order", "instruction")}
CALLS = int(os.environ.get("BENCH_CALLS", "5000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
MEM_CALLS = int(os.environ.get("BENCH_MEM_CALLS", "100000"))
IN_FLIGHT = int(os.environ.get("BENCH_CONCURRENCY", "64"))
THREADS = 4
URL = f"{S['url']}/v2/order-management/{S['order']}/instruction/{S['instruction']}"
HEADERS = {"Authorization": f"Bearer {S['token']}", "x-account-id": S["account_id"], "x-tenant-id": S["tenant_id"]}
SDK_SETTINGS = dict(base_url=S["url"], public_key=S["public_key"], private_key=S["private_key"],
                    account_id=S["account_id"], tenant_id=S["tenant_id"])
loads_exact = partial(json.loads, parse_float=Decimal)


@dataclass(frozen=True)
class NativeInstruction:
    """What a hand-written client would decode the body into."""
    order_ref: str
    instruction_ref: str
    customer_ref: str
    direction: str
    status: str
    amount: Decimal
    currency: str
    country: str
    metadata: dict

    @classmethod
    def of(cls, body: dict) -> "NativeInstruction":
        return cls(body["orderRef"], body["instructionRef"], body["customerRef"], body["direction"],
                   body["status"], body["amount"], body["currency"], body["country"], body.get("metadata") or {})


def checked(status: int) -> None:
    if not 200 <= status < 300:
        raise RuntimeError(f"GET instruction answered {status}")


def emit(record: dict) -> None:
    print(json.dumps(record), flush=True)


def rss_kb() -> int:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))


def timed(case: str, round_: int, calls: int, run) -> None:
    cpu, start = time.process_time(), time.perf_counter()
    run(calls)
    emit({"case": case, "round": round_, "calls": calls,
          "wall_s": time.perf_counter() - start, "cpu_s": time.process_time() - cpu})


async def timed_async(case: str, round_: int, calls: int, run) -> None:
    cpu, start = time.process_time(), time.perf_counter()
    await run(calls)
    emit({"case": case, "round": round_, "calls": calls,
          "wall_s": time.perf_counter() - start, "cpu_s": time.process_time() - cpu})


# --- sequential and threaded: one call function per client --------------------------------

def sdk_call(client: imburse.Client) -> None:
    client.get_instruction(S["order"], S["instruction"])


def httpx_call(client: httpx.Client) -> None:
    r = client.get(URL, headers=HEADERS)
    checked(r.status_code)
    NativeInstruction.of(r.json(parse_float=Decimal))


def requests_call(session: requests.Session) -> None:
    r = session.get(URL, headers=HEADERS)
    checked(r.status_code)
    NativeInstruction.of(r.json(parse_float=Decimal))


def sequential(call, client):
    def run(calls: int) -> None:
        for _ in range(calls):
            call(client)
    return run


def threaded(pool: ThreadPoolExecutor, call, client):
    def run(calls: int) -> None:
        share = [calls // THREADS + (1 if i < calls % THREADS else 0) for i in range(THREADS)]
        for future in [pool.submit(sequential(call, client), n) for n in share]:
            future.result()
    return run


# --- asyncio: many calls in flight ---------------------------------------------------------

async def sdk_async_call(client: imburse.AsyncClient) -> None:
    await client.get_instruction(S["order"], S["instruction"])


async def aiohttp_call(session: aiohttp.ClientSession) -> None:
    async with session.get(URL, headers=HEADERS) as r:
        checked(r.status)
        NativeInstruction.of(await r.json(loads=loads_exact))


async def httpx_async_call(client: httpx.AsyncClient) -> None:
    r = await client.get(URL, headers=HEADERS)
    checked(r.status_code)
    NativeInstruction.of(r.json(parse_float=Decimal))


def in_flight(call, client):
    async def run(calls: int) -> None:
        remaining = calls

        async def worker() -> None:
            nonlocal remaining
            while remaining > 0:
                remaining -= 1
                await call(client)
        await asyncio.gather(*(worker() for _ in range(IN_FLIGHT)))
    return run


async def async_section() -> None:
    mode = f"c{IN_FLIGHT}"
    # aiohttp's default pool holds 100 connections, httpx's 100: both above IN_FLIGHT's default.
    limit = max(100, IN_FLIGHT)
    async with imburse.AsyncClient(**SDK_SETTINGS) as sdk, \
            aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=limit)) as session, \
            httpx.AsyncClient(limits=httpx.Limits(max_connections=limit, max_keepalive_connections=limit)) as hx:
        cases = [(f"python.AsyncClient.{mode}", in_flight(sdk_async_call, sdk)),
                 (f"python.aiohttp.{mode}", in_flight(aiohttp_call, session)),
                 (f"python.httpx-async.{mode}", in_flight(httpx_async_call, hx))]
        for _, run in cases:
            await run(CALLS // 5 + IN_FLIGHT)
        for round_ in range(ROUNDS):
            for case, run in cases:
                await timed_async(case, round_, CALLS, run)
        before = rss_kb()
        await cases[0][1](MEM_CALLS)
        emit({"case": cases[0][0], "rss_calls": MEM_CALLS, "rss_before_kb": before, "rss_after_kb": rss_kb()})


def main() -> None:
    emit({"info": "python", "versions": {
        "python": sys.version.split()[0], "imburse": getattr(imburse, "__version__", "?"),
        "httpx": httpx.__version__, "requests": requests.__version__, "aiohttp": aiohttp.__version__}})
    with imburse.Client(**SDK_SETTINGS) as sdk, httpx.Client() as hx, requests.Session() as session, \
            ThreadPoolExecutor(THREADS) as pool:
        seq = [("python.Client.seq", sequential(sdk_call, sdk)),
               ("python.httpx.seq", sequential(httpx_call, hx)),
               ("python.requests.seq", sequential(requests_call, session))]
        threads = [(f"python.Client.t{THREADS}", threaded(pool, sdk_call, sdk)),
                   (f"python.httpx.t{THREADS}", threaded(pool, httpx_call, hx))]
        for group in (seq, threads):
            for _, run in group:
                run(CALLS // 5 + THREADS)
            for round_ in range(ROUNDS):
                for case, run in group:
                    timed(case, round_, CALLS, run)
        before = rss_kb()
        seq[0][1](MEM_CALLS)
        emit({"case": seq[0][0], "rss_calls": MEM_CALLS, "rss_before_kb": before, "rss_after_kb": rss_kb()})
    asyncio.run(async_section())


if __name__ == "__main__":
    main()
