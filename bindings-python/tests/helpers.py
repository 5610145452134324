"""Values and builders the tests share."""

from __future__ import annotations

from typing import Any

import imburse

SCHEME_ID = "654EB81FF7F07F7CF5A1EE3FF6972E90"
READ_ONLY_KEY = {
    "public_key": "11111111-1111-4111-8111-111111111111",
    "private_key": "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY=",
}
OTHER_TENANT = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
# Short backoffs keep retry tests fast; the retry rules themselves are the core's defaults.
FAST = {"backoff_base": 0.01, "backoff_cap": 0.04}


def new_instruction(ref: str = "I-1", customer: str = "CUST-1", amount: Any = "49.99", **extra: Any) -> imburse.NewInstruction:
    fields: dict[str, Any] = {
        "instruction_ref": ref,
        "customer_ref": customer,
        "direction": imburse.Direction.DEBIT,
        "amount": amount,
        "currency": "GBP",
        "country": "GB",
        "settled_by_date": "2026-12-31",
        "scheme_id": SCHEME_ID,
    }
    fields.update(extra)
    return imburse.NewInstruction(**fields)
