"""``Client`` (blocking) and ``AsyncClient`` (asyncio): the same methods over one native client.

Both are thin: they turn keyword arguments into the native module's arguments, its dicts into
the models, its error into the public exception class, and its attempt events into ``logging``
records. Every rule, default and retry is the Rust core's.
"""

from __future__ import annotations

import atexit
import logging
from contextlib import contextmanager
from types import TracebackType
from typing import Any, Iterable, Iterator, Mapping, Optional, Type, TypeVar, Union, cast

from . import _models, _native
from ._errors import translated
from ._models import (
    Created,
    CreatedInstrument,
    Customer,
    CustomerDefault,
    Environment,
    FinancialInstrument,
    Instruction,
    NewInstruction,
    Order,
    Response,
    ResponseMeta,
    Wallet,
)

__all__ = ["Client", "AsyncClient"]

#: Every attempt of every call is logged here: INFO when it succeeded, WARNING when it failed.
logger = logging.getLogger("imburse")
# A library leaves output to the application: without its own handlers, nothing is printed.
logger.addHandler(logging.NullHandler())

# Results of awaitables are delivered by runtime threads; none may enter Python while the
# interpreter finalizes.
atexit.register(_native.shutdown)

_Self = TypeVar("_Self", bound="_ClientBase")
_T = TypeVar("_T")


def _log_attempts(events: Iterable[Mapping[str, Any]]) -> None:
    # Each event is the core's AttemptEvent as a dict.
    for event in events:
        level = logging.INFO if event["outcome"] == "ok" else logging.WARNING
        if not logger.isEnabledFor(level):
            continue
        status = event["status"]
        logger.log(
            level,
            "%s %s %s attempt %d: %s (HTTP %s, %.0f ms, correlation id %s)",
            event["operation"],
            event["method"],
            event["path"],
            event["attempt"],
            event["detail"],
            status if status is not None else "-",
            event["elapsed"] * 1000,
            event["client_correlation_id"],
            extra={f"imburse_{key}": value for key, value in event.items()},
        )


def _response(raw: Mapping[str, Any]) -> Response[Any]:
    return Response(data=raw["data"], meta=raw["meta"])


def _meta(raw: Any) -> ResponseMeta:
    # The native methods are typed `Any` (one method serves both clients); this one returned
    # the core's ResponseMeta.
    return cast(ResponseMeta, raw)


class _ClientBase:
    """Configuration, lifecycle and error/log plumbing shared by both clients."""

    _native_client: _native.NativeClient

    def __init__(
        self,
        *,
        environment: Union[Environment, str, None] = None,
        base_url: Optional[str] = None,
        public_key: Optional[str] = None,
        private_key: Optional[str] = None,
        account_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        connect_timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        call_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
        backoff_base: Optional[float] = None,
        backoff_cap: Optional[float] = None,
        retry_after_cap: Optional[float] = None,
        token_refresh_margin: Optional[float] = None,
        proxy: Optional[str] = None,
        use_env_proxy: Optional[bool] = None,
        _from_env: bool = False,
    ) -> None:
        """Builds a client. Settings left out keep the core's defaults (sandbox, 10 s connect,
        30 s per attempt, 60 s per call, 3 attempts, …); durations are in seconds.

        ``environment`` is ``"sandbox"`` or ``"production"``; ``base_url`` names any other
        endpoint (and wins when both are given). ``tenant_id`` is the default tenant; each call
        may name another. Raises ``ConfigurationError`` for a setting the core refuses.
        """
        with translated():
            self._native_client = _native.NativeClient(
                from_env=_from_env,
                environment=None if environment is None else str(environment),
                base_url=base_url,
                public_key=public_key,
                private_key=private_key,
                account_id=account_id,
                tenant_id=tenant_id,
                connect_timeout=connect_timeout,
                attempt_timeout=attempt_timeout,
                call_timeout=call_timeout,
                max_attempts=max_attempts,
                backoff_base=backoff_base,
                backoff_cap=backoff_cap,
                retry_after_cap=retry_after_cap,
                token_refresh_margin=token_refresh_margin,
                proxy=proxy,
                use_env_proxy=use_env_proxy,
            )

    @classmethod
    def from_env(cls: Type[_Self], **settings: Any) -> _Self:
        """A client configured from ``IMBURSE_PUBLIC_KEY``, ``IMBURSE_PRIVATE_KEY``,
        ``IMBURSE_ACCOUNT_ID``, ``IMBURSE_TENANT_ID`` and ``IMBURSE_BASE_URL`` or
        ``IMBURSE_ENVIRONMENT``; keyword arguments override what the environment says."""
        return cls(_from_env=True, **settings)

    @property
    def user_agent(self) -> str:
        """The ``User-Agent`` every request carries (SDK, Python and Rust versions, platform)."""
        return str(self._native_client.settings()["user_agent"])

    @property
    def closed(self) -> bool:
        return self._native_client.closed

    def __repr__(self) -> str:
        s = self._native_client.settings()
        state = " closed" if self.closed else ""
        return (
            f"<imburse.{type(self).__name__}{state} environment={s['environment']}"
            f" base_url={s['base_url']!r} public_key={s['public_key']!r}"
            f" account_id={s['account_id']!r} tenant_id={s['tenant_id']!r}>"
        )

    @contextmanager
    def _calling(self) -> Iterator[_native.NativeClient]:
        """Around every call: the public exception class, and the attempts logged in the calling
        thread once the call is over."""
        try:
            with translated():
                yield self._native_client
        finally:
            _log_attempts(self._native_client.take_events())


class Client(_ClientBase):
    """The blocking Imburse client. Safe to share between threads; each call releases the GIL
    while it waits on the network. Use it as a context manager, or call ``close()``.

    Every method takes ``correlation_id`` (sent as ``X-Correlation-ID`` on every attempt;
    otherwise a UUID is generated) and ``tenant_id`` (act for another tenant than the client's
    default) as keyword arguments.
    """

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()

    def close(self) -> None:
        """Releases the connection pool; later calls raise ``RuntimeError``. Idempotent."""
        self._native_client.close()

    def authenticate(self, *, correlation_id: Optional[str] = None, tenant_id: Optional[str] = None) -> None:
        """Makes sure an access token is cached (fetching one with the HMAC key if needed): a
        way to fail fast on bad credentials."""
        with self._calling() as native:
            native.authenticate(False, correlation_id, tenant_id)

    def create_order(
        self,
        order_ref: str,
        *,
        instructions: Iterable[NewInstruction] = (),
        metadata: Optional[Mapping[str, str]] = None,
        customer_defaults: Optional[Mapping[str, CustomerDefault]] = None,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
    ) -> Response[Created]:
        """``POST /v1/order-management``: 201 without instructions, 202 with them."""
        order = _models.order_arg(order_ref, instructions, metadata, customer_defaults)
        with self._calling() as native:
            raw = native.create_order(False, order, correlation_id, tenant_id)
        return _response(raw)

    def get_order(
        self, order_ref: str, *, correlation_id: Optional[str] = None, tenant_id: Optional[str] = None
    ) -> Response[Order]:
        """``GET /v1/order-management/{orderRef}``."""
        with self._calling() as native:
            raw = native.get_order(False, order_ref, correlation_id, tenant_id)
        return _response(raw)

    def update_order_metadata(
        self,
        order_ref: str,
        metadata: Mapping[str, str],
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
    ) -> ResponseMeta:
        """``PUT /v1/order-management/{orderRef}/metadata``: replaces the order's metadata (202)."""
        with self._calling() as native:
            raw = native.update_order_metadata(False, order_ref, dict(metadata), correlation_id, tenant_id)
        return _meta(raw)

    def create_instruction(
        self,
        order_ref: str,
        instruction: NewInstruction,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
    ) -> Response[Created]:
        """``POST /v1/order-management/{orderRef}/instruction`` (201)."""
        arg = _models.instruction_arg(instruction)
        with self._calling() as native:
            raw = native.create_instruction(False, order_ref, arg, correlation_id, tenant_id)
        return _response(raw)

    def get_instruction(
        self,
        order_ref: str,
        instruction_ref: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
    ) -> Response[Instruction]:
        """``GET /v2/order-management/{orderRef}/instruction/{instructionRef}``."""
        with self._calling() as native:
            raw = native.get_instruction(False, order_ref, instruction_ref, correlation_id, tenant_id)
        return _response(raw)

    def cancel_instruction(
        self,
        order_ref: str,
        instruction_ref: str,
        *,
        reason: Optional[str] = None,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
    ) -> ResponseMeta:
        """``POST …/instruction/{instructionRef}/cancel`` (202; cancelling twice is harmless)."""
        with self._calling() as native:
            raw = native.cancel_instruction(False, order_ref, instruction_ref, reason, correlation_id, tenant_id)
        return _meta(raw)

    def get_customer(
        self, customer_ref: str, *, correlation_id: Optional[str] = None, tenant_id: Optional[str] = None
    ) -> Response[Customer]:
        """``GET /v1/customer-vault/{customerRef}``: the customer, or a not-found error."""
        with self._calling() as native:
            raw = native.get_customer(False, customer_ref, correlation_id, tenant_id)
        return _response(raw)

    def get_or_create_customer(
        self, customer_ref: str, *, correlation_id: Optional[str] = None, tenant_id: Optional[str] = None
    ) -> Response[Customer]:
        """``GET /v2/customer-vault/{customerRef}``: the customer, created when absent."""
        with self._calling() as native:
            raw = native.get_or_create_customer(False, customer_ref, correlation_id, tenant_id)
        return _response(raw)

    def update_customer_metadata(
        self,
        customer_ref: str,
        metadata: Mapping[str, str],
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
    ) -> ResponseMeta:
        """``PUT /v2/customer-vault/{customerRef}``: replaces the customer's metadata (202)."""
        with self._calling() as native:
            raw = native.update_customer_metadata(False, customer_ref, dict(metadata), correlation_id, tenant_id)
        return _meta(raw)

    def add_mobile_instrument(
        self,
        customer_ref: str,
        *,
        country_code: str,
        phone_number: str,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
    ) -> Response[CreatedInstrument]:
        """``POST /v1/customer-vault/{customerRef}/mobile``: stores a mobile number as a
        financial instrument (never replayed when an attempt's outcome is unknown)."""
        with self._calling() as native:
            raw = native.add_mobile_instrument(
                False, customer_ref, {"country_code": country_code, "phone_number": phone_number}, correlation_id, tenant_id
            )
        return _response(raw)

    def get_financial_instrument(
        self,
        customer_ref: str,
        financial_instrument_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
    ) -> Response[FinancialInstrument]:
        """``GET /v1/customer-vault/{customerRef}/financial-instrument/{id}``."""
        with self._calling() as native:
            raw = native.get_financial_instrument(False, customer_ref, financial_instrument_id, correlation_id, tenant_id)
        return _response(raw)

    def get_wallet(
        self, customer_ref: str, *, correlation_id: Optional[str] = None, tenant_id: Optional[str] = None
    ) -> Response[Wallet]:
        """``GET /v1/customer-vault/{customerRef}/wallet``."""
        with self._calling() as native:
            raw = native.get_wallet(False, customer_ref, correlation_id, tenant_id)
        return _response(raw)

    def add_to_wallet(
        self,
        customer_ref: str,
        financial_instrument_id: str,
        *,
        reason: Optional[str] = None,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
    ) -> ResponseMeta:
        """``POST /v1/customer-vault/{customerRef}/wallet`` (202)."""
        with self._calling() as native:
            raw = native.add_to_wallet(False, customer_ref, financial_instrument_id, reason, correlation_id, tenant_id)
        return _meta(raw)


class AsyncClient(_ClientBase):
    """The asyncio Imburse client: the same methods as ``Client``, as coroutines running on the
    core's own runtime (no thread pool). Any number of calls may be in flight at once; they share
    one connection pool and one access token. Use ``async with``, or ``await close()``.
    """

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Releases the connection pool; later calls raise ``RuntimeError``. Idempotent."""
        self._native_client.close()

    async def authenticate(self, *, correlation_id: Optional[str] = None, tenant_id: Optional[str] = None) -> None:
        """Makes sure an access token is cached (fetching one with the HMAC key if needed)."""
        with self._calling() as native:
            await native.authenticate(True, correlation_id, tenant_id)

    async def create_order(
        self,
        order_ref: str,
        *,
        instructions: Iterable[NewInstruction] = (),
        metadata: Optional[Mapping[str, str]] = None,
        customer_defaults: Optional[Mapping[str, CustomerDefault]] = None,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
    ) -> Response[Created]:
        """``POST /v1/order-management``: 201 without instructions, 202 with them."""
        order = _models.order_arg(order_ref, instructions, metadata, customer_defaults)
        with self._calling() as native:
            raw = await native.create_order(True, order, correlation_id, tenant_id)
        return _response(raw)

    async def get_order(
        self, order_ref: str, *, correlation_id: Optional[str] = None, tenant_id: Optional[str] = None
    ) -> Response[Order]:
        """``GET /v1/order-management/{orderRef}``."""
        with self._calling() as native:
            raw = await native.get_order(True, order_ref, correlation_id, tenant_id)
        return _response(raw)

    async def update_order_metadata(
        self,
        order_ref: str,
        metadata: Mapping[str, str],
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
    ) -> ResponseMeta:
        """``PUT /v1/order-management/{orderRef}/metadata``: replaces the order's metadata (202)."""
        with self._calling() as native:
            raw = await native.update_order_metadata(True, order_ref, dict(metadata), correlation_id, tenant_id)
        return _meta(raw)

    async def create_instruction(
        self,
        order_ref: str,
        instruction: NewInstruction,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
    ) -> Response[Created]:
        """``POST /v1/order-management/{orderRef}/instruction`` (201)."""
        arg = _models.instruction_arg(instruction)
        with self._calling() as native:
            raw = await native.create_instruction(True, order_ref, arg, correlation_id, tenant_id)
        return _response(raw)

    async def get_instruction(
        self,
        order_ref: str,
        instruction_ref: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
    ) -> Response[Instruction]:
        """``GET /v2/order-management/{orderRef}/instruction/{instructionRef}``."""
        with self._calling() as native:
            raw = await native.get_instruction(True, order_ref, instruction_ref, correlation_id, tenant_id)
        return _response(raw)

    async def cancel_instruction(
        self,
        order_ref: str,
        instruction_ref: str,
        *,
        reason: Optional[str] = None,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
    ) -> ResponseMeta:
        """``POST …/instruction/{instructionRef}/cancel`` (202; cancelling twice is harmless)."""
        with self._calling() as native:
            raw = await native.cancel_instruction(True, order_ref, instruction_ref, reason, correlation_id, tenant_id)
        return _meta(raw)

    async def get_customer(
        self, customer_ref: str, *, correlation_id: Optional[str] = None, tenant_id: Optional[str] = None
    ) -> Response[Customer]:
        """``GET /v1/customer-vault/{customerRef}``: the customer, or a not-found error."""
        with self._calling() as native:
            raw = await native.get_customer(True, customer_ref, correlation_id, tenant_id)
        return _response(raw)

    async def get_or_create_customer(
        self, customer_ref: str, *, correlation_id: Optional[str] = None, tenant_id: Optional[str] = None
    ) -> Response[Customer]:
        """``GET /v2/customer-vault/{customerRef}``: the customer, created when absent."""
        with self._calling() as native:
            raw = await native.get_or_create_customer(True, customer_ref, correlation_id, tenant_id)
        return _response(raw)

    async def update_customer_metadata(
        self,
        customer_ref: str,
        metadata: Mapping[str, str],
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
    ) -> ResponseMeta:
        """``PUT /v2/customer-vault/{customerRef}``: replaces the customer's metadata (202)."""
        with self._calling() as native:
            raw = await native.update_customer_metadata(True, customer_ref, dict(metadata), correlation_id, tenant_id)
        return _meta(raw)

    async def add_mobile_instrument(
        self,
        customer_ref: str,
        *,
        country_code: str,
        phone_number: str,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
    ) -> Response[CreatedInstrument]:
        """``POST /v1/customer-vault/{customerRef}/mobile``: stores a mobile number as a
        financial instrument (never replayed when an attempt's outcome is unknown)."""
        with self._calling() as native:
            raw = await native.add_mobile_instrument(
                True, customer_ref, {"country_code": country_code, "phone_number": phone_number}, correlation_id, tenant_id
            )
        return _response(raw)

    async def get_financial_instrument(
        self,
        customer_ref: str,
        financial_instrument_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
    ) -> Response[FinancialInstrument]:
        """``GET /v1/customer-vault/{customerRef}/financial-instrument/{id}``."""
        with self._calling() as native:
            raw = await native.get_financial_instrument(True, 
                customer_ref, financial_instrument_id, correlation_id, tenant_id
            )
        return _response(raw)

    async def get_wallet(
        self, customer_ref: str, *, correlation_id: Optional[str] = None, tenant_id: Optional[str] = None
    ) -> Response[Wallet]:
        """``GET /v1/customer-vault/{customerRef}/wallet``."""
        with self._calling() as native:
            raw = await native.get_wallet(True, customer_ref, correlation_id, tenant_id)
        return _response(raw)

    async def add_to_wallet(
        self,
        customer_ref: str,
        financial_instrument_id: str,
        *,
        reason: Optional[str] = None,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
    ) -> ResponseMeta:
        """``POST /v1/customer-vault/{customerRef}/wallet`` (202)."""
        with self._calling() as native:
            raw = await native.add_to_wallet(True, customer_ref, financial_instrument_id, reason, correlation_id, tenant_id)
        return _meta(raw)

