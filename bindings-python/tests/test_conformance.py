"""The shared conformance manifest through the Python binding: the records must meet every
scenario's expectations and equal the Rust runner's, for the blocking and the asyncio client."""

from __future__ import annotations

import json
from pathlib import Path

import conformance_runner
from emulator import Emulator

RUST_RECORDS = conformance_runner.RECORDS / "rust.jsonl"
SCENARIOS = len(json.loads(conformance_runner.MANIFEST.read_text())["scenarios"])


def check(records: Path) -> None:
    verdict = conformance_runner.judged("--check-manifest", conformance_runner.MANIFEST, records)
    assert verdict.returncode == 0, verdict.stdout + verdict.stderr
    # The Rust records are the reference: without them nothing was compared, which is a failure.
    assert RUST_RECORDS.exists(), f"{RUST_RECORDS} is missing: run `cargo test -p imburse --test conformance` first"
    same = conformance_runner.judged(RUST_RECORDS, records)
    assert same.returncode == 0, same.stdout + same.stderr


def test_blocking_client_records(emulator: Emulator) -> None:
    out = conformance_runner.RECORDS / "python.jsonl"
    assert conformance_runner.run(emulator, out) == SCENARIOS
    check(out)


def test_asyncio_client_records(emulator: Emulator, tmp_path: Path) -> None:
    out = tmp_path / "python-async.jsonl"
    assert conformance_runner.run(emulator, out, asynchronous=True) == SCENARIOS
    check(out)

