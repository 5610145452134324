"""The ``imburse-emulator`` command the package installs (here ``python -m imburse.testing``, the
same entry point): its start-up line, ``--no-control``, refusals of bad flags, and a clean stop."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from typing import Any, Dict

import imburse


def start(*args: str) -> "tuple[subprocess.Popen[str], Dict[str, Any]]":
    process = subprocess.Popen(
        [sys.executable, "-m", "imburse.testing", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line, f"no start-up line; stderr: {process.stderr.read() if process.stderr else ''}"
    return process, json.loads(line)


def test_the_command_serves_the_demo_refuses_control_with_no_control_and_stops_on_sigint() -> None:
    process, info = start("--no-control")
    try:
        assert info["url"].startswith("http://127.0.0.1:")
        settings = dict(
            public_key=info["public_key"],
            private_key=info["private_key"],
            account_id=info["account_id"],
            tenant_id=info["tenant_id"],
            base_url=info["url"],
        )
        with imburse.Client(**settings) as client:
            client.create_order(imburse.NewOrder("ORDER-CMD"))
            assert client.get_order("ORDER-CMD").data.order_ref == "ORDER-CMD"
        try:
            urllib.request.urlopen(urllib.request.Request(info["url"] + "/__emulator/reset", method="POST"), timeout=5)
            raise AssertionError("the control API answered under --no-control")
        except urllib.error.HTTPError as refused:
            assert refused.code == 403
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_bad_flags_exit_with_status_2_and_the_reason() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "imburse.testing", "--not-found-status", "200"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert "not_found_status must be a 4xx status" in done.stderr
    unknown = subprocess.run(
        [sys.executable, "-m", "imburse.testing", "--bogus"], capture_output=True, text=True, timeout=30
    )
    assert unknown.returncode == 2
    assert "unexpected argument '--bogus'" in unknown.stderr
