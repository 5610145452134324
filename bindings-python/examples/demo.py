"""A payment flow through the Python binding against a local emulator: authenticate with the
HMAC key, create an order with two instructions, read one back, then survive a 503 injected
into the next read. One line per step, like `cargo run -p imburse --example demo`.

Starts the emulator binary itself: IMBURSE_EMULATOR_BIN, or target/debug/imburse-emulator
(`cargo build -p imburse-emulator --bin imburse-emulator`).
"""

import json
import os
import platform
import subprocess
import urllib.request
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List

import imburse

REPO = Path(__file__).resolve().parents[2]


def instruction(reference: str, customer: str, amount: str) -> imburse.NewInstruction:
    return imburse.NewInstruction(
        instruction_ref=reference,
        customer_ref=customer,
        direction=imburse.Direction.DEBIT,
        amount=Decimal(amount),
        currency="GBP",
        country="GB",
        settled_by_date="2026-12-31",
        scheme_id="654EB81FF7F07F7CF5A1EE3FF6972E90",
        financial_instrument_id="5f0e2b8e-0b7a-4c41-9d7f-3c1f2e9a8b7c",
        metadata={"invoice": f"INV-{reference}"},
    )


def control(url: str, method: str, path: str, body: Any = None) -> Any:
    """The emulator's control API (test-only routes under /__emulator)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"{url}/__emulator{path}", data=data, method=method)
    request.add_header("content-type", "application/json")
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or b"null")


def run(info: Dict[str, str]) -> None:
    url = info["url"]
    print(f"imburse {imburse.__version__} on Python {platform.python_version()}; emulator listening on {url}")
    with imburse.Client(
        base_url=url,
        public_key=info["public_key"],
        private_key=info["private_key"],
        account_id=info["account_id"],
        tenant_id=info["tenant_id"],
    ) as client:
        client.authenticate()
        print("1. exchanged the HMAC key for an access token")

        order = imburse.NewOrder(
            order_ref="DEMO-ORDER-1",
            instructions=[instruction("I-1", "CUST-1", "49.99"), instruction("I-2", "CUST-2", "0.10")],
            metadata={"channel": "demo"},
        )
        created = client.create_order(order)
        print(f"2. created order DEMO-ORDER-1 with 2 instructions: HTTP {created.data.status}")

        i = client.get_instruction("DEMO-ORDER-1", "I-2").data
        print(
            f"3. read instruction I-2 back: {i.direction} {i.amount} {i.currency} for {i.customer_ref}"
            f" ({i.metadata.get('invoice', '')}), status {i.status}"
        )

        control(url, "POST", "/faults", {"method": "GET", "path": "/v2/order-management/*", "action": "respond", "status": 503})
        survived = client.get_instruction("DEMO-ORDER-1", "I-1", correlation_id="demo-503")
        print(
            f"4. the server answered 503 once; the call retried and succeeded after {survived.meta.attempts}"
            f" attempts (correlation id {survived.meta.client_correlation_id} on both)"
        )
        seen: List[Dict[str, Any]] = control(url, "GET", "/requests")
        statuses = [str(r["status"] or "dropped") for r in seen if r["client_correlation_id"] == "demo-503"]
        print(f"   the emulator saw: {' then '.join(statuses)}")


def main() -> None:
    binary = os.environ.get("IMBURSE_EMULATOR_BIN", str(REPO / "target" / "debug" / "imburse-emulator"))
    emulator = subprocess.Popen([binary, "--port", "0"], stdout=subprocess.PIPE, text=True)
    try:
        assert emulator.stdout is not None
        run(json.loads(emulator.stdout.readline()))
    finally:
        emulator.terminate()
        emulator.wait(timeout=10)


if __name__ == "__main__":
    main()
