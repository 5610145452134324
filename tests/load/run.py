#!/usr/bin/env python3
"""Load with faults: one language's SDK runs create-and-read flows at many in flight against a
fresh emulator that sprinkles faults over them, and this script judges the outcome.

The driver (one per language, given after ``--``) does the flows and reports each one; this
script owns everything the languages share: the emulator, the fault mix, the token expiry in
the middle of the run, the driver's settings, and the verdict from the server's own state. It
prints the figures (flows, unexpected errors, duplicates, lost writes, attempts per flow,
p50/p99 latency, file descriptors, threads and memory before and after) and with ``--check``
exits non-zero unless every flow completed with no unexpected error, duplicate or lost write.

    python3 tests/load/run.py --name rust --flows 1000 --check -- target/debug/examples/load_flows

The driver protocol: settings arrive in the environment (the SDK's own ``IMBURSE_*`` variables,
and ``LOAD_*``); the driver prints one JSON object per line on stdout:
``{"sample": {"flows": n, "rss_kb": .., "fds": .., "threads": ..}}`` after warming up, after
every ``LOAD_SAMPLE_EVERY`` flows and at the end, and ``{"flow": i, "ok": true, "attempts": n,
"ms": t}`` or ``{"flow": i, "ok": false, "kind": .., "code": .., "message": ..}`` per flow. Flow
``i`` creates order ``<LOAD_PREFIX>-<i>`` with one instruction ``INS-1`` of ``LOAD_AMOUNT``
and reads the instruction back; a read-back that differs is a failed flow (code ``MISMATCH``).
With ``LOAD_DURATION_S`` the driver repeats batches of ``LOAD_FLOWS`` flows (numbering goes on)
until that much time has passed: the soak.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_EMULATOR = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(REPO, "target")), "debug",
                                "imburse-emulator")
AMOUNT = "12.34"

# The driver's client: retries enough that a flow meeting two or three faults in a row still
# completes (at a 7 % fault rate, five failed attempts in a row is about one call in 600 000).
CLIENT_SETTINGS = {
    "LOAD_MAX_ATTEMPTS": "6",
    "LOAD_BACKOFF_BASE_MS": "20",
    "LOAD_BACKOFF_CAP_MS": "500",
    "LOAD_ATTEMPT_TIMEOUT_MS": "10000",
    "LOAD_CALL_TIMEOUT_MS": "120000",
}


def fault_mix(seed):
    """The faults, first match first: 1 % of creates dropped after the server read (and did)
    them, 1 % of reads answered 429 with Retry-After 1, 5 % of every request 503."""
    forever = 1_000_000_000
    return [
        {"method": "POST", "path": "/*/order-management", "times": forever, "probability": 0.01, "seed": seed,
         "action": "drop_after_read"},
        {"method": "GET", "path": "/*/order-management/*", "times": forever, "probability": 0.01, "seed": seed + 1,
         "action": "respond", "status": 429, "retry_after": 1},
        {"path": "/v*", "times": forever, "probability": 0.05, "seed": seed + 2, "action": "respond", "status": 503},
    ]


class Emulator:
    """The emulator binary on a free loopback port, pinned to CPU 0 when there are two."""

    def __init__(self, binary, pin):
        command = [binary, "--port", "0", "--worker-threads", "1"]
        if pin:
            command = ["taskset", "-c", "0"] + command
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        self.info = json.loads(self.process.stdout.readline())
        self.url = self.info["url"]

    def control(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + "/__emulator" + path, data=data, method=method,
                                         headers={"content-type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read()
            return json.loads(text) if text else None

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def percentile(values, share):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(args):
    pin = bool(shutil.which("taskset")) and (os.cpu_count() or 1) >= 2
    emulator = Emulator(args.emulator, pin)
    try:
        emulator.control("POST", "/reset")
        armed = [emulator.control("POST", "/faults", f) for f in fault_mix(args.seed)]
        env = dict(os.environ)
        env.update(CLIENT_SETTINGS)
        env.update({
            "IMBURSE_BASE_URL": emulator.url,
            "IMBURSE_PUBLIC_KEY": emulator.info["public_key"],
            "IMBURSE_PRIVATE_KEY": emulator.info["private_key"],
            "IMBURSE_ACCOUNT_ID": emulator.info["account_id"],
            "IMBURSE_TENANT_ID": emulator.info["tenant_id"],
            "LOAD_FLOWS": str(args.flows),
            "LOAD_CONCURRENCY": str(args.concurrency),
            "LOAD_PREFIX": args.prefix,
            "LOAD_AMOUNT": AMOUNT,
            "LOAD_SAMPLE_EVERY": str(args.sample_every or args.flows),
            "LOAD_DURATION_S": str(args.duration),
        })
        command = list(args.driver)
        if pin:
            command = ["taskset", "-c", "1"] + command
        started = time.monotonic()
        driver = subprocess.Popen(command, stdout=subprocess.PIPE, env=env, text=True, cwd=REPO)
        flows, samples, expiries = {}, [], []
        expire_at = args.flows // 2

        def expire():
            emulator.control("POST", "/tokens/expire")
            expiries.append(len(flows))

        for line in driver.stdout:
            try:
                record = json.loads(line)
            except ValueError:
                sys.stderr.write(line)
                continue
            if "sample" in record:
                samples.append(record["sample"])
            elif "flow" in record:
                flows[record["flow"]] = record
                # One expiry of every token in the middle of each batch of flows.
                if len(flows) >= expire_at:
                    threading.Thread(target=expire).start()
                    expire_at += args.flows
        status = driver.wait()
        elapsed = time.monotonic() - started
        if status != 0:
            raise SystemExit("%s: the driver exited with status %d" % (args.name, status))
        orders = emulator.control("GET", "/tenants/%s/orders" % emulator.info["tenant_id"])
        faults_left = {f["id"]: f["remaining"] for f in emulator.control("GET", "/faults")}
        struck = {a["action"] + ("" if a["action"] != "respond" else " %d" % a["status"]):
                  a["remaining"] - faults_left.get(a["id"], 0) for a in armed}
        return judge(args, flows, samples, expiries, orders, struck, elapsed)
    finally:
        emulator.close()


def judge(args, flows, samples, expiries, orders, struck, elapsed):
    ok = {i: f for i, f in flows.items() if f.get("ok")}
    failed = [f for f in flows.values() if not f.get("ok")]
    ours = {"%s-%d" % (args.prefix, i): i for i in flows}
    stored = {o["order_ref"]: o for o in orders}
    # Lost: a flow reported success but the server has no such order, or not its instruction
    # as sent. Duplicates: an order no flow made, or an order with more than its instruction.
    lost = [i for i in ok if not any(
        ins["instruction_ref"] == "INS-1" and ins["amount"] == AMOUNT
        for ins in stored.get("%s-%d" % (args.prefix, i), {}).get("instructions", []))]
    duplicates = sum(1 for ref in stored if ref not in ours) + \
        sum(max(0, len(o["instructions"]) - 1) for o in orders)
    attempts = [f["attempts"] for f in ok.values()]
    latencies = [f["ms"] for f in ok.values()]
    first, last = (samples[0], samples[-1]) if samples else ({}, {})
    # Growth is measured from the end of the first batch (connections and caches are warm by
    # then) to the end; before that, the pool filling to its in-flight level is not a leak.
    warm = samples[1] if len(samples) > 2 else first
    figures = {
        "language": args.name,
        "flows": len(flows),
        "completed": len(ok),
        "unexpected_errors": len(failed),
        "duplicates": duplicates,
        "lost_writes": len(lost),
        "attempts_per_flow_mean": round(statistics.mean(attempts), 3) if attempts else 0,
        "attempts_per_flow_max": max(attempts) if attempts else 0,
        "p50_ms": round(percentile(latencies, 0.50), 1),
        "p99_ms": round(percentile(latencies, 0.99), 1),
        "flows_per_s": round(len(flows) / elapsed, 1) if elapsed else 0,
        "faults_struck": struck,
        "token_expiries": len(expiries),
        "fds": [first.get("fds"), last.get("fds")],
        "threads": [first.get("threads"), last.get("threads")],
        "rss_kb": [first.get("rss_kb"), last.get("rss_kb")],
        "rss_growth_after_warm_kb": (last.get("rss_kb", 0) - warm.get("rss_kb", 0)) if samples else None,
        "rss_samples_kb": [s.get("rss_kb") for s in samples],
        "seconds": round(elapsed, 1),
    }
    problems = []
    if len(flows) < args.flows:
        problems.append("%d flows reported, %d expected" % (len(flows), args.flows))
    if failed:
        problems.append("%d unexpected errors, e.g. %s" % (len(failed), json.dumps(failed[:3])))
    if duplicates:
        problems.append("%d duplicates on the server" % duplicates)
    if lost:
        problems.append("%d lost writes, e.g. flows %s" % (len(lost), lost[:5]))
    # A run where no fault struck or no token expired proved nothing.
    if any(n == 0 for n in struck.values()):
        problems.append("a fault never struck: %s" % struck)
    if not expiries:
        problems.append("no token expiry happened during the run")
    if args.max_rss_growth_kb is not None and figures["rss_growth_after_warm_kb"] is not None \
            and figures["rss_growth_after_warm_kb"] > args.max_rss_growth_kb:
        problems.append("RSS grew %d KiB after warm-up (bound %d KiB)"
                        % (figures["rss_growth_after_warm_kb"], args.max_rss_growth_kb))
    return figures, problems


def report(figures, problems, out):
    f = figures
    out.write("load %s: %d flows, %d completed, unexpected errors %d, duplicates %d, lost writes %d\n"
              % (f["language"], f["flows"], f["completed"], f["unexpected_errors"], f["duplicates"],
                 f["lost_writes"]))
    out.write("  attempts per flow %.3f (max %d), p50 %.1f ms, p99 %.1f ms, %.1f flows/s, %.1f s\n"
              % (f["attempts_per_flow_mean"], f["attempts_per_flow_max"], f["p50_ms"], f["p99_ms"],
                 f["flows_per_s"], f["seconds"]))
    out.write("  faults struck %s, token expiries %d\n" % (json.dumps(f["faults_struck"]), f["token_expiries"]))
    out.write("  fds %s -> %s, threads %s -> %s, RSS %s -> %s KiB (growth after warm-up %s KiB)\n"
              % (f["fds"][0], f["fds"][1], f["threads"][0], f["threads"][1], f["rss_kb"][0], f["rss_kb"][1],
                 f["rss_growth_after_warm_kb"]))
    for problem in problems:
        out.write("  PROBLEM: %s\n" % problem)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--name", required=True, help="the language, as the figures name it")
    parser.add_argument("--flows", type=int, default=10_000, help="flows (per batch, with --duration)")
    parser.add_argument("--concurrency", type=int, default=256, help="flows in flight")
    parser.add_argument("--duration", type=int, default=0, help="seconds of repeated batches (the soak)")
    parser.add_argument("--sample-every", type=int, default=0, help="flows between memory samples")
    parser.add_argument("--max-rss-growth-kb", type=int, default=None, help="fail when RSS grows more after warm-up")
    parser.add_argument("--seed", type=int, default=20261201, help="seeds the fault draws")
    parser.add_argument("--prefix", default="LOAD", help="order reference prefix")
    parser.add_argument("--emulator", default=DEFAULT_EMULATOR, help="the imburse-emulator binary")
    parser.add_argument("--json", help="also write the figures to this file (appended, one line)")
    parser.add_argument("--check", action="store_true", help="exit 1 unless every figure that must be 0 is")
    parser.add_argument("driver", nargs=argparse.REMAINDER, help="-- the driver command")
    args = parser.parse_args(argv)
    if args.driver and args.driver[0] == "--":
        args.driver = args.driver[1:]
    if not args.driver:
        parser.error("give the driver command after --")
    figures, problems = run(args)
    report(figures, problems, sys.stdout)
    if args.json:
        with open(args.json, "a") as out:
            out.write(json.dumps(figures) + "\n")
    return 1 if args.check and problems else 0


if __name__ == "__main__":
    sys.exit(main())
