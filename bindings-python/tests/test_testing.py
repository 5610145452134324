"""imburse.testing: the in-process emulator, its control methods and the pytest fixtures."""

from __future__ import annotations

from decimal import Decimal

import pytest

import imburse
from helpers import new_instruction
from imburse.testing import Emulator, EmulatorInfo


def test_the_fixture_client_reaches_the_in_process_emulator(
    imburse_client: imburse.Client, imburse_emulator: Emulator
) -> None:
    imburse_client.create_order(imburse.NewOrder("ORDER-1", instructions=[new_instruction()]), correlation_id="t-1")
    seen = imburse_emulator.requests()
    assert [(r.method, r.path, r.status) for r in seen] == [
        ("POST", "/v1/identity/hmac", 201),
        ("POST", "/v1/order-management", 202),
    ]
    assert seen[1].client_correlation_id == "t-1"
    assert seen[1].headers["x-tenant-id"] == imburse_emulator.info.tenant_id
    assert imburse_emulator.info.private_key not in repr(seen), "the request log masks credentials"


def test_the_fixture_resets_the_emulator_between_tests(imburse_client: imburse.Client) -> None:
    with pytest.raises(imburse.BadRequestError) as refused:
        imburse_client.get_order("ORDER-1")
    assert refused.value.code == "ORDER_NOT_FOUND"


def test_a_fault_armed_by_keyword_strikes_the_matching_call(
    imburse_client: imburse.Client, imburse_emulator: Emulator
) -> None:
    fault_id = imburse_emulator.fault("respond", status=429, retry_after=1, method="GET", times=1)
    assert fault_id >= 1
    read = imburse_client.get_or_create_customer("CUST-1")
    assert read.meta.attempts == 2
    gets = [r for r in imburse_emulator.requests() if r.method == "GET"]
    assert [(r.status, r.fault) for r in gets] == [(429, "respond"), (200, None)]


def test_a_refused_control_operation_raises_value_error(imburse_emulator: Emulator) -> None:
    with pytest.raises(ValueError, match="invalid fault"):
        imburse_emulator.fault("explode")
    with pytest.raises(ValueError, match="at least 1 second"):
        imburse_emulator.set_token_lifetime_seconds(0)
    with pytest.raises(ValueError, match="no instruction"):
        imburse_emulator.set_instruction_status(imburse_emulator.info.tenant_id, "NOPE", "I-1", "SETTLED")
    with pytest.raises(ValueError, match="must be one of"):
        imburse_emulator.set_instruction_status(imburse_emulator.info.tenant_id, "NOPE", "I-1", "PAID")


def test_a_settled_collection_shows_its_transaction_and_refund(
    imburse_client: imburse.Client, imburse_emulator: Emulator
) -> None:
    instruction = new_instruction(amount="25.00", financial_instrument_id="FI-1")
    imburse_client.create_order(imburse.NewOrder("ORDER-R", instructions=[instruction]))
    tenant = imburse_emulator.info.tenant_id
    imburse_emulator.set_instruction_status(tenant, "ORDER-R", "I-1", "PROCESSING")
    processing = imburse_client.get_instruction("ORDER-R", "I-1").data
    assert processing.transaction is not None and processing.transaction.status == "PROCESSING"
    with pytest.raises(ValueError, match="only a SETTLED instruction"):
        imburse_emulator.refund_instruction(tenant, "ORDER-R", "I-1", "1.00")
    imburse_emulator.set_instruction_status(tenant, "ORDER-R", "I-1", "SETTLED")
    refund_id = imburse_emulator.refund_instruction(tenant, "ORDER-R", "I-1", "4.50")
    with pytest.raises(ValueError, match="more than the 20.50 left"):
        imburse_emulator.refund_instruction(tenant, "ORDER-R", "I-1", "30")

    settled = imburse_client.get_instruction("ORDER-R", "I-1").data
    transaction = settled.transaction
    assert transaction is not None
    assert (settled.status, transaction.status) == ("SETTLED", "SETTLED")
    assert (transaction.amount, transaction.net_amount) == (Decimal("25.00"), Decimal("20.50"))
    assert transaction.financial_instrument_id == "FI-1"
    assert transaction.app is not None and transaction.app.app_id == "STRIPE"
    assert transaction.app.support_details["customerId"].startswith("cus_")
    assert [(r.refund_id, r.amount, r.status) for r in transaction.refunds] == [(refund_id, Decimal("4.50"), "SETTLED")]
    assert settled.links["transactions[0]"].href.endswith(f"/transaction/{transaction.transaction_id}")
    assert settled.actual_settlement_date is not None and settled.execution_timestamp is not None


def test_a_short_token_lifetime_makes_the_client_exchange_again(
    imburse_client: imburse.Client, imburse_emulator: Emulator
) -> None:
    imburse_emulator.set_token_lifetime_seconds(1)
    imburse_client.authenticate()
    imburse_emulator.expire_tokens()
    imburse_client.get_or_create_customer("CUST-1")
    assert [r.path for r in imburse_emulator.requests()].count("/v1/identity/hmac") == 2


async def _create_async(emulator: Emulator) -> int:
    async with emulator.async_client() as client:
        created = await client.create_order(imburse.NewOrder("ORDER-A", instructions=[new_instruction()]))
        return created.meta.attempts


def test_an_emulator_of_its_own_serves_asyncio_and_stops_with_its_block() -> None:
    import asyncio

    with Emulator() as emulator:
        assert isinstance(emulator.info, EmulatorInfo)
        assert emulator.url.startswith("http://127.0.0.1:")
        assert asyncio.run(_create_async(emulator)) == 1
        assert emulator.running
    assert not emulator.running
    emulator.stop()  # stopping twice is harmless
    with pytest.raises(RuntimeError, match="stopped"):
        emulator.reset()
    with pytest.raises(imburse.APIConnectionError):
        imburse.Client(**emulator.client_settings(), max_attempts=1).get_order("ORDER-A")


def test_the_readme_shows_the_integration_test_file_as_it_is() -> None:
    from pathlib import Path

    here = Path(__file__).resolve().parent.parent
    example = (here / "examples" / "test_integration.py").read_text()
    assert f"```python\n{example}```" in (here / "README.md").read_text()


READ_ONLY_CONFIG = {
    "keys": [
        {
            "public_key": "11111111-1111-4111-8111-111111111111",
            "private_key": "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY=",
            "account_id": "6d2c1f0e-8a4b-4c3d-9e5f-a1b2c3d4e5f6",
            "tenant_ids": ["0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c"],
            "roles": ["tenant-transaction-read"],
        }
    ]
}


def test_a_test_configures_its_own_keys_and_roles() -> None:
    with Emulator(config=READ_ONLY_CONFIG) as emulator, emulator.client(max_attempts=1) as client:
        assert emulator.info.public_key == "11111111-1111-4111-8111-111111111111"
        with pytest.raises(imburse.PermissionDeniedError) as refused:
            client.create_order(imburse.NewOrder("ORDER-1", instructions=[new_instruction()]))
        assert refused.value.code == "INSUFFICIENT_ROLE"
    with pytest.raises(ValueError, match="invalid emulator configuration"):
        Emulator(config={"keys": "none"})


def test_wait_for_instruction_returns_once_the_status_is_reached(
    imburse_client: imburse.Client, imburse_emulator: Emulator
) -> None:
    import threading

    imburse_client.create_order(imburse.NewOrder("ORDER-W", instructions=[new_instruction(financial_instrument_id="FI-1")]))
    tenant = imburse_emulator.info.tenant_id
    settle = threading.Timer(0.2, imburse_emulator.set_instruction_status, (tenant, "ORDER-W", "I-1", "SETTLED"))
    settle.start()
    settled = imburse_client.wait_for_instruction("ORDER-W", "I-1", ("SETTLED", "FAILED"), correlation_id="wait-1")
    settle.join()
    reads = [r for r in imburse_emulator.requests() if r.path == "/v2/order-management/ORDER-W/instruction/I-1"]
    assert settled.data.status == "SETTLED"
    assert settled.meta.attempts == len(reads) >= 2
    assert {r.client_correlation_id for r in reads} == {"wait-1"}
    with pytest.raises(imburse.APITimeoutError) as late:
        imburse_client.wait_for_instruction("ORDER-W", "I-1", ["VOID"], timeout=0.2)
    assert late.value.code == "INSTRUCTION_STATUS_NOT_REACHED"
    with pytest.raises(TypeError):
        imburse_client.wait_for_instruction("ORDER-W", "I-1", "SETTLED")  # a str is not a list of statuses


def test_an_asyncio_wait_stops_reading_when_cancelled(imburse_emulator: Emulator) -> None:
    import asyncio

    async def scenario() -> tuple[int, int]:
        async with imburse_emulator.async_client() as client:
            await client.create_order(imburse.NewOrder("ORDER-C", instructions=[new_instruction()]))
            waiting = asyncio.ensure_future(client.wait_for_instruction("ORDER-C", "I-1", ["SETTLED"]))
            await asyncio.sleep(0.3)
            waiting.cancel()
            with pytest.raises(asyncio.CancelledError):
                await waiting
            reads = len([r for r in imburse_emulator.requests() if r.method == "GET"])
            await asyncio.sleep(0.3)
            return reads, len([r for r in imburse_emulator.requests() if r.method == "GET"])

    at_cancel, later = asyncio.run(scenario())
    assert at_cancel >= 1 and later == at_cancel, (at_cancel, later)
