"""Every error class, raised for the core's error kind, with the attributes a caller relies on."""

from __future__ import annotations

import importlib.util
import json
import pickle
import re
import socket
from typing import Any

import pytest

import imburse
from emulator import CONFORMANCE_DIR, Emulator
from helpers import READ_ONLY_KEY, new_instruction

IMBURSE_CORRELATION_ID = re.compile(r"^[0-9A-V]{13}:[0-9A-F]{8}$")
ORDER_PATH = "/v1/order-management/*"


def raised(call: Any, *args: Any, **kwargs: Any) -> imburse.ImburseError:
    with pytest.raises(imburse.ImburseError) as caught:
        call(*args, **kwargs)
    return caught.value


def test_bad_request_carries_every_field(client: imburse.Client, emulator: Emulator) -> None:
    error = raised(client.get_order, "MISSING-1", correlation_id="lookup-7")
    assert type(error) is imburse.BadRequestError
    assert error.kind == "bad_request"
    assert error.status == 400
    assert error.code == "ORDER_NOT_FOUND"
    assert error.errors == [
        imburse.ErrorEntry(
            code="ORDER_NOT_FOUND",
            message="Order MISSING-1 was not found.",
            message_template="Order {orderRef} was not found.",
            metadata={"correlationId": "lookup-7", "orderRef": "MISSING-1"},
        )
    ]
    [request] = emulator.requests("GET", "/v1/order-management/MISSING-1")
    assert error.correlation_id == request["server_correlation_id"]
    assert IMBURSE_CORRELATION_ID.match(error.correlation_id or "")
    assert error.client_correlation_id == "lookup-7"
    assert error.attempts == 1
    assert error.retry_after is None
    assert error.detail == "Order MISSING-1 was not found."
    assert error.raw_body is not None and "ORDER_NOT_FOUND" in error.raw_body
    assert str(error) == (
        "Bad Request (HTTP 400) ORDER_NOT_FOUND: Order MISSING-1 was not found. "
        f"[correlation id {error.correlation_id}; client correlation id lookup-7]"
    )


def test_authentication_error_for_a_refused_key(settings: dict[str, Any], emulator: Emulator) -> None:
    wrong_key = "x/xo99iO/eJ3MnO5nPhPKrf9+r5Nxpz+/L+2ZPfebfA="
    with imburse.Client(**{**settings, "private_key": wrong_key}) as c:
        error = raised(c.get_order, "ORDER-1")
    assert type(error) is imburse.AuthenticationError
    assert (error.kind, error.status, error.code, error.attempts) == ("unauthorized", 401, "HMAC_SIGNATURE_INVALID", 1)
    assert emulator.requests("GET") == []  # the resource call was never sent
    assert wrong_key not in str(error) and wrong_key not in repr(error)


def test_permission_denied_for_a_read_only_key(settings: dict[str, Any]) -> None:
    with imburse.Client(**{**settings, **READ_ONLY_KEY}) as c:
        error = raised(c.create_order, imburse.NewOrder("ORDER-1"))
    assert type(error) is imburse.PermissionDeniedError
    assert (error.kind, error.status, error.code, error.attempts) == ("forbidden", 403, "INSUFFICIENT_ROLE", 1)
    assert error.errors[0].metadata["requiredRole"] == "tenant-transaction-write"


@pytest.mark.parametrize(
    ("status", "cls", "kind"),
    [
        (402, imburse.RequestFailedError, "request_failed"),
        (404, imburse.NotFoundError, "not_found"),
        (409, imburse.ConflictError, "conflict"),
        (405, imburse.BadRequestError, "bad_request"),
    ],
)
def test_status_errors_map_to_their_class(
    client: imburse.Client, emulator: Emulator, status: int, cls: type, kind: str
) -> None:
    emulator.arm(method="GET", path=ORDER_PATH, action="respond", status=status, error_code=f"CODE_{status}")
    error = raised(client.get_order, "ORDER-1")
    assert type(error) is cls
    assert (error.kind, error.status, error.code, error.attempts) == (kind, status, f"CODE_{status}", 1)
    assert error.client_correlation_id is not None


def test_rate_limit_with_a_long_retry_after_stops_at_once(client: imburse.Client, emulator: Emulator) -> None:
    emulator.arm(method="GET", path=ORDER_PATH, action="respond", status=429, retry_after=30)
    error = raised(client.get_order, "ORDER-1")
    assert type(error) is imburse.RateLimitError
    assert (error.kind, error.status, error.attempts) == ("rate_limited", 429, 1)
    assert error.retry_after == 30.0


def test_server_error_after_every_attempt(client: imburse.Client, emulator: Emulator) -> None:
    emulator.arm(method="GET", path=ORDER_PATH, action="respond", status=503, times=3)
    error = raised(client.get_order, "ORDER-1", correlation_id="retry-me")
    assert type(error) is imburse.ServerError
    assert (error.kind, error.status, error.code, error.attempts) == ("server", 503, "SERVICE_UNAVAILABLE", 3)
    attempts = emulator.requests("GET", ORDER_PATH)
    assert [r["headers"]["x-correlation-id"] for r in attempts] == ["retry-me"] * 3


def test_timeout_is_also_a_builtin_timeout_error(settings: dict[str, Any], emulator: Emulator) -> None:
    emulator.arm(method="GET", path=ORDER_PATH, action="delay", ms=2000)
    with imburse.Client(**{**settings, "attempt_timeout": 0.2, "max_attempts": 1}) as c:
        error = raised(c.get_order, "ORDER-1")
    assert type(error) is imburse.APITimeoutError
    assert isinstance(error, TimeoutError)
    assert (error.kind, error.status, error.code, error.attempts) == ("timeout", None, None, 1)


def test_connection_error_is_also_a_builtin_connection_error(settings: dict[str, Any]) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with imburse.Client(**{**settings, "base_url": f"http://127.0.0.1:{port}"}) as c:
        error = raised(c.get_order, "ORDER-1")
    assert type(error) is imburse.APIConnectionError
    assert isinstance(error, ConnectionError)
    # Nothing was sent, so connecting is retried: three attempts at the token exchange.
    assert (error.kind, error.status, error.attempts) == ("connection", None, 3)


def test_invalid_response_for_a_success_body_that_is_not_json(client: imburse.Client, emulator: Emulator) -> None:
    client.create_order(imburse.NewOrder("ORDER-1"))
    emulator.arm(method="GET", path=ORDER_PATH, action="corrupt_body")
    error = raised(client.get_order, "ORDER-1")
    assert type(error) is imburse.InvalidResponseError
    assert (error.kind, error.status, error.attempts) == ("invalid_response", 200, 1)


def test_invalid_response_for_an_amount_that_is_not_a_decimal(client: imburse.Client, emulator: Emulator) -> None:
    body = {"direction": "DEBIT", "status": "READY", "amount": "12,50", "currency": "GBP"}
    emulator.arm(
        method="GET",
        path="/v2/order-management/*",
        action="respond",
        status=200,
        body="raw",
        raw_body=json.dumps(body),
        content_type="application/json",
    )
    error = raised(client.get_instruction, "ORDER-1", "I-1", correlation_id="amount-check")
    assert type(error) is imburse.InvalidResponseError
    assert (error.status, error.attempts, error.client_correlation_id) == (200, 1, "amount-check")


def test_invalid_request_lists_every_problem_and_sends_nothing(client: imburse.Client, emulator: Emulator) -> None:
    bad = new_instruction("I 1", amount="-3", currency="gbp")
    error = raised(client.create_order, imburse.NewOrder("ORDER/1", instructions=[bad]), correlation_id="form-42")
    assert type(error) is imburse.InvalidRequestError
    assert error.kind == "invalid_request"
    assert (error.status, error.attempts, error.client_correlation_id) == (None, 0, "form-42")
    assert [e.code for e in error.errors] == [
        "ORDER_REF_CONTAINS_INVALID_CHARACTERS",
        "INSTRUCTION_REF_CONTAINS_INVALID_CHARACTERS",
        "AMOUNT_OUT_OF_RANGE",
        "CURRENCY_FORMAT_NOT_RECOGNISED",
    ]
    assert error.code == "ORDER_REF_CONTAINS_INVALID_CHARACTERS"
    assert emulator.requests() == []  # not even the token exchange


def test_configuration_error_when_the_client_is_built(settings: dict[str, Any]) -> None:
    with pytest.raises(imburse.ConfigurationError) as caught:
        imburse.Client(**{**settings, "max_attempts": 0})
    assert caught.value.kind == "configuration" and caught.value.attempts == 0
    assert "max_attempts" in str(caught.value)

    without_key = {k: v for k, v in settings.items() if k != "private_key"}
    with pytest.raises(imburse.ConfigurationError, match="private_key"):
        imburse.Client(**without_key)
    with pytest.raises(imburse.ConfigurationError, match="environment"):
        imburse.Client(**{**settings, "environment": "staging"})


def test_every_core_kind_has_its_own_class() -> None:
    spec = importlib.util.spec_from_file_location("judge", CONFORMANCE_DIR / "judge.py")
    assert spec is not None and spec.loader is not None
    judge = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(judge)
    from imburse._errors import class_for_kind

    classes = [class_for_kind(kind) for kind in judge.ERROR_KINDS]
    assert len(set(classes)) == len(judge.ERROR_KINDS) == 14
    assert all(issubclass(cls, imburse.ImburseError) and cls is not imburse.ImburseError for cls in classes)
    assert class_for_kind("a_kind_from_a_newer_core") is imburse.ImburseError


def test_errors_survive_pickling(client: imburse.Client) -> None:
    error = raised(client.get_order, "MISSING-2")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is imburse.BadRequestError
    assert (copy.code, copy.status, copy.errors, str(copy)) == (error.code, 400, error.errors, str(error))
