"""What goes in: exact amounts (never floats), dates, directions and metadata as the server
receives them."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Any

import pytest

import imburse
from emulator import Emulator
from helpers import new_instruction


def sent_body(emulator: Emulator) -> Any:
    [request] = emulator.requests("POST", "/v1/order-management")
    return json.loads(request["body"])


@pytest.mark.parametrize(
    ("amount", "on_the_wire"),
    [
        (Decimal("210.00"), "210.00"),
        (Decimal("0.10"), "0.10"),
        (Decimal("1E+2"), "100"),
        ("1234567.89", "1234567.89"),
        (12, "12"),
    ],
)
def test_amounts_are_sent_and_read_back_exactly(
    client: imburse.Client, emulator: Emulator, amount: Any, on_the_wire: str
) -> None:
    client.create_order(imburse.NewOrder("ORDER-1", instructions=[new_instruction(amount=amount)]))
    [request] = emulator.requests("POST", "/v1/order-management")
    assert f'"amount":{on_the_wire}' in request["body"]  # a JSON number with exactly these digits
    read = client.get_instruction("ORDER-1", "I-1").data.amount
    assert isinstance(read, Decimal) and str(read) == on_the_wire


@pytest.mark.parametrize("amount", [49.99, True, None])
def test_inexact_amounts_are_refused_before_sending(client: imburse.Client, emulator: Emulator, amount: Any) -> None:
    with pytest.raises(TypeError, match="amount"):
        client.create_order(imburse.NewOrder("ORDER-1", instructions=[new_instruction(amount=amount)]))
    assert emulator.requests() == []


def test_dates_directions_and_metadata_as_sent(client: imburse.Client, emulator: Emulator) -> None:
    instruction = new_instruction(
        settled_by_date=datetime.date(2026, 12, 31),
        direction="credit",
        metadata={"invoice": "INV-1", "note": "ünïcödé"},
    )
    order = imburse.NewOrder(
        "ORDER-1",
        instructions=[instruction],
        metadata={"channel": "web"},
        customer_defaults={"CUST-1": imburse.CustomerDefault(scheme_id="EEAB9BBF6F8FA16D711798D14B65E066")},
    )
    client.create_order(order)
    body = sent_body(emulator)
    assert body["orderRef"] == "ORDER-1"
    assert body["metadata"] == {"channel": "web"}
    assert body["customerDefaults"] == {"CUST-1": {"schemeId": "EEAB9BBF6F8FA16D711798D14B65E066"}}
    [sent] = body["instructions"]
    assert sent["settledByDate"] == "2026-12-31"
    assert sent["direction"] == "CREDIT"
    assert sent["metadata"] == {"invoice": "INV-1", "note": "ünïcödé"}
    read = client.get_instruction("ORDER-1", "I-1").data
    assert read.direction is imburse.Direction.CREDIT
    assert read.metadata == {"invoice": "INV-1", "note": "ünïcödé"}


def test_an_unknown_direction_is_a_value_error(client: imburse.Client, emulator: Emulator) -> None:
    with pytest.raises(ValueError, match="direction"):
        client.create_order(imburse.NewOrder("ORDER-1", instructions=[new_instruction(direction="SIDEWAYS")]))
    assert emulator.requests() == []


def test_metadata_values_must_be_strings(client: imburse.Client, emulator: Emulator) -> None:
    with pytest.raises(TypeError):
        client.update_customer_metadata("CUST-1", {"count": 3})  # type: ignore[dict-item]
    assert emulator.requests() == []


def test_bad_durations_and_counts_are_a_configuration_error(settings: dict[str, Any]) -> None:
    # The same rule, and so the same class, as in every other language.
    for name, value in [("connect_timeout", -1), ("call_timeout", float("nan")), ("max_attempts", -2)]:
        with pytest.raises(imburse.ConfigurationError, match=name):
            imburse.Client(**{**settings, name: value})


def test_models_are_frozen_and_compare_by_value() -> None:
    a = imburse.ResponseMeta(status=200, attempts=1, client_correlation_id="x")
    assert a == imburse.ResponseMeta(status=200, attempts=1, client_correlation_id="x")
    with pytest.raises(AttributeError):
        a.status = 500  # type: ignore[misc]
    assert a.to_dict() == {"status": 200, "attempts": 1, "client_correlation_id": "x"}


def test_read_models_are_the_cores_types_with_exact_python_values(client: imburse.Client) -> None:
    client.create_order(imburse.NewOrder("ORDER-1", instructions=[new_instruction(amount=Decimal("10.50"))]))
    instruction = client.get_instruction("ORDER-1", "I-1").data
    assert type(instruction) is imburse.Instruction and type(instruction).__module__ == "imburse"
    created = instruction.created
    assert isinstance(created, datetime.datetime) and created.tzinfo == datetime.timezone.utc
    assert created.microsecond % 1000 == 0  # epoch milliseconds, no float in between
    as_dict = instruction.to_dict()
    assert as_dict["amount"] == Decimal("10.50") and as_dict["direction"] is imburse.Direction.DEBIT
    link = instruction.links["self"]
    assert as_dict["links"]["self"] == {"href": link.href, "name": link.name} and link.href.endswith("/I-1")
    assert repr(instruction).startswith("Instruction(order_ref='ORDER-1', instruction_ref='I-1', ")
    order = client.get_order("ORDER-1").data
    [listed] = order.to_dict()["instructions"]  # nested models become dicts too
    assert listed["instruction_ref"] == "I-1" and listed["amount"] == Decimal("10.50")
    assert order.instructions[0].amount == instruction.amount


def test_models_can_be_built_by_keyword_for_test_doubles() -> None:
    when = datetime.datetime(2026, 12, 1, 9, 30, 0, 123000, tzinfo=datetime.timezone.utc)
    transaction = imburse.Transaction(
        transaction_id="T-1",
        status="SETTLED",
        amount=Decimal("1.10"),
        net_amount="1.00",
        created_timestamp=when,
        last_updated_timestamp=None,
        financial_instrument_id=None,
        additional_information={},
        app=None,
        refunds=[imburse.Refund(refund_id="R-1", amount=Decimal("0.10"), status="SETTLED", created_timestamp=when)],
        chargebacks=[],
    )
    assert transaction.refunds[0].amount == Decimal("0.10")
    assert transaction.amount == Decimal("1.10") and transaction.net_amount == Decimal("1.00")
    assert transaction.created_timestamp == when
    with pytest.raises(TypeError, match="amount"):
        imburse.Transaction(
            transaction_id=None, status=None, amount=1.1, net_amount=None,  # type: ignore[arg-type]
            created_timestamp=None, last_updated_timestamp=None, financial_instrument_id=None,
            additional_information={}, app=None, refunds=[], chargebacks=[],
        )
    with pytest.raises(TypeError):
        imburse.Link(href="/x")  # type: ignore[call-arg]  # every field is given, as the SDK reads them


def test_an_operations_api_version_can_be_overridden(settings: dict[str, Any], emulator: Emulator) -> None:
    with imburse.Client(**settings, api_versions={"get_order": "v3"}) as client:
        with pytest.raises(imburse.NotFoundError):  # the emulator serves get_order on v1 only
            client.get_order("ORDER-V")
        client.get_or_create_customer("CUST-V")
    assert [r["path"] for r in emulator.requests("GET")] == ["/v3/order-management/ORDER-V", "/v2/customer-vault/CUST-V"]
    with pytest.raises(imburse.ConfigurationError, match="api_versions"):
        imburse.Client(**settings, api_versions={"get_orders": "v2"})
