"""The quickstart flow and every resource method, through the blocking client."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import imburse
from emulator import Emulator
from helpers import SCHEME_ID, new_instruction

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_create_order_and_read_an_instruction_back(client: imburse.Client, emulator: Emulator) -> None:
    order = imburse.NewOrder(
        "ORDER-1",
        instructions=[new_instruction("I-1", amount=Decimal("49.99"), metadata={"invoice": "INV-1"})],
        metadata={"channel": "web"},
    )
    created = client.create_order(order)
    assert created.data == imburse.Created(status=202, reconciled=False)
    assert created.meta.status == 202
    assert created.meta.attempts == 1

    read = client.get_instruction("ORDER-1", "I-1", correlation_id="checkout-1234")
    instruction = read.data
    assert isinstance(instruction, imburse.Instruction)
    assert instruction.links["self"] == imburse.Link(href="/v1/order-management/ORDER-1/instruction/I-1", name="self")
    assert instruction.links["order"].href == "/v1/order-management/ORDER-1"
    assert instruction.order_ref == "ORDER-1"
    assert instruction.instruction_ref == "I-1"
    assert instruction.customer_ref == "CUST-1"
    assert instruction.direction is imburse.Direction.DEBIT
    assert instruction.amount == Decimal("49.99") and str(instruction.amount) == "49.99"
    assert (instruction.currency, instruction.country) == ("GBP", "GB")
    assert instruction.settled_by_date == "2026-12-31"
    assert instruction.status == "INCOMPLETE"  # no financial instrument yet
    assert instruction.scheme == imburse.SchemeAssignment(scheme_id=SCHEME_ID, source="MANUALLY_SET", can_update=True)
    assert instruction.metadata == {"invoice": "INV-1"}
    assert isinstance(instruction.created, datetime) and instruction.created.tzinfo == timezone.utc
    assert read.meta.client_correlation_id == "checkout-1234"
    # What the server received: the tenant, the account and the caller's correlation id.
    [request] = emulator.requests("GET", "/v2/order-management/ORDER-1/instruction/I-1")
    assert request["headers"]["x-correlation-id"] == "checkout-1234"
    assert request["headers"]["x-tenant-id"] == emulator.info["tenant_id"]
    assert request["headers"]["x-account-id"] == emulator.info["account_id"]


def test_orders_instructions_and_cancel(client: imburse.Client) -> None:
    default = imburse.CustomerDefault(financial_instrument_id="fi-9", metadata={"tier": "gold"})
    client.create_order(imburse.NewOrder("ORDER-2", customer_defaults={"CUST-9": default}))
    added = client.create_instruction("ORDER-2", new_instruction("I-9", customer="CUST-9", amount=Decimal("210.00")))
    assert added.data == imburse.Created(status=201, reconciled=False)

    order = client.get_order("ORDER-2").data
    assert isinstance(order, imburse.Order)
    assert [i.instruction_ref for i in order.instructions] == ["I-9"]
    assert list(order.customer_defaults) == ["CUST-9"]
    inherited = order.instructions[0]
    assert inherited.amount == Decimal("210.00") and str(inherited.amount) == "210.00"
    assert inherited.financial_instrument is not None
    assert inherited.financial_instrument.financial_instrument_id == "fi-9"
    assert inherited.financial_instrument.source == "CUSTOMER_DEFAULT"
    assert inherited.metadata == {"tier": "gold"}
    assert inherited.status == "READY"

    cancelled = client.cancel_instruction("ORDER-2", "I-9", reason="customer asked")
    assert isinstance(cancelled, imburse.ResponseMeta) and cancelled.status == 202
    assert client.get_instruction("ORDER-2", "I-9").data.status == "VOID"


def test_customers_wallet_and_financial_instruments(client: imburse.Client) -> None:
    customer = client.get_or_create_customer("CUST-1").data
    assert isinstance(customer, imburse.Customer)
    assert customer.customer_ref == "CUST-1" and customer.financial_instruments == []

    assert client.update_customer_metadata("CUST-1", {"segment": "retail"}).status == 202
    assert client.get_customer("CUST-1").data.metadata == {"segment": "retail"}

    created = client.add_mobile_instrument("CUST-1", imburse.NewMobileInstrument(country_code="44", phone_number="7700900123")).data
    assert isinstance(created, imburse.CreatedInstrument)
    instrument = client.get_financial_instrument("CUST-1", created.id).data
    assert isinstance(instrument, imburse.FinancialInstrument)
    assert instrument.id == created.id
    assert instrument.details == {"countryCode": "44", "phoneNumber": "******0123"}
    assert instrument.in_wallet is False

    assert client.add_to_wallet("CUST-1", created.id, reason="default").status == 202
    wallet = client.get_wallet("CUST-1").data
    assert [f.id for f in wallet.financial_instruments] == [created.id]
    assert client.get_financial_instrument("CUST-1", created.id).data.in_wallet is True


def test_models_have_readable_reprs_and_plain_dicts(client: imburse.Client) -> None:
    client.create_order(imburse.NewOrder("ORDER-3", instructions=[new_instruction("I-1", amount="0.10")]))
    instruction = client.get_instruction("ORDER-3", "I-1").data
    text = repr(instruction)
    assert text.startswith("Instruction(order_ref='ORDER-3', instruction_ref='I-1'")
    assert "amount=Decimal('0.10')" in text
    plain = instruction.to_dict()
    assert type(plain) is dict and plain["amount"] == Decimal("0.10")
    assert plain["scheme"] == {"scheme_id": SCHEME_ID, "source": "MANUALLY_SET", "can_update": True}


def test_client_repr_shows_no_secret(settings: dict[str, Any]) -> None:
    with imburse.Client(**settings) as c:
        text = repr(c)
    assert settings["public_key"] in text and settings["account_id"] in text
    assert settings["private_key"] not in text
    assert "closed" in repr(c)


def test_closed_client_refuses_calls(settings: dict[str, Any]) -> None:
    c = imburse.Client(**settings)
    c.close()
    c.close()  # idempotent
    assert c.closed
    with pytest.raises(imburse.ClientClosedError) as raised:
        c.get_order("ORDER-1", correlation_id="after-close")
    assert isinstance(raised.value, RuntimeError)
    assert raised.value.kind == "closed" and raised.value.attempts == 0


def test_from_env_reads_the_imburse_variables(emulator: Emulator, monkeypatch: Any) -> None:
    monkeypatch.setenv("IMBURSE_BASE_URL", emulator.url)
    monkeypatch.setenv("IMBURSE_PUBLIC_KEY", emulator.info["public_key"])
    monkeypatch.setenv("IMBURSE_PRIVATE_KEY", emulator.info["private_key"])
    monkeypatch.setenv("IMBURSE_ACCOUNT_ID", emulator.info["account_id"])
    monkeypatch.setenv("IMBURSE_TENANT_ID", emulator.info["tenant_id"])
    with imburse.Client.from_env(max_attempts=1) as c:
        assert c.get_or_create_customer("CUST-ENV").data.customer_ref == "CUST-ENV"


def run_example(name: str, emulator: Emulator) -> str:
    env = dict(os.environ)
    env.update(
        IMBURSE_BASE_URL=emulator.url,
        IMBURSE_PUBLIC_KEY=emulator.info["public_key"],
        IMBURSE_PRIVATE_KEY=emulator.info["private_key"],
        IMBURSE_ACCOUNT_ID=emulator.info["account_id"],
        IMBURSE_TENANT_ID=emulator.info["tenant_id"],
    )
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name)], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_readme_quickstart_runs(emulator: Emulator) -> None:
    assert run_example("quickstart.py", emulator) == "INCOMPLETE 49.99 GBP (attempts 1)\n"
    # It created exactly one order, with its instruction.
    assert len(emulator.requests("POST", "/v1/order-management")) == 1


def test_the_readme_checkout_quickstart_hands_the_token_to_the_web_component(emulator: Emulator) -> None:
    out = run_example("checkout.py", emulator)
    summary, script, component = out.splitlines()
    assert summary.endswith(": [redacted]"), "printing the token shows nothing of it"
    assert script.startswith("<script type=\"module\"")
    token = component.split('token="')[1].split('"')[0]
    assert component.startswith("<imburse-checkout token=\"") and token.count(".") == 2, component
    import base64
    import json

    claims = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    assert (claims["orderRef"], claims["instructionRef"], claims["customerFirstName"]) == ("ORDER-42", "I-1", "Ada")
    [sent] = emulator.requests("POST", "/v2/whitelabel/session-token")
    assert json.loads(sent["body"])["customerType"] == "B2C"


def test_the_readme_async_quickstart_runs(emulator: Emulator) -> None:
    assert run_example("async_quickstart.py", emulator) == "INCOMPLETE 49.99 GBP\nINCOMPLETE 0.10 GBP\n"
