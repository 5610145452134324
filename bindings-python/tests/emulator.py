"""Starts the Imburse emulator as a subprocess and drives its control API (``/__emulator``).

Used by the pytest fixtures and by the conformance runner. Standard library only.
"""

from __future__ import annotations

import json
import os
import subprocess
import urllib.request
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

REPO = Path(__file__).resolve().parents[2]
CONFORMANCE_DIR = REPO / "tests" / "conformance"
SUITE_CONFIG = CONFORMANCE_DIR / "emulator-config.json"


def emulator_binary() -> Path:
    """``IMBURSE_EMULATOR_BIN``, or the debug build ``scripts/test.sh`` makes."""
    return Path(os.environ.get("IMBURSE_EMULATOR_BIN", REPO / "target" / "debug" / "imburse-emulator"))


class Emulator:
    """One running emulator: its start-up line (``url``, credentials) and its control API."""

    def __init__(self, config: Optional[Path] = SUITE_CONFIG, args: Sequence[str] = ()) -> None:
        binary = emulator_binary()
        if not binary.exists():
            raise RuntimeError(
                f"{binary} does not exist: build it with `cargo build -p imburse-emulator --bin imburse-emulator`"
            )
        command = [str(binary), "--port", "0"]
        if config is not None:
            command += ["--config", str(config)]
        command += list(args)
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            self.process.kill()
            raise RuntimeError(f"the emulator did not start: {self.process.stderr.read() if self.process.stderr else ''}")
        self.info: Dict[str, str] = json.loads(line)
        self.url = self.info["url"]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()

    def control(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{self.url}/__emulator{path}", data=data, method=method)
        if data is not None:
            request.add_header("content-type", "application/json")
        with urllib.request.urlopen(request, timeout=10) as response:
            text = response.read().decode()
        return json.loads(text) if text.strip() else None

    def reset(self, token_ttl_seconds: int = 3600) -> None:
        self.control("POST", "/reset")
        self.control("PUT", "/settings", {"token_ttl_seconds": token_ttl_seconds})

    def arm(self, **fault: Any) -> None:
        self.control("POST", "/faults", fault)

    def requests(self, method: Optional[str] = None, path: Optional[str] = None) -> List[Dict[str, Any]]:
        """The request log, optionally only one method and path pattern (``*`` matches anything)."""
        log: List[Dict[str, Any]] = self.control("GET", "/requests")
        return [
            r for r in log if (method is None or r["method"] == method) and (path is None or glob_match(path, r["path"]))
        ]

    def credentials(self) -> Dict[str, str]:
        """Keyword arguments for a client of the demo key, tenant and this emulator."""
        return {key: self.info[key] for key in ("public_key", "private_key", "account_id", "tenant_id")} | {
            "base_url": self.url
        }


def glob_match(pattern: str, text: str) -> bool:
    """The emulator's path pattern rule: ``*`` matches any run of characters, ``/`` included."""
    parts = pattern.split("*")
    if not text.startswith(parts[0]):
        return False
    rest = text[len(parts[0]) :]
    if len(parts) == 1:
        return rest == ""
    for part in parts[1:-1]:
        at = rest.find(part)
        if at < 0:
            return False
        rest = rest[at + len(part) :]
    return len(rest) >= len(parts[-1]) and rest.endswith(parts[-1])
