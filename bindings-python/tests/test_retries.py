"""Retries, Retry-After, the token refresh, reconciliation, correlation ids, tenants and the
User-Agent, as the server saw them."""

from __future__ import annotations

import platform
import uuid
from typing import Any

import pytest

import imburse
from emulator import Emulator
from helpers import OTHER_TENANT, new_instruction

INSTRUCTION_PATH = "/v2/order-management/*"


def test_a_503_is_retried_with_the_same_correlation_id(client: imburse.Client, emulator: Emulator) -> None:
    client.create_order(imburse.NewOrder("ORDER-1", instructions=[new_instruction()]))
    emulator.control("DELETE", "/requests")
    emulator.arm(method="GET", path=INSTRUCTION_PATH, action="respond", status=503)

    read = client.get_instruction("ORDER-1", "I-1")
    assert read.meta.attempts == 2 and read.meta.status == 200
    seen = emulator.requests("GET", INSTRUCTION_PATH)
    assert [r["status"] for r in seen] == [503, 200]
    ids = {r["headers"]["x-correlation-id"] for r in seen}
    assert ids == {read.meta.client_correlation_id}
    uuid.UUID(read.meta.client_correlation_id)  # generated when the caller gives none


def test_retry_after_is_waited_for(client: imburse.Client, emulator: Emulator) -> None:
    emulator.arm(method="GET", path="/v2/customer-vault/*", action="respond", status=429, retry_after=1)
    read = client.get_or_create_customer("CUST-1")
    assert read.meta.attempts == 2
    first, second = emulator.requests("GET", "/v2/customer-vault/CUST-1")
    assert second["received_at_ms"] - first["received_at_ms"] >= 1000


def test_max_attempts_bounds_the_retries(settings: dict[str, Any], emulator: Emulator) -> None:
    emulator.arm(method="GET", path="/v2/customer-vault/*", action="respond", status=502, times=5)
    with imburse.Client(**{**settings, "max_attempts": 5}) as c:
        with pytest.raises(imburse.ServerError) as caught:
            c.get_or_create_customer("CUST-1")
    assert caught.value.attempts == 5
    assert len(emulator.requests("GET", "/v2/customer-vault/CUST-1")) == 5


def test_an_expired_token_is_refreshed_once_and_the_call_replayed(client: imburse.Client, emulator: Emulator) -> None:
    client.get_or_create_customer("CUST-1")
    emulator.control("POST", "/tokens/expire")
    emulator.control("DELETE", "/requests")

    read = client.get_or_create_customer("CUST-1")
    assert read.meta.attempts == 2
    assert [r["status"] for r in emulator.requests("GET", "/v2/customer-vault/CUST-1")] == [401, 200]
    assert len(emulator.requests("POST", "/v1/identity/hmac")) == 1


def test_the_token_is_fetched_once_and_reused(client: imburse.Client, emulator: Emulator) -> None:
    for ref in ("C-1", "C-2", "C-3"):
        client.get_or_create_customer(ref)
    assert len(emulator.requests("POST", "/v1/identity/hmac")) == 1


def test_a_dropped_create_is_reconciled_into_exactly_one_order(client: imburse.Client, emulator: Emulator) -> None:
    emulator.arm(method="POST", path="/v1/order-management", action="drop_after_read")
    created = client.create_order(imburse.NewOrder("ORDER-1", instructions=[new_instruction()]), correlation_id="create-1")
    assert created.data == imburse.Created(status=202, reconciled=True)
    assert created.meta.attempts == 2
    assert [r["status"] for r in emulator.requests("POST", "/v1/order-management")] == [None, 400]
    assert [i.instruction_ref for i in client.get_order("ORDER-1").data.instructions] == ["I-1"]


def test_a_non_idempotent_create_is_not_replayed(client: imburse.Client, emulator: Emulator) -> None:
    emulator.arm(method="POST", path="/v1/customer-vault/*/mobile", action="drop_after_read")
    with pytest.raises(imburse.APIConnectionError) as caught:
        client.add_mobile_instrument("CUST-1", imburse.NewMobileInstrument(country_code="44", phone_number="7700900123"))
    assert caught.value.attempts == 1
    assert len(emulator.requests("POST", "/v1/customer-vault/CUST-1/mobile")) == 1


def test_a_per_call_tenant_overrides_the_default(client: imburse.Client, emulator: Emulator) -> None:
    with pytest.raises(imburse.PermissionDeniedError) as caught:
        client.get_or_create_customer("CUST-1", tenant_id=OTHER_TENANT, correlation_id="tenant-x")
    assert caught.value.code == "TENANT_ID_NOT_PERMITTED"
    assert caught.value.client_correlation_id == "tenant-x"
    [request] = emulator.requests("GET", "/v2/customer-vault/CUST-1")
    assert request["headers"]["x-tenant-id"] == OTHER_TENANT

    own = client.get_or_create_customer("CUST-1", tenant_id=emulator.info["tenant_id"])
    assert own.meta.status == 200


def test_a_client_without_a_tenant_refuses_tenant_calls_before_sending(
    settings: dict[str, Any], emulator: Emulator
) -> None:
    with imburse.Client(**{**settings, "tenant_id": None}) as c:
        with pytest.raises(imburse.InvalidRequestError) as caught:
            c.get_or_create_customer("CUST-1")
        assert caught.value.code == "TENANT_ID_IS_REQUIRED"
        assert "get_or_create_customer acts inside a tenant" in str(caught.value)
        assert emulator.requests("GET", "/v2/customer-vault/CUST-1") == []
        # The call may name the tenant itself.
        assert c.get_or_create_customer("CUST-1", tenant_id=emulator.info["tenant_id"]).meta.status == 200


def test_an_invalid_correlation_id_is_refused_before_sending(client: imburse.Client, emulator: Emulator) -> None:
    with pytest.raises(imburse.InvalidRequestError) as caught:
        client.get_order("ORDER-1", correlation_id="has spaces")
    assert caught.value.code == "CORRELATION_ID_INVALID"
    assert emulator.requests() == []


def test_the_user_agent_names_python_and_the_package_version(client: imburse.Client, emulator: Emulator) -> None:
    client.get_or_create_customer("CUST-1")
    agents = {r["headers"]["user-agent"] for r in emulator.requests()}
    assert agents == {client.user_agent}
    assert client.user_agent.startswith(f"imburse-sdk/{imburse.__version__} (python/{platform.python_version()}; rust/")
