"""One `logging` record per attempt under the `imburse` logger, without secrets."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
from typing import Any

import pytest

import imburse
from emulator import Emulator


def attempts_of(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "imburse"]


def test_one_record_per_attempt(client: imburse.Client, emulator: Emulator, caplog: pytest.LogCaptureFixture) -> None:
    emulator.arm(method="GET", path="/v2/customer-vault/*", action="respond", status=503)
    with caplog.at_level(logging.INFO, logger="imburse"):
        read = client.get_or_create_customer("CUST-1", correlation_id="log-1")
    records = attempts_of(caplog)
    assert [(r.imburse_operation, r.imburse_attempt, r.imburse_status, r.levelname) for r in records] == [  # type: ignore[attr-defined]
        ("authenticate", 1, 201, "INFO"),
        ("get_or_create_customer", 1, 503, "WARNING"),
        ("get_or_create_customer", 2, 200, "INFO"),
    ]
    assert read.meta.attempts == 2
    failed = records[1]
    assert failed.imburse_method == "GET"  # type: ignore[attr-defined]
    assert failed.imburse_path == "/v2/customer-vault/CUST-1"  # type: ignore[attr-defined]
    assert failed.imburse_client_correlation_id == "log-1"  # type: ignore[attr-defined]
    assert failed.imburse_server_correlation_id is not None  # type: ignore[attr-defined]
    assert failed.imburse_outcome == "http_error"  # type: ignore[attr-defined]
    assert failed.imburse_detail == "the server answered with HTTP 503"  # type: ignore[attr-defined]
    assert isinstance(failed.imburse_elapsed, float)  # type: ignore[attr-defined]
    assert failed.getMessage().startswith("get_or_create_customer GET /v2/customer-vault/CUST-1 attempt 1: ")
    # Records are emitted by the thread that made the call.
    assert {r.threadName for r in records} == {"MainThread"}


def test_no_secret_is_logged(settings: dict[str, Any], emulator: Emulator, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        with imburse.Client(**settings) as c:
            c.get_or_create_customer("CUST-1")
            emulator.control("POST", "/tokens/expire")
            c.get_or_create_customer("CUST-1")  # a 401, a refresh, a replay
    assert len(attempts_of(caplog)) == 5
    text = "\n".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
    assert settings["private_key"] not in text
    assert "Bearer" not in text and "Hmac" not in text
    identity = emulator.requests("POST", "/v1/identity/hmac")
    assert len(identity) == 2


def test_async_calls_log_too(settings: dict[str, Any], caplog: pytest.LogCaptureFixture) -> None:
    async def calls() -> None:
        async with imburse.AsyncClient(**settings) as c:
            await asyncio.gather(*(c.get_or_create_customer(f"C-{n}") for n in range(5)))

    with caplog.at_level(logging.INFO, logger="imburse"):
        asyncio.run(calls())
    operations = sorted(r.imburse_operation for r in attempts_of(caplog))  # type: ignore[attr-defined]
    assert operations == ["authenticate"] + ["get_or_create_customer"] * 5


def test_silent_without_logging_configuration(settings: dict[str, Any], emulator: Emulator) -> None:
    # A fresh interpreter without logging set up: the failed attempt must not reach stderr
    # through Python's last-resort handler.
    emulator.arm(method="GET", path="/v2/customer-vault/*", action="respond", status=503)
    script = (
        "import imburse, sys\n"
        f"c = imburse.Client(**{settings!r})\n"
        "assert c.get_or_create_customer('CUST-1').meta.attempts == 2\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
