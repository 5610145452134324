"""The typed operations of ``Client`` (blocking) and ``AsyncClient`` (asyncio).

Generated from the core's operation declaration (``imburse::for_each_operation!``) by
``bindings-python/codegen``: do not edit; the test command fails when it is stale.
"""

from __future__ import annotations

from typing import Mapping, Optional

from . import _models
from ._base import ClientBase, _meta, _response
from ._models import (
    Created,
    CreatedInstrument,
    Customer,
    FinancialInstrument,
    Instruction,
    Order,
    Response,
    ResponseMeta,
    Scheme,
    SchemeList,
    Wallet,
)
from ._requests import (
    NewInstruction,
    NewMobileInstrument,
    NewOrder,
    NewScheme,
)

__all__ = ["Operations", "AsyncOperations"]


class Operations(ClientBase):
    """Every operation as a blocking method (the GIL released while it waits)."""

    def authenticate(
        self,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> None:
        """Fetches and caches an access token now (e.g. to fail fast on bad credentials)."""
        with self._calling() as native:
            native.authenticate(False, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)

    def create_order(
        self,
        order: NewOrder,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Created]:
        """``POST /v1/order-management``: 201 for an order without instructions, 202 with them."""
        with self._calling() as native:
            raw = native.create_order(False, _models.request_arg(order, NewOrder), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def get_order(
        self,
        order_ref: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Order]:
        """``GET /v1/order-management/{orderRef}``."""
        with self._calling() as native:
            raw = native.get_order(False, order_ref, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def update_order_metadata(
        self,
        order_ref: str,
        metadata: Mapping[str, str],
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``PUT /v1/order-management/{orderRef}/metadata`` (202): replaces the order's metadata."""
        with self._calling() as native:
            raw = native.update_order_metadata(False, order_ref, dict(metadata), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    def create_instruction(
        self,
        order_ref: str,
        instruction: NewInstruction,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Created]:
        """``POST /v1/order-management/{orderRef}/instruction`` (201)."""
        with self._calling() as native:
            raw = native.create_instruction(False, order_ref, _models.request_arg(instruction, NewInstruction), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def get_instruction(
        self,
        order_ref: str,
        instruction_ref: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Instruction]:
        """``GET /v2/order-management/{orderRef}/instruction/{instructionRef}``."""
        with self._calling() as native:
            raw = native.get_instruction(False, order_ref, instruction_ref, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def cancel_instruction(
        self,
        order_ref: str,
        instruction_ref: str,
        *,
        reason: Optional[str] = None,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``POST …/instruction/{instructionRef}/cancel`` (202); cancelling twice is harmless."""
        with self._calling() as native:
            raw = native.cancel_instruction(False, order_ref, instruction_ref, reason, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    def get_customer(
        self,
        customer_ref: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Customer]:
        """``GET /v1/customer-vault/{customerRef}``: the customer, or a not-found error."""
        with self._calling() as native:
            raw = native.get_customer(False, customer_ref, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def get_or_create_customer(
        self,
        customer_ref: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Customer]:
        """``GET /v2/customer-vault/{customerRef}``: the customer, created when absent."""
        with self._calling() as native:
            raw = native.get_or_create_customer(False, customer_ref, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def update_customer_metadata(
        self,
        customer_ref: str,
        metadata: Mapping[str, str],
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``PUT /v2/customer-vault/{customerRef}``: replaces the customer's metadata (202)."""
        with self._calling() as native:
            raw = native.update_customer_metadata(False, customer_ref, dict(metadata), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    def get_wallet(
        self,
        customer_ref: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Wallet]:
        """``GET /v1/customer-vault/{customerRef}/wallet``."""
        with self._calling() as native:
            raw = native.get_wallet(False, customer_ref, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def add_to_wallet(
        self,
        customer_ref: str,
        financial_instrument_id: str,
        *,
        reason: Optional[str] = None,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``POST /v1/customer-vault/{customerRef}/wallet``: adds a stored instrument to the wallet (202)."""
        with self._calling() as native:
            raw = native.add_to_wallet(False, customer_ref, financial_instrument_id, reason, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    def add_mobile_instrument(
        self,
        customer_ref: str,
        mobile: NewMobileInstrument,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[CreatedInstrument]:
        """``POST /v1/customer-vault/{customerRef}/mobile``: stores a mobile number (201 ``{id}``); never replayed
        once it may have been processed."""
        with self._calling() as native:
            raw = native.add_mobile_instrument(False, customer_ref, _models.request_arg(mobile, NewMobileInstrument), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def get_financial_instrument(
        self,
        customer_ref: str,
        financial_instrument_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[FinancialInstrument]:
        """``GET /v1/customer-vault/{customerRef}/financial-instrument/{id}``."""
        with self._calling() as native:
            raw = native.get_financial_instrument(False, customer_ref, financial_instrument_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def list_collect_schemes(
        self,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[SchemeList]:
        """``GET /v1/schemes/collect``: the tenant's collect schemes."""
        with self._calling() as native:
            raw = native.list_collect_schemes(False, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def get_collect_scheme(
        self,
        scheme_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Scheme]:
        """``GET /v1/schemes/collect/{schemeId}``."""
        with self._calling() as native:
            raw = native.get_collect_scheme(False, scheme_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def create_collect_scheme(
        self,
        scheme: NewScheme,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Scheme]:
        """``POST /v1/schemes/collect`` (201): the new scheme, its first draft published; never replayed once it
        may have been processed."""
        with self._calling() as native:
            raw = native.create_collect_scheme(False, _models.request_arg(scheme, NewScheme), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def delete_collect_scheme(
        self,
        scheme_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``DELETE /v1/schemes/collect/{schemeId}`` (204)."""
        with self._calling() as native:
            raw = native.delete_collect_scheme(False, scheme_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    def publish_collect_scheme_draft(
        self,
        scheme_id: str,
        draft_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``POST /v1/schemes/collect/{schemeId}/drafts/{draftId}/publish``."""
        with self._calling() as native:
            raw = native.publish_collect_scheme_draft(False, scheme_id, draft_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    def list_payout_schemes(
        self,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[SchemeList]:
        """``GET /v1/schemes/payout``: the tenant's payout schemes."""
        with self._calling() as native:
            raw = native.list_payout_schemes(False, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def get_payout_scheme(
        self,
        scheme_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Scheme]:
        """``GET /v1/schemes/payout/{schemeId}``."""
        with self._calling() as native:
            raw = native.get_payout_scheme(False, scheme_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def create_payout_scheme(
        self,
        scheme: NewScheme,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Scheme]:
        """``POST /v1/schemes/payout`` (201): the new scheme, its first draft published; never replayed once it
        may have been processed."""
        with self._calling() as native:
            raw = native.create_payout_scheme(False, _models.request_arg(scheme, NewScheme), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def delete_payout_scheme(
        self,
        scheme_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``DELETE /v1/schemes/payout/{schemeId}`` (204)."""
        with self._calling() as native:
            raw = native.delete_payout_scheme(False, scheme_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    def publish_payout_scheme_draft(
        self,
        scheme_id: str,
        draft_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``POST /v1/schemes/payout/{schemeId}/drafts/{draftId}/publish``."""
        with self._calling() as native:
            raw = native.publish_payout_scheme_draft(False, scheme_id, draft_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)


class AsyncOperations(ClientBase):
    """Every operation as a coroutine on the core's own runtime."""

    async def authenticate(
        self,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> None:
        """Fetches and caches an access token now (e.g. to fail fast on bad credentials)."""
        with self._calling() as native:
            await native.authenticate(True, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)

    async def create_order(
        self,
        order: NewOrder,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Created]:
        """``POST /v1/order-management``: 201 for an order without instructions, 202 with them."""
        with self._calling() as native:
            raw = await native.create_order(True, _models.request_arg(order, NewOrder), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def get_order(
        self,
        order_ref: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Order]:
        """``GET /v1/order-management/{orderRef}``."""
        with self._calling() as native:
            raw = await native.get_order(True, order_ref, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def update_order_metadata(
        self,
        order_ref: str,
        metadata: Mapping[str, str],
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``PUT /v1/order-management/{orderRef}/metadata`` (202): replaces the order's metadata."""
        with self._calling() as native:
            raw = await native.update_order_metadata(True, order_ref, dict(metadata), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    async def create_instruction(
        self,
        order_ref: str,
        instruction: NewInstruction,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Created]:
        """``POST /v1/order-management/{orderRef}/instruction`` (201)."""
        with self._calling() as native:
            raw = await native.create_instruction(True, order_ref, _models.request_arg(instruction, NewInstruction), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def get_instruction(
        self,
        order_ref: str,
        instruction_ref: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Instruction]:
        """``GET /v2/order-management/{orderRef}/instruction/{instructionRef}``."""
        with self._calling() as native:
            raw = await native.get_instruction(True, order_ref, instruction_ref, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def cancel_instruction(
        self,
        order_ref: str,
        instruction_ref: str,
        *,
        reason: Optional[str] = None,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``POST …/instruction/{instructionRef}/cancel`` (202); cancelling twice is harmless."""
        with self._calling() as native:
            raw = await native.cancel_instruction(True, order_ref, instruction_ref, reason, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    async def get_customer(
        self,
        customer_ref: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Customer]:
        """``GET /v1/customer-vault/{customerRef}``: the customer, or a not-found error."""
        with self._calling() as native:
            raw = await native.get_customer(True, customer_ref, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def get_or_create_customer(
        self,
        customer_ref: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Customer]:
        """``GET /v2/customer-vault/{customerRef}``: the customer, created when absent."""
        with self._calling() as native:
            raw = await native.get_or_create_customer(True, customer_ref, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def update_customer_metadata(
        self,
        customer_ref: str,
        metadata: Mapping[str, str],
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``PUT /v2/customer-vault/{customerRef}``: replaces the customer's metadata (202)."""
        with self._calling() as native:
            raw = await native.update_customer_metadata(True, customer_ref, dict(metadata), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    async def get_wallet(
        self,
        customer_ref: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Wallet]:
        """``GET /v1/customer-vault/{customerRef}/wallet``."""
        with self._calling() as native:
            raw = await native.get_wallet(True, customer_ref, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def add_to_wallet(
        self,
        customer_ref: str,
        financial_instrument_id: str,
        *,
        reason: Optional[str] = None,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``POST /v1/customer-vault/{customerRef}/wallet``: adds a stored instrument to the wallet (202)."""
        with self._calling() as native:
            raw = await native.add_to_wallet(True, customer_ref, financial_instrument_id, reason, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    async def add_mobile_instrument(
        self,
        customer_ref: str,
        mobile: NewMobileInstrument,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[CreatedInstrument]:
        """``POST /v1/customer-vault/{customerRef}/mobile``: stores a mobile number (201 ``{id}``); never replayed
        once it may have been processed."""
        with self._calling() as native:
            raw = await native.add_mobile_instrument(True, customer_ref, _models.request_arg(mobile, NewMobileInstrument), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def get_financial_instrument(
        self,
        customer_ref: str,
        financial_instrument_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[FinancialInstrument]:
        """``GET /v1/customer-vault/{customerRef}/financial-instrument/{id}``."""
        with self._calling() as native:
            raw = await native.get_financial_instrument(True, customer_ref, financial_instrument_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def list_collect_schemes(
        self,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[SchemeList]:
        """``GET /v1/schemes/collect``: the tenant's collect schemes."""
        with self._calling() as native:
            raw = await native.list_collect_schemes(True, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def get_collect_scheme(
        self,
        scheme_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Scheme]:
        """``GET /v1/schemes/collect/{schemeId}``."""
        with self._calling() as native:
            raw = await native.get_collect_scheme(True, scheme_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def create_collect_scheme(
        self,
        scheme: NewScheme,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Scheme]:
        """``POST /v1/schemes/collect`` (201): the new scheme, its first draft published; never replayed once it
        may have been processed."""
        with self._calling() as native:
            raw = await native.create_collect_scheme(True, _models.request_arg(scheme, NewScheme), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def delete_collect_scheme(
        self,
        scheme_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``DELETE /v1/schemes/collect/{schemeId}`` (204)."""
        with self._calling() as native:
            raw = await native.delete_collect_scheme(True, scheme_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    async def publish_collect_scheme_draft(
        self,
        scheme_id: str,
        draft_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``POST /v1/schemes/collect/{schemeId}/drafts/{draftId}/publish``."""
        with self._calling() as native:
            raw = await native.publish_collect_scheme_draft(True, scheme_id, draft_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    async def list_payout_schemes(
        self,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[SchemeList]:
        """``GET /v1/schemes/payout``: the tenant's payout schemes."""
        with self._calling() as native:
            raw = await native.list_payout_schemes(True, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def get_payout_scheme(
        self,
        scheme_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Scheme]:
        """``GET /v1/schemes/payout/{schemeId}``."""
        with self._calling() as native:
            raw = await native.get_payout_scheme(True, scheme_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def create_payout_scheme(
        self,
        scheme: NewScheme,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Scheme]:
        """``POST /v1/schemes/payout`` (201): the new scheme, its first draft published; never replayed once it
        may have been processed."""
        with self._calling() as native:
            raw = await native.create_payout_scheme(True, _models.request_arg(scheme, NewScheme), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def delete_payout_scheme(
        self,
        scheme_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``DELETE /v1/schemes/payout/{schemeId}`` (204)."""
        with self._calling() as native:
            raw = await native.delete_payout_scheme(True, scheme_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    async def publish_payout_scheme_draft(
        self,
        scheme_id: str,
        draft_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``POST /v1/schemes/payout/{schemeId}/drafts/{draftId}/publish``."""
        with self._calling() as native:
            raw = await native.publish_payout_scheme_draft(True, scheme_id, draft_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)
