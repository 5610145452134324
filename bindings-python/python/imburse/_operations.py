"""The typed operations of ``Client`` (blocking) and ``AsyncClient`` (asyncio).

Generated from the core's operation declaration (``imburse::for_each_operation!``) by
``bindings-python/codegen``: do not edit; the test command fails when it is stale.
"""

from __future__ import annotations

from typing import Mapping, Optional, Sequence

from . import _models
from ._base import ClientBase, _meta, _response
from ._pages import AsyncPager, Pager
from ._models import (
    Account,
    AccountKeyList,
    ApiKey,
    BacsCreditorProfile,
    CheckoutSession,
    Created,
    CreatedApiKey,
    CreatedInstrument,
    CreatedMandate,
    CreditorProfile,
    CreditorProfilePage,
    Customer,
    FinancialInstrument,
    Instruction,
    IpAllowList,
    LicenseHistory,
    Mandate,
    MandatePage,
    MarketplaceApp,
    MarketplaceAppList,
    Order,
    PayByLink,
    PayoutOptionList,
    Response,
    ResponseMeta,
    Scheme,
    SchemeDraft,
    SchemeList,
    SepaCreditorProfile,
    Tenant,
    TenantKeyList,
    TenantList,
    Transaction,
    Wallet,
)
from ._requests import (
    AccountUpdate,
    ApiKeySettings,
    CustomerDefault,
    IpAllowListUpdate,
    LicenseUpgradeRequest,
    NewBacsCreditorProfile,
    NewCheckoutSession,
    NewInstruction,
    NewMandate,
    NewMandateSession,
    NewMobileInstrument,
    NewOrder,
    NewPayByLink,
    NewScheme,
    NewSepaCreditorProfile,
    PayoutOptionsQuery,
    TenantSettings,
)

__all__ = ["Operations", "AsyncOperations"]


class Operations(ClientBase):
    """Every operation as a blocking method (the GIL released while it waits)."""

    def authenticate(
        self,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> None:
        """Fetches and caches an access token now (e.g. to fail fast on bad credentials)."""
        with self._calling() as native:
            native.authenticate(False, correlation_id, None, timeout, attempt_timeout, max_attempts)

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

    def create_order_v2(
        self,
        order: NewOrder,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Created]:
        """``POST /v2/order-management``, as the Pay-by-Link guide creates orders: the same body and answers as
        ``create_order``."""
        with self._calling() as native:
            raw = native.create_order_v2(False, _models.request_arg(order, NewOrder), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
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

    def update_customer_default(
        self,
        order_ref: str,
        customer_ref: str,
        customer_default: CustomerDefault,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``PUT /v1/order-management/{orderRef}/customer-defaults/{customerRef}`` (202; path assumed): replaces
        what the order's later instructions for that customer inherit."""
        with self._calling() as native:
            raw = native.update_customer_default(False, order_ref, customer_ref, _models.request_arg(customer_default, CustomerDefault), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    def delete_customer_default(
        self,
        order_ref: str,
        customer_ref: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``DELETE /v1/order-management/{orderRef}/customer-defaults/{customerRef}`` (204; path assumed): the
        order's later instructions for that customer inherit nothing."""
        with self._calling() as native:
            raw = native.delete_customer_default(False, order_ref, customer_ref, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
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

    def wait_for_instruction(
        self,
        order_ref: str,
        instruction_ref: str,
        statuses: Sequence[str],
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Instruction]:
        """Reads the instruction until its status is one of ``statuses`` (e.g. ``SETTLED``, ``FAILED``), with the
        client's backoff between reads, until the call's timeout: then a timeout error
        (``INSTRUCTION_STATUS_NOT_REACHED``) naming the last status. For integrations without webhooks."""
        with self._calling() as native:
            raw = native.wait_for_instruction(False, order_ref, instruction_ref, statuses, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
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

    def forget_customer(
        self,
        customer_ref: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``DELETE /v2/customer-vault/{customerRef}`` (204; the reference's probable path, tenant-admin only):
        irrecoverably removes the customer's personal data, its metadata and financial instruments."""
        with self._calling() as native:
            raw = native.forget_customer(False, customer_ref, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
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
        """``POST /v2/customer-vault/{customerRef}/wallet``: adds a stored instrument to the wallet (202)."""
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

    def get_transaction(
        self,
        customer_ref: str,
        financial_instrument_id: str,
        transaction_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Transaction]:
        """``GET /v1/customer-vault/{customerRef}/financial-instrument/{id}/transaction/{transactionId}`` (the path
        an instruction's ``_links`` give): the transaction with its refunds and chargebacks."""
        with self._calling() as native:
            raw = native.get_transaction(False, customer_ref, financial_instrument_id, transaction_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
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

    def get_collect_scheme_published_draft(
        self,
        scheme_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[SchemeDraft]:
        """``GET /v1/schemes/collect/{schemeId}/drafts/published``: the draft in force (path assumed: the
        reference names the operation only)."""
        with self._calling() as native:
            raw = native.get_collect_scheme_published_draft(False, scheme_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def get_collect_scheme_latest_draft(
        self,
        scheme_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[SchemeDraft]:
        """``GET /v1/schemes/collect/{schemeId}/drafts/latest``: the newest draft (path assumed)."""
        with self._calling() as native:
            raw = native.get_collect_scheme_latest_draft(False, scheme_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def get_payout_scheme_published_draft(
        self,
        scheme_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[SchemeDraft]:
        """``GET /v1/schemes/payout/{schemeId}/drafts/published``: the draft in force (path assumed)."""
        with self._calling() as native:
            raw = native.get_payout_scheme_published_draft(False, scheme_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def get_payout_scheme_latest_draft(
        self,
        scheme_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[SchemeDraft]:
        """``GET /v1/schemes/payout/{schemeId}/drafts/latest``: the newest draft (path assumed)."""
        with self._calling() as native:
            raw = native.get_payout_scheme_latest_draft(False, scheme_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def get_payout_options(
        self,
        scheme_id: str,
        query: PayoutOptionsQuery,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[PayoutOptionList]:
        """``GET /v1/schemes/payout/{schemeId}/options?amount=&currency=&country=&matchType=``: the rewards the
        payout scheme offers for that amount."""
        with self._calling() as native:
            raw = native.get_payout_options(False, scheme_id, _models.request_arg(query, PayoutOptionsQuery), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def get_account(
        self,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Account]:
        """``GET /v1/account`` (account key): the account, its billing contact and licence."""
        with self._calling() as native:
            raw = native.get_account(False, correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def update_account(
        self,
        update: AccountUpdate,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``PUT /v1/account`` (204, account key)."""
        with self._calling() as native:
            raw = native.update_account(False, _models.request_arg(update, AccountUpdate), correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    def get_license_history(
        self,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[LicenseHistory]:
        """``GET /v1/account/license/history`` (account key; path assumed): the licences the account held."""
        with self._calling() as native:
            raw = native.get_license_history(False, correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def request_license_upgrade(
        self,
        request: LicenseUpgradeRequest,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``POST /v1/account/license/upgrade`` (202, account key; path assumed): asks Imburse for a bigger
        licence; never replayed once it may have been processed."""
        with self._calling() as native:
            raw = native.request_license_upgrade(False, _models.request_arg(request, LicenseUpgradeRequest), correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    def get_ip_allow_list(
        self,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[IpAllowList]:
        """``GET /v1/account/ip-whitelist`` (account key; path assumed): the IPv4 ranges API-key callers may
        come from."""
        with self._calling() as native:
            raw = native.get_ip_allow_list(False, correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def update_ip_allow_list(
        self,
        allow_list: IpAllowListUpdate,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``PUT /v1/account/ip-whitelist`` (204, account key; path assumed): replaces the allow list."""
        with self._calling() as native:
            raw = native.update_ip_allow_list(False, _models.request_arg(allow_list, IpAllowListUpdate), correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    def list_account_keys(
        self,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[AccountKeyList]:
        """``GET /v1/account/keys`` (account key): the account's keys, never their private keys."""
        with self._calling() as native:
            raw = native.list_account_keys(False, correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def get_account_key(
        self,
        public_key: str,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[ApiKey]:
        """``GET /v1/account/keys/{publicKey}`` (account key)."""
        with self._calling() as native:
            raw = native.get_account_key(False, public_key, correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def create_account_key(
        self,
        key: ApiKeySettings,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[CreatedApiKey]:
        """``POST /v1/account/keys`` (201, account key): the new key with its private key, returned only
        this once; never replayed once it may have been processed."""
        with self._calling() as native:
            raw = native.create_account_key(False, _models.request_arg(key, ApiKeySettings), correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def update_account_key(
        self,
        public_key: str,
        key: ApiKeySettings,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``PUT /v1/account/keys/{publicKey}`` (204, account key): the key's name and roles."""
        with self._calling() as native:
            raw = native.update_account_key(False, public_key, _models.request_arg(key, ApiKeySettings), correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    def delete_account_key(
        self,
        public_key: str,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``DELETE /v1/account/keys/{publicKey}`` (204, account key)."""
        with self._calling() as native:
            raw = native.delete_account_key(False, public_key, correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    def list_tenants(
        self,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[TenantList]:
        """``GET /v1/account/tenants`` (account key): the account's tenants."""
        with self._calling() as native:
            raw = native.list_tenants(False, correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def get_tenant(
        self,
        tenant_id: str,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Tenant]:
        """``GET /v1/account/tenants/{tenantId}`` (account key)."""
        with self._calling() as native:
            raw = native.get_tenant(False, tenant_id, correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def create_tenant(
        self,
        tenant: TenantSettings,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Tenant]:
        """``POST /v1/account/tenants`` (201, account key): the new tenant; never replayed once it may have
        been processed."""
        with self._calling() as native:
            raw = native.create_tenant(False, _models.request_arg(tenant, TenantSettings), correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def update_tenant(
        self,
        tenant_id: str,
        tenant: TenantSettings,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``PUT /v1/account/tenants/{tenantId}`` (204, account key): the tenant's name and address."""
        with self._calling() as native:
            raw = native.update_tenant(False, tenant_id, _models.request_arg(tenant, TenantSettings), correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    def list_account_tenant_keys(
        self,
        tenant_id: str,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[TenantKeyList]:
        """``GET /v1/account/tenants/{tenantId}/keys`` (account key): a tenant's keys."""
        with self._calling() as native:
            raw = native.list_account_tenant_keys(False, tenant_id, correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def get_account_tenant_key(
        self,
        tenant_id: str,
        public_key: str,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[ApiKey]:
        """``GET /v1/account/tenants/{tenantId}/keys/{publicKey}`` (account key)."""
        with self._calling() as native:
            raw = native.get_account_tenant_key(False, tenant_id, public_key, correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def create_account_tenant_key(
        self,
        tenant_id: str,
        key: ApiKeySettings,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[CreatedApiKey]:
        """``POST /v1/account/tenants/{tenantId}/keys`` (201, account key): a new key of the tenant with its
        private key, returned only this once; never replayed once it may have been processed."""
        with self._calling() as native:
            raw = native.create_account_tenant_key(False, tenant_id, _models.request_arg(key, ApiKeySettings), correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def update_account_tenant_key(
        self,
        tenant_id: str,
        public_key: str,
        key: ApiKeySettings,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``PUT /v1/account/tenants/{tenantId}/keys/{publicKey}`` (204, account key)."""
        with self._calling() as native:
            raw = native.update_account_tenant_key(False, tenant_id, public_key, _models.request_arg(key, ApiKeySettings), correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    def delete_account_tenant_key(
        self,
        tenant_id: str,
        public_key: str,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``DELETE /v1/account/tenants/{tenantId}/keys/{publicKey}`` (204, account key)."""
        with self._calling() as native:
            raw = native.delete_account_tenant_key(False, tenant_id, public_key, correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    def list_tenant_keys(
        self,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[TenantKeyList]:
        """``GET /v1/tenant/keys`` (tenant key): the tenant's own keys."""
        with self._calling() as native:
            raw = native.list_tenant_keys(False, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def get_tenant_key(
        self,
        public_key: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[ApiKey]:
        """``GET /v1/tenant/keys/{publicKey}`` (tenant key)."""
        with self._calling() as native:
            raw = native.get_tenant_key(False, public_key, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def create_tenant_key(
        self,
        key: ApiKeySettings,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[CreatedApiKey]:
        """``POST /v1/tenant/keys`` (201, tenant key): a new key of the tenant with its private key, returned
        only this once; never replayed once it may have been processed."""
        with self._calling() as native:
            raw = native.create_tenant_key(False, _models.request_arg(key, ApiKeySettings), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def update_tenant_key(
        self,
        public_key: str,
        key: ApiKeySettings,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``PUT /v1/tenant/keys/{publicKey}`` (204, tenant key)."""
        with self._calling() as native:
            raw = native.update_tenant_key(False, public_key, _models.request_arg(key, ApiKeySettings), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    def delete_tenant_key(
        self,
        public_key: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``DELETE /v1/tenant/keys/{publicKey}`` (204, tenant key)."""
        with self._calling() as native:
            raw = native.delete_tenant_key(False, public_key, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    def get_creditor_profiles_page(
        self,
        *,
        offset: Optional[int] = None,
        page_size: Optional[int] = None,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[CreditorProfilePage]:
        """``GET /v2/mandates/creditor-profiles?from=&take=``: one page of the tenant's creditor profiles
        with the list's totals; ``offset`` is the first row (``from``, default 0), ``page_size`` at most 1000
        (``take``, default 100). ``list_creditor_profiles`` walks every page."""
        with self._calling() as native:
            raw = native.get_creditor_profiles_page(False, offset, page_size, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def get_mandates_page(
        self,
        *,
        offset: Optional[int] = None,
        page_size: Optional[int] = None,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[MandatePage]:
        """``GET /v2/mandates?from=&take=`` (the reference's probable path): one page of the tenant's mandates
        with the list's totals; ``offset`` is the first row (``from``, default 0), ``page_size`` at most 1000
        (``take``, default 100). ``list_mandates`` walks every page."""
        with self._calling() as native:
            raw = native.get_mandates_page(False, offset, page_size, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def get_mandate(
        self,
        mandate_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Mandate]:
        """``GET /v2/mandates/{mandateId}`` (path assumed): one mandate."""
        with self._calling() as native:
            raw = native.get_mandate(False, mandate_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def create_mandate(
        self,
        mandate: NewMandate,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[CreatedMandate]:
        """``POST /v2/mandates`` (the reference's probable path; 201): creates a mandate and registers it with
        its network, answering its id, its financial instrument and the bank details check; never
        replayed once it may have been processed."""
        with self._calling() as native:
            raw = native.create_mandate(False, _models.request_arg(mandate, NewMandate), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def get_sepa_creditor_profile(
        self,
        creditor_profile_ref: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[SepaCreditorProfile]:
        """``GET /v2/mandates/creditor-profiles/sepa/{creditorProfileRef}`` (deprecated by Imburse; the paged
        ``get_creditor_profiles_page`` lists every network): one SEPA creditor profile."""
        with self._calling() as native:
            raw = native.get_sepa_creditor_profile(False, creditor_profile_ref, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def create_sepa_creditor_profile(
        self,
        profile: NewSepaCreditorProfile,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[SepaCreditorProfile]:
        """``POST /v2/mandates/creditor-profiles/sepa`` (deprecated by Imburse; 201): sets up a SEPA creditor
        profile and answers it with the reference the server gave it; never replayed once it may have
        been processed."""
        with self._calling() as native:
            raw = native.create_sepa_creditor_profile(False, _models.request_arg(profile, NewSepaCreditorProfile), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def get_bacs_creditor_profile(
        self,
        creditor_profile_ref: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[BacsCreditorProfile]:
        """``GET /v2/mandates/creditor-profiles/bacs/{creditorProfileRef}`` (deprecated by Imburse): one Bacs
        creditor profile."""
        with self._calling() as native:
            raw = native.get_bacs_creditor_profile(False, creditor_profile_ref, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def create_bacs_creditor_profile(
        self,
        profile: NewBacsCreditorProfile,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[BacsCreditorProfile]:
        """``POST /v2/mandates/creditor-profiles/bacs`` (deprecated by Imburse; 201): sets up a Bacs creditor
        profile and answers it with the reference the server gave it; never replayed once it may have
        been processed."""
        with self._calling() as native:
            raw = native.create_bacs_creditor_profile(False, _models.request_arg(profile, NewBacsCreditorProfile), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def get_becs_au_mandate(
        self,
        mandate_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Mandate]:
        """``GET /v2/mandates/becsau/{mandateId}`` (deprecated by Imburse; ``get_mandate`` reads any network): a
        BECS Australia mandate."""
        with self._calling() as native:
            raw = native.get_becs_au_mandate(False, mandate_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def get_becs_nz_mandate(
        self,
        mandate_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Mandate]:
        """``GET /v2/mandates/becsnz/{mandateId}`` (deprecated by Imburse; path assumed, the AU one's twin): a
        BECS New Zealand mandate."""
        with self._calling() as native:
            raw = native.get_becs_nz_mandate(False, mandate_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def create_checkout_session(
        self,
        session: NewCheckoutSession,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[CheckoutSession]:
        """``POST /v2/whitelabel/session-token`` (path assumed): a token to open the hosted checkout with for one
        instruction (the iframe's ``?token=``, or ``<imburse-checkout token>``), its expiry (epoch seconds) and
        session id. The token is a secret."""
        with self._calling() as native:
            raw = native.create_checkout_session(False, _models.request_arg(session, NewCheckoutSession), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def create_pay_by_link(
        self,
        link: NewPayByLink,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[PayByLink]:
        """``POST /v2/whitelabel/pay-by-link`` (path assumed; 201): Imburse sends the customer a link to the
        checkout by SMS or email; never replayed once it may have been sent."""
        with self._calling() as native:
            raw = native.create_pay_by_link(False, _models.request_arg(link, NewPayByLink), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def create_mandate_session(
        self,
        session: NewMandateSession,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[CheckoutSession]:
        """``POST /v1/whitelabel/mandate-management/session-token`` (path assumed): a token for a session in
        which the customer manages one of their mandates. The token is a secret."""
        with self._calling() as native:
            raw = native.create_mandate_session(False, _models.request_arg(session, NewMandateSession), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def list_marketplace_apps(
        self,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[MarketplaceAppList]:
        """``GET /v1/marketplace/apps`` (path from the 2019 docs): the app catalogue."""
        with self._calling() as native:
            raw = native.list_marketplace_apps(False, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def get_marketplace_app(
        self,
        app_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[MarketplaceApp]:
        """``GET /v1/marketplace/apps/{appId}`` (path from the 2019 docs)."""
        with self._calling() as native:
            raw = native.get_marketplace_app(False, app_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    def install_app(
        self,
        app_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``POST /v1/marketplace/apps/{appId}/install`` (path from the 2019 docs): one instance per tenant;
        installing an installed app changes nothing."""
        with self._calling() as native:
            raw = native.install_app(False, app_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    def configure_app(
        self,
        app_id: str,
        configuration: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``POST /v1/apps/installed/{appId}/configuration`` (path from the 2019 docs): the app's own settings,
        as JSON object text (e.g. Braintree's ``merchantId``, ``publicKey``, ``privateKey``, ``settings``)."""
        with self._calling() as native:
            raw = native.configure_app(False, app_id, configuration, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    def uninstall_app(
        self,
        app_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``POST /v1/apps/installed/{appId}/uninstall`` (path from the 2019 docs): refused while a scheme
        names the app."""
        with self._calling() as native:
            raw = native.uninstall_app(False, app_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    def list_creditor_profiles(
        self,
        page_size: Optional[int] = None,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Pager[CreditorProfilePage, CreditorProfile]:
        """Every creditor profile of the tenant, page by page (``GET /v2/mandates/creditor-profiles``), read
        lazily: the next page only when this one's profiles are used up. ``page_size`` at most 1000
        (default 100).
        
        ``for`` gives every item; ``pages()`` every page (``Response[…]``, with the list's totals)."""
        with self._calling() as native:
            pager = native.list_creditor_profiles(page_size, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return Pager(self, pager)

    def list_mandates(
        self,
        page_size: Optional[int] = None,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Pager[MandatePage, Mandate]:
        """Every mandate of the tenant, page by page (``GET /v2/mandates``), read lazily: the next page only
        when this one's mandates are used up. ``page_size`` at most 1000 (default 100).
        
        ``for`` gives every item; ``pages()`` every page (``Response[…]``, with the list's totals)."""
        with self._calling() as native:
            pager = native.list_mandates(page_size, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return Pager(self, pager)


class AsyncOperations(ClientBase):
    """Every operation as a coroutine on the core's own runtime."""

    async def authenticate(
        self,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> None:
        """Fetches and caches an access token now (e.g. to fail fast on bad credentials)."""
        with self._calling() as native:
            await native.authenticate(True, correlation_id, None, timeout, attempt_timeout, max_attempts)

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

    async def create_order_v2(
        self,
        order: NewOrder,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Created]:
        """``POST /v2/order-management``, as the Pay-by-Link guide creates orders: the same body and answers as
        ``create_order``."""
        with self._calling() as native:
            raw = await native.create_order_v2(True, _models.request_arg(order, NewOrder), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
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

    async def update_customer_default(
        self,
        order_ref: str,
        customer_ref: str,
        customer_default: CustomerDefault,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``PUT /v1/order-management/{orderRef}/customer-defaults/{customerRef}`` (202; path assumed): replaces
        what the order's later instructions for that customer inherit."""
        with self._calling() as native:
            raw = await native.update_customer_default(True, order_ref, customer_ref, _models.request_arg(customer_default, CustomerDefault), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    async def delete_customer_default(
        self,
        order_ref: str,
        customer_ref: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``DELETE /v1/order-management/{orderRef}/customer-defaults/{customerRef}`` (204; path assumed): the
        order's later instructions for that customer inherit nothing."""
        with self._calling() as native:
            raw = await native.delete_customer_default(True, order_ref, customer_ref, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
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

    async def wait_for_instruction(
        self,
        order_ref: str,
        instruction_ref: str,
        statuses: Sequence[str],
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Instruction]:
        """Reads the instruction until its status is one of ``statuses`` (e.g. ``SETTLED``, ``FAILED``), with the
        client's backoff between reads, until the call's timeout: then a timeout error
        (``INSTRUCTION_STATUS_NOT_REACHED``) naming the last status. For integrations without webhooks."""
        with self._calling() as native:
            raw = await native.wait_for_instruction(True, order_ref, instruction_ref, statuses, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
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

    async def forget_customer(
        self,
        customer_ref: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``DELETE /v2/customer-vault/{customerRef}`` (204; the reference's probable path, tenant-admin only):
        irrecoverably removes the customer's personal data, its metadata and financial instruments."""
        with self._calling() as native:
            raw = await native.forget_customer(True, customer_ref, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
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
        """``POST /v2/customer-vault/{customerRef}/wallet``: adds a stored instrument to the wallet (202)."""
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

    async def get_transaction(
        self,
        customer_ref: str,
        financial_instrument_id: str,
        transaction_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Transaction]:
        """``GET /v1/customer-vault/{customerRef}/financial-instrument/{id}/transaction/{transactionId}`` (the path
        an instruction's ``_links`` give): the transaction with its refunds and chargebacks."""
        with self._calling() as native:
            raw = await native.get_transaction(True, customer_ref, financial_instrument_id, transaction_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
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

    async def get_collect_scheme_published_draft(
        self,
        scheme_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[SchemeDraft]:
        """``GET /v1/schemes/collect/{schemeId}/drafts/published``: the draft in force (path assumed: the
        reference names the operation only)."""
        with self._calling() as native:
            raw = await native.get_collect_scheme_published_draft(True, scheme_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def get_collect_scheme_latest_draft(
        self,
        scheme_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[SchemeDraft]:
        """``GET /v1/schemes/collect/{schemeId}/drafts/latest``: the newest draft (path assumed)."""
        with self._calling() as native:
            raw = await native.get_collect_scheme_latest_draft(True, scheme_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def get_payout_scheme_published_draft(
        self,
        scheme_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[SchemeDraft]:
        """``GET /v1/schemes/payout/{schemeId}/drafts/published``: the draft in force (path assumed)."""
        with self._calling() as native:
            raw = await native.get_payout_scheme_published_draft(True, scheme_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def get_payout_scheme_latest_draft(
        self,
        scheme_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[SchemeDraft]:
        """``GET /v1/schemes/payout/{schemeId}/drafts/latest``: the newest draft (path assumed)."""
        with self._calling() as native:
            raw = await native.get_payout_scheme_latest_draft(True, scheme_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def get_payout_options(
        self,
        scheme_id: str,
        query: PayoutOptionsQuery,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[PayoutOptionList]:
        """``GET /v1/schemes/payout/{schemeId}/options?amount=&currency=&country=&matchType=``: the rewards the
        payout scheme offers for that amount."""
        with self._calling() as native:
            raw = await native.get_payout_options(True, scheme_id, _models.request_arg(query, PayoutOptionsQuery), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def get_account(
        self,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Account]:
        """``GET /v1/account`` (account key): the account, its billing contact and licence."""
        with self._calling() as native:
            raw = await native.get_account(True, correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def update_account(
        self,
        update: AccountUpdate,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``PUT /v1/account`` (204, account key)."""
        with self._calling() as native:
            raw = await native.update_account(True, _models.request_arg(update, AccountUpdate), correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    async def get_license_history(
        self,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[LicenseHistory]:
        """``GET /v1/account/license/history`` (account key; path assumed): the licences the account held."""
        with self._calling() as native:
            raw = await native.get_license_history(True, correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def request_license_upgrade(
        self,
        request: LicenseUpgradeRequest,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``POST /v1/account/license/upgrade`` (202, account key; path assumed): asks Imburse for a bigger
        licence; never replayed once it may have been processed."""
        with self._calling() as native:
            raw = await native.request_license_upgrade(True, _models.request_arg(request, LicenseUpgradeRequest), correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    async def get_ip_allow_list(
        self,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[IpAllowList]:
        """``GET /v1/account/ip-whitelist`` (account key; path assumed): the IPv4 ranges API-key callers may
        come from."""
        with self._calling() as native:
            raw = await native.get_ip_allow_list(True, correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def update_ip_allow_list(
        self,
        allow_list: IpAllowListUpdate,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``PUT /v1/account/ip-whitelist`` (204, account key; path assumed): replaces the allow list."""
        with self._calling() as native:
            raw = await native.update_ip_allow_list(True, _models.request_arg(allow_list, IpAllowListUpdate), correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    async def list_account_keys(
        self,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[AccountKeyList]:
        """``GET /v1/account/keys`` (account key): the account's keys, never their private keys."""
        with self._calling() as native:
            raw = await native.list_account_keys(True, correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def get_account_key(
        self,
        public_key: str,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[ApiKey]:
        """``GET /v1/account/keys/{publicKey}`` (account key)."""
        with self._calling() as native:
            raw = await native.get_account_key(True, public_key, correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def create_account_key(
        self,
        key: ApiKeySettings,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[CreatedApiKey]:
        """``POST /v1/account/keys`` (201, account key): the new key with its private key, returned only
        this once; never replayed once it may have been processed."""
        with self._calling() as native:
            raw = await native.create_account_key(True, _models.request_arg(key, ApiKeySettings), correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def update_account_key(
        self,
        public_key: str,
        key: ApiKeySettings,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``PUT /v1/account/keys/{publicKey}`` (204, account key): the key's name and roles."""
        with self._calling() as native:
            raw = await native.update_account_key(True, public_key, _models.request_arg(key, ApiKeySettings), correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    async def delete_account_key(
        self,
        public_key: str,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``DELETE /v1/account/keys/{publicKey}`` (204, account key)."""
        with self._calling() as native:
            raw = await native.delete_account_key(True, public_key, correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    async def list_tenants(
        self,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[TenantList]:
        """``GET /v1/account/tenants`` (account key): the account's tenants."""
        with self._calling() as native:
            raw = await native.list_tenants(True, correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def get_tenant(
        self,
        tenant_id: str,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Tenant]:
        """``GET /v1/account/tenants/{tenantId}`` (account key)."""
        with self._calling() as native:
            raw = await native.get_tenant(True, tenant_id, correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def create_tenant(
        self,
        tenant: TenantSettings,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Tenant]:
        """``POST /v1/account/tenants`` (201, account key): the new tenant; never replayed once it may have
        been processed."""
        with self._calling() as native:
            raw = await native.create_tenant(True, _models.request_arg(tenant, TenantSettings), correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def update_tenant(
        self,
        tenant_id: str,
        tenant: TenantSettings,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``PUT /v1/account/tenants/{tenantId}`` (204, account key): the tenant's name and address."""
        with self._calling() as native:
            raw = await native.update_tenant(True, tenant_id, _models.request_arg(tenant, TenantSettings), correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    async def list_account_tenant_keys(
        self,
        tenant_id: str,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[TenantKeyList]:
        """``GET /v1/account/tenants/{tenantId}/keys`` (account key): a tenant's keys."""
        with self._calling() as native:
            raw = await native.list_account_tenant_keys(True, tenant_id, correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def get_account_tenant_key(
        self,
        tenant_id: str,
        public_key: str,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[ApiKey]:
        """``GET /v1/account/tenants/{tenantId}/keys/{publicKey}`` (account key)."""
        with self._calling() as native:
            raw = await native.get_account_tenant_key(True, tenant_id, public_key, correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def create_account_tenant_key(
        self,
        tenant_id: str,
        key: ApiKeySettings,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[CreatedApiKey]:
        """``POST /v1/account/tenants/{tenantId}/keys`` (201, account key): a new key of the tenant with its
        private key, returned only this once; never replayed once it may have been processed."""
        with self._calling() as native:
            raw = await native.create_account_tenant_key(True, tenant_id, _models.request_arg(key, ApiKeySettings), correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def update_account_tenant_key(
        self,
        tenant_id: str,
        public_key: str,
        key: ApiKeySettings,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``PUT /v1/account/tenants/{tenantId}/keys/{publicKey}`` (204, account key)."""
        with self._calling() as native:
            raw = await native.update_account_tenant_key(True, tenant_id, public_key, _models.request_arg(key, ApiKeySettings), correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    async def delete_account_tenant_key(
        self,
        tenant_id: str,
        public_key: str,
        *,
        correlation_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``DELETE /v1/account/tenants/{tenantId}/keys/{publicKey}`` (204, account key)."""
        with self._calling() as native:
            raw = await native.delete_account_tenant_key(True, tenant_id, public_key, correlation_id, None, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    async def list_tenant_keys(
        self,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[TenantKeyList]:
        """``GET /v1/tenant/keys`` (tenant key): the tenant's own keys."""
        with self._calling() as native:
            raw = await native.list_tenant_keys(True, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def get_tenant_key(
        self,
        public_key: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[ApiKey]:
        """``GET /v1/tenant/keys/{publicKey}`` (tenant key)."""
        with self._calling() as native:
            raw = await native.get_tenant_key(True, public_key, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def create_tenant_key(
        self,
        key: ApiKeySettings,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[CreatedApiKey]:
        """``POST /v1/tenant/keys`` (201, tenant key): a new key of the tenant with its private key, returned
        only this once; never replayed once it may have been processed."""
        with self._calling() as native:
            raw = await native.create_tenant_key(True, _models.request_arg(key, ApiKeySettings), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def update_tenant_key(
        self,
        public_key: str,
        key: ApiKeySettings,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``PUT /v1/tenant/keys/{publicKey}`` (204, tenant key)."""
        with self._calling() as native:
            raw = await native.update_tenant_key(True, public_key, _models.request_arg(key, ApiKeySettings), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    async def delete_tenant_key(
        self,
        public_key: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``DELETE /v1/tenant/keys/{publicKey}`` (204, tenant key)."""
        with self._calling() as native:
            raw = await native.delete_tenant_key(True, public_key, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    async def get_creditor_profiles_page(
        self,
        *,
        offset: Optional[int] = None,
        page_size: Optional[int] = None,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[CreditorProfilePage]:
        """``GET /v2/mandates/creditor-profiles?from=&take=``: one page of the tenant's creditor profiles
        with the list's totals; ``offset`` is the first row (``from``, default 0), ``page_size`` at most 1000
        (``take``, default 100). ``list_creditor_profiles`` walks every page."""
        with self._calling() as native:
            raw = await native.get_creditor_profiles_page(True, offset, page_size, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def get_mandates_page(
        self,
        *,
        offset: Optional[int] = None,
        page_size: Optional[int] = None,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[MandatePage]:
        """``GET /v2/mandates?from=&take=`` (the reference's probable path): one page of the tenant's mandates
        with the list's totals; ``offset`` is the first row (``from``, default 0), ``page_size`` at most 1000
        (``take``, default 100). ``list_mandates`` walks every page."""
        with self._calling() as native:
            raw = await native.get_mandates_page(True, offset, page_size, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def get_mandate(
        self,
        mandate_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Mandate]:
        """``GET /v2/mandates/{mandateId}`` (path assumed): one mandate."""
        with self._calling() as native:
            raw = await native.get_mandate(True, mandate_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def create_mandate(
        self,
        mandate: NewMandate,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[CreatedMandate]:
        """``POST /v2/mandates`` (the reference's probable path; 201): creates a mandate and registers it with
        its network, answering its id, its financial instrument and the bank details check; never
        replayed once it may have been processed."""
        with self._calling() as native:
            raw = await native.create_mandate(True, _models.request_arg(mandate, NewMandate), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def get_sepa_creditor_profile(
        self,
        creditor_profile_ref: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[SepaCreditorProfile]:
        """``GET /v2/mandates/creditor-profiles/sepa/{creditorProfileRef}`` (deprecated by Imburse; the paged
        ``get_creditor_profiles_page`` lists every network): one SEPA creditor profile."""
        with self._calling() as native:
            raw = await native.get_sepa_creditor_profile(True, creditor_profile_ref, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def create_sepa_creditor_profile(
        self,
        profile: NewSepaCreditorProfile,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[SepaCreditorProfile]:
        """``POST /v2/mandates/creditor-profiles/sepa`` (deprecated by Imburse; 201): sets up a SEPA creditor
        profile and answers it with the reference the server gave it; never replayed once it may have
        been processed."""
        with self._calling() as native:
            raw = await native.create_sepa_creditor_profile(True, _models.request_arg(profile, NewSepaCreditorProfile), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def get_bacs_creditor_profile(
        self,
        creditor_profile_ref: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[BacsCreditorProfile]:
        """``GET /v2/mandates/creditor-profiles/bacs/{creditorProfileRef}`` (deprecated by Imburse): one Bacs
        creditor profile."""
        with self._calling() as native:
            raw = await native.get_bacs_creditor_profile(True, creditor_profile_ref, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def create_bacs_creditor_profile(
        self,
        profile: NewBacsCreditorProfile,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[BacsCreditorProfile]:
        """``POST /v2/mandates/creditor-profiles/bacs`` (deprecated by Imburse; 201): sets up a Bacs creditor
        profile and answers it with the reference the server gave it; never replayed once it may have
        been processed."""
        with self._calling() as native:
            raw = await native.create_bacs_creditor_profile(True, _models.request_arg(profile, NewBacsCreditorProfile), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def get_becs_au_mandate(
        self,
        mandate_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Mandate]:
        """``GET /v2/mandates/becsau/{mandateId}`` (deprecated by Imburse; ``get_mandate`` reads any network): a
        BECS Australia mandate."""
        with self._calling() as native:
            raw = await native.get_becs_au_mandate(True, mandate_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def get_becs_nz_mandate(
        self,
        mandate_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[Mandate]:
        """``GET /v2/mandates/becsnz/{mandateId}`` (deprecated by Imburse; path assumed, the AU one's twin): a
        BECS New Zealand mandate."""
        with self._calling() as native:
            raw = await native.get_becs_nz_mandate(True, mandate_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def create_checkout_session(
        self,
        session: NewCheckoutSession,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[CheckoutSession]:
        """``POST /v2/whitelabel/session-token`` (path assumed): a token to open the hosted checkout with for one
        instruction (the iframe's ``?token=``, or ``<imburse-checkout token>``), its expiry (epoch seconds) and
        session id. The token is a secret."""
        with self._calling() as native:
            raw = await native.create_checkout_session(True, _models.request_arg(session, NewCheckoutSession), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def create_pay_by_link(
        self,
        link: NewPayByLink,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[PayByLink]:
        """``POST /v2/whitelabel/pay-by-link`` (path assumed; 201): Imburse sends the customer a link to the
        checkout by SMS or email; never replayed once it may have been sent."""
        with self._calling() as native:
            raw = await native.create_pay_by_link(True, _models.request_arg(link, NewPayByLink), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def create_mandate_session(
        self,
        session: NewMandateSession,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[CheckoutSession]:
        """``POST /v1/whitelabel/mandate-management/session-token`` (path assumed): a token for a session in
        which the customer manages one of their mandates. The token is a secret."""
        with self._calling() as native:
            raw = await native.create_mandate_session(True, _models.request_arg(session, NewMandateSession), correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def list_marketplace_apps(
        self,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[MarketplaceAppList]:
        """``GET /v1/marketplace/apps`` (path from the 2019 docs): the app catalogue."""
        with self._calling() as native:
            raw = await native.list_marketplace_apps(True, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def get_marketplace_app(
        self,
        app_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response[MarketplaceApp]:
        """``GET /v1/marketplace/apps/{appId}`` (path from the 2019 docs)."""
        with self._calling() as native:
            raw = await native.get_marketplace_app(True, app_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _response(raw)

    async def install_app(
        self,
        app_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``POST /v1/marketplace/apps/{appId}/install`` (path from the 2019 docs): one instance per tenant;
        installing an installed app changes nothing."""
        with self._calling() as native:
            raw = await native.install_app(True, app_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    async def configure_app(
        self,
        app_id: str,
        configuration: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``POST /v1/apps/installed/{appId}/configuration`` (path from the 2019 docs): the app's own settings,
        as JSON object text (e.g. Braintree's ``merchantId``, ``publicKey``, ``privateKey``, ``settings``)."""
        with self._calling() as native:
            raw = await native.configure_app(True, app_id, configuration, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    async def uninstall_app(
        self,
        app_id: str,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> ResponseMeta:
        """``POST /v1/apps/installed/{appId}/uninstall`` (path from the 2019 docs): refused while a scheme
        names the app."""
        with self._calling() as native:
            raw = await native.uninstall_app(True, app_id, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return _meta(raw)

    def list_creditor_profiles(
        self,
        page_size: Optional[int] = None,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> AsyncPager[CreditorProfilePage, CreditorProfile]:
        """Every creditor profile of the tenant, page by page (``GET /v2/mandates/creditor-profiles``), read
        lazily: the next page only when this one's profiles are used up. ``page_size`` at most 1000
        (default 100).
        
        ``async for`` gives every item; ``pages()`` every page (``Response[…]``, with the list's totals)."""
        with self._calling() as native:
            pager = native.list_creditor_profiles(page_size, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return AsyncPager(self, pager)

    def list_mandates(
        self,
        page_size: Optional[int] = None,
        *,
        correlation_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> AsyncPager[MandatePage, Mandate]:
        """Every mandate of the tenant, page by page (``GET /v2/mandates``), read lazily: the next page only
        when this one's mandates are used up. ``page_size`` at most 1000 (default 100).
        
        ``async for`` gives every item; ``pages()`` every page (``Response[…]``, with the list's totals)."""
        with self._calling() as native:
            pager = native.list_mandates(page_size, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)
        return AsyncPager(self, pager)
