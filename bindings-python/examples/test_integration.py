"""The README's "Testing your integration": a payments integration's tests against the
emulator inside the installed package. No network, no credentials, and every test starts from
a fresh server (the ``imburse_emulator`` and ``imburse_client`` fixtures come with the package).

Run with ``pytest``.
"""

from decimal import Decimal

import pytest

import imburse
from imburse.testing import Emulator


def pay_out(client: imburse.Client, order_ref: str, amount: Decimal) -> str:
    """The code under test: sends one payout and returns its instruction's status."""
    client.create_order(
        imburse.NewOrder(
            order_ref=order_ref,
            instructions=[
                imburse.NewInstruction(
                    instruction_ref="I-1",
                    customer_ref="CUST-1",
                    direction=imburse.Direction.CREDIT,
                    amount=amount,
                    currency="GBP",
                    country="GB",
                    settled_by_date="2026-12-31",
                    scheme_id="654EB81FF7F07F7CF5A1EE3FF6972E90",
                )
            ],
        )
    )
    return client.get_instruction(order_ref, "I-1").data.status


def test_a_payout_is_sent_once(imburse_client: imburse.Client, imburse_emulator: Emulator) -> None:
    assert pay_out(imburse_client, "PAYOUT-1", Decimal("12.50")) == "INCOMPLETE"
    creates = [r for r in imburse_emulator.requests() if r.method == "POST" and "order-management" in r.path]
    assert len(creates) == 1
    assert '"amount":12.50' in (creates[0].body or "").replace(" ", ""), "the exact amount, as a JSON number"


def test_a_503_on_create_is_retried_without_a_duplicate(
    imburse_client: imburse.Client, imburse_emulator: Emulator
) -> None:
    imburse_emulator.fault("respond", status=503, method="POST", path="/v1/order-management", times=1)
    assert pay_out(imburse_client, "PAYOUT-2", Decimal("7.00")) == "INCOMPLETE"
    creates = [r for r in imburse_emulator.requests() if r.method == "POST" and r.path == "/v1/order-management"]
    assert [r.status for r in creates] == [503, 202]
    assert len({r.client_correlation_id for r in creates}) == 1, "one call, retried with its correlation id"


def test_a_settled_payout_is_seen_as_settled(
    imburse_client: imburse.Client, imburse_emulator: Emulator
) -> None:
    pay_out(imburse_client, "PAYOUT-3", Decimal("1.00"))
    imburse_emulator.set_instruction_status(imburse_emulator.info.tenant_id, "PAYOUT-3", "I-1", "SETTLED")
    assert imburse_client.get_instruction("PAYOUT-3", "I-1").data.status == "SETTLED"


def test_each_test_starts_from_a_fresh_server(imburse_client: imburse.Client) -> None:
    with pytest.raises(imburse.BadRequestError) as refused:
        imburse_client.get_order("PAYOUT-1")
    assert refused.value.code == "ORDER_NOT_FOUND"


def test_an_expired_token_is_renewed_once_and_the_call_replayed(
    imburse_client: imburse.Client, imburse_emulator: Emulator
) -> None:
    imburse_client.authenticate()
    imburse_emulator.expire_tokens()
    imburse_emulator.clear_requests()
    pay_out(imburse_client, "PAYOUT-4", Decimal("3.00"))
    seen = imburse_emulator.requests()
    assert len([r for r in seen if r.path.startswith("/v1/identity")]) == 1, "one new token"
    creates = [r for r in seen if r.method == "POST" and r.path == "/v1/order-management"]
    assert [r.status for r in creates] == [401, 202]
