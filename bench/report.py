"""Turns the drivers' JSON records (bench/run.sh collects them) into the Markdown results table
and prints one `ratio <ours>/<theirs> = X.XX` line per comparison.

usage: report.py RECORDS.jsonl OUT.md   (run parameters come from the BENCH_* environment)
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from collections import defaultdict

C = f"c{os.environ.get('BENCH_CONCURRENCY', '64')}"

# (ours, theirs): the SDK in a language against what a user of that language would pick instead.
COMPARISONS = [
    ("rust.core.seq", "rust.reqwest.seq"),
    ("rust.core.seq", "rust.wrk.seq"),
    (f"rust.core.{C}", f"rust.reqwest.{C}"),
    (f"rust.core.{C}", f"rust.wrk.{C}"),
    ("python.Client.seq", "python.httpx.seq"),
    ("python.Client.seq", "python.requests.seq"),
    ("python.Client.t4", "python.httpx.t4"),
    (f"python.AsyncClient.{C}", f"python.aiohttp.{C}"),
    (f"python.AsyncClient.{C}", f"python.httpx-async.{C}"),
    ("node.imburse.seq", "node.undici.seq"),
    ("node.imburse.seq", "node.fetch.seq"),
    (f"node.imburse.{C}", f"node.undici.{C}"),
    (f"node.imburse.{C}", f"node.fetch.{C}"),
    ("kotlin.BlockingClient.seq", "kotlin.jdk-send.seq"),
    ("kotlin.BlockingClient.seq", "kotlin.okhttp.seq"),
    (f"kotlin.Client.{C}", f"kotlin.jdk-sendAsync.{C}"),
    (f"kotlin.Client.{C}", f"kotlin.okhttp-enqueue.{C}"),
    # Each binding against the core it wraps (different processes: ratio of medians).
    ("python.Client.seq", "rust.core.seq"),
    ("node.imburse.seq", "rust.core.seq"),
    ("kotlin.BlockingClient.seq", "rust.core.seq"),
    (f"python.AsyncClient.{C}", f"rust.core.{C}"),
    (f"node.imburse.{C}", f"rust.core.{C}"),
    (f"kotlin.Client.{C}", f"rust.core.{C}"),
]
BINDINGS = [
    ("python.Client.seq", "rust.core.seq"),
    ("node.imburse.seq", "rust.core.seq"),
    ("kotlin.BlockingClient.seq", "rust.core.seq"),
    (f"python.AsyncClient.{C}", f"rust.core.{C}"),
    (f"node.imburse.{C}", f"rust.core.{C}"),
    (f"kotlin.Client.{C}", f"rust.core.{C}"),
]
# Measured on their own, each against a plain call timed the same way (rust.core.single).
SINGLES = [
    ("rust.hmac.sign", "HMAC Authorization header (core HmacSigner, empty body)", None),
    ("rust.core.single", "plain GET instruction, timed one by one (baseline of the rows below)", None),
    ("rust.token.exchange", "token exchange: authenticate() on a fresh client (connect, sign, POST, decode)", None),
    ("rust.token.refresh", "GET after the server expired the token: 401, refresh, replay", "rust.core.single"),
    ("rust.retry.503", "GET retried once after a 503 (backoff 1 ms base and cap)", "rust.core.single"),
]


def load(path: str):
    rounds, rss, skips, versions = defaultdict(dict), {}, [], {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            r = json.loads(line)
            if "info" in r:
                versions[r["info"]] = r["versions"]
            elif "skip" in r:
                skips.append((r["skip"], r["reason"]))
            elif "rss_calls" in r:
                rss[r["case"]] = r
            elif "round" in r:
                rounds[r["case"]][r["round"]] = r
    return rounds, rss, skips, versions


def per_call_us(records: dict, key: str) -> dict[int, float]:
    return {i: r[key] / r["calls"] * 1e6 for i, r in records.items()}


def median(values) -> float:
    return statistics.median(list(values))


def ratio(rounds, ours: str, theirs: str, key: str) -> float:
    """theirs / ours per call; paired by round when both ran in one process (interleaved)."""
    a, b = per_call_us(rounds[ours], key), per_call_us(rounds[theirs], key)
    if ours.split(".")[0] == theirs.split(".")[0] and set(a) == set(b):
        return median(b[i] / a[i] for i in a)
    return median(b.values()) / median(a.values())


def main() -> None:
    records_path, out_path = sys.argv[1], sys.argv[2]
    rounds, rss, skips, versions = load(records_path)
    have = lambda case: case in rounds and rounds[case]  # noqa: E731
    out = []
    w = out.append
    calls = os.environ.get("BENCH_CALLS", "?")
    w(f"# Benchmark results ({time.strftime('%Y-%m-%d %H:%M %Z')})\n")
    w(f"Written by `bench/run.sh` ({'QUICK mode, smoke figures only' if os.environ.get('QUICK') == '1' else 'full run'}). "
      "Authenticated `GET /v2/order-management/BENCH/instruction/I-1` with the JSON decoded, against the "
      f"emulator pinned to CPU {os.environ.get('BENCH_EMULATOR_CPU', '0')} "
      f"({os.environ.get('BENCH_EMULATOR_WORKERS', '1')} runtime worker(s)); every client pinned to CPU "
      f"{os.environ.get('BENCH_CLIENT_CPU', '1')}. "
      f"{os.environ.get('BENCH_ROUNDS', '?')} interleaved rounds of {calls} calls per client "
      f"(`{C}` = {C[1:]} calls in flight), medians over rounds. "
      "Wall µs/call is elapsed time over calls (at `c64`, the inverse of throughput); CPU µs/call is the "
      "client process's own user+system time over calls. **Ratios are theirs/ours: above 1 means ours "
      "(the SDK) is faster**; within one language they are medians of per-round ratios.\n")
    w(f"Machine: {os.cpu_count()} CPUs, {platform.machine()}, {platform.platform()}; "
      f"{os.environ.get('BENCH_MACHINE_NOTE', '')}\n")
    w("Versions: " + "; ".join(f"{lang}: " + ", ".join(f"{k} {v}" for k, v in vs.items())
                              for lang, vs in sorted(versions.items())) + "\n")

    w("## Comparisons\n")
    w("| ours | theirs | ours wall µs/call | theirs wall µs/call | ratio (wall) | ours CPU µs/call | theirs CPU µs/call | ratio (CPU) |")
    w("|---|---|---:|---:|---:|---:|---:|---:|")
    lines = []
    for ours, theirs in COMPARISONS:
        if not (have(ours) and have(theirs)):
            lines.append(f"skipped {ours}/{theirs}: not measured in this run")
            continue
        ow, tw = (median(per_call_us(rounds[c], "wall_s").values()) for c in (ours, theirs))
        oc, tc = (median(per_call_us(rounds[c], "cpu_s").values()) for c in (ours, theirs))
        rw, rc = ratio(rounds, ours, theirs, "wall_s"), ratio(rounds, ours, theirs, "cpu_s")
        w(f"| `{ours}` | `{theirs}` | {ow:.1f} | {tw:.1f} | **{rw:.2f}** | {oc:.1f} | {tc:.1f} | {rc:.2f} |")
        lines.append(f"ratio {ours}/{theirs} = {rw:.2f}")
    w("\n```text\n" + "\n".join(lines) + "\n```\n")

    w("## Binding cost over the core (CPU µs per call)\n")
    w("| binding | binding CPU µs/call | Rust core CPU µs/call | cost over the core |")
    w("|---|---:|---:|---:|")
    cost_lines = []
    for binding, core in BINDINGS:
        if have(binding) and have(core):
            b, c = (median(per_call_us(rounds[x], "cpu_s").values()) for x in (binding, core))
            w(f"| `{binding}` | {b:.1f} | {c:.1f} | {b - c:+.1f} |")
            cost_lines.append(f"binding cost {binding} over {core} = {b - c:+.1f} µs CPU/call")
    w("\n```text\n" + "\n".join(cost_lines) + "\n```\n")

    w("## On their own (Rust core)\n")
    w("| what | case | wall µs/op | CPU µs/op | over a plain call (wall / CPU µs) |")
    w("|---|---|---:|---:|---:|")
    for case, what, base in SINGLES:
        if not have(case):
            continue
        wall, cpu = (median(per_call_us(rounds[case], k).values()) for k in ("wall_s", "cpu_s"))
        extra = ""
        if base and have(base):
            bw, bc = (median(per_call_us(rounds[base], k).values()) for k in ("wall_s", "cpu_s"))
            extra = f"{wall - bw:+.1f} / {cpu - bc:+.1f}"
        w(f"| {what} | `{case}` | {wall:.1f} | {cpu:.1f} | {extra} |")
    w("")

    w("## Memory (RSS of the client process around its own calls)\n")
    w("| client | calls | RSS before (MiB) | RSS after (MiB) | change (MiB) |")
    w("|---|---:|---:|---:|---:|")
    for case, r in rss.items():
        before, after = r["rss_before_kb"] / 1024, r["rss_after_kb"] / 1024
        w(f"| `{case}` | {r['rss_calls']:,} | {before:.1f} | {after:.1f} | {after - before:+.1f} |")
    w("")

    w("## Every case\n")
    w("| case | rounds | calls/round | wall µs/call (median) | wall min–max | CPU µs/call (median) | CPU min–max |")
    w("|---|---:|---:|---:|---:|---:|---:|")
    for case in sorted(rounds):
        wall, cpu = per_call_us(rounds[case], "wall_s"), per_call_us(rounds[case], "cpu_s")
        n = median(r["calls"] for r in rounds[case].values())
        w(f"| `{case}` | {len(wall)} | {n:,.0f} | {median(wall.values()):.1f} | "
          f"{min(wall.values()):.1f}–{max(wall.values()):.1f} | {median(cpu.values()):.1f} | "
          f"{min(cpu.values()):.1f}–{max(cpu.values()):.1f} |")
    if skips:
        w("\n## Not measured\n")
        for case, reason in skips:
            w(f"- `{case}`: {reason}")
    w("")

    with open(out_path, "w") as f:
        f.write("\n".join(out))
    print("\n".join(lines))
    print("\n".join(cost_lines))
    for case, reason in skips:
        print(f"skipped {case}: {reason}")
    print(f"table written to {out_path}")


if __name__ == "__main__":
    main()
