# Types of the native extension module `imburse._native` (checked against it by mypy.stubtest).
# Dicts cross the boundary; the TypedDicts below name their keys. They exist only for type
# checking, hence the leading underscore.

from typing import Awaitable, Dict, List, Literal, Optional, TypedDict, final, overload

__all__ = ["__version__", "CORE_VERSION", "NativeError", "NativeClient", "shutdown"]

__version__: str
CORE_VERSION: str

class NativeError(Exception): ...

def shutdown() -> None: ...

class _ErrorEntry(TypedDict):
    code: str
    message: str
    message_template: Optional[str]
    metadata: Dict[str, str]

class _ErrorReport(TypedDict):
    kind: str
    text: str
    detail: str
    status: Optional[int]
    code: Optional[str]
    errors: List[_ErrorEntry]
    correlation_id: Optional[str]
    client_correlation_id: Optional[str]
    attempts: int
    retry_after: Optional[float]
    raw_body: Optional[str]

class _AttemptEvent(TypedDict):
    operation: str
    method: str
    path: str
    attempt: int
    status: Optional[int]
    elapsed: float
    client_correlation_id: str
    server_correlation_id: Optional[str]
    outcome: str
    detail: str

class _MobileArg(TypedDict):
    country_code: str
    phone_number: str

class _InstructionArg(TypedDict):
    instruction_ref: str
    customer_ref: str
    direction: str
    amount: str
    currency: str
    country: str
    settled_by_date: Optional[str]
    scheme_id: Optional[str]
    financial_instrument_id: Optional[str]
    metadata: Dict[str, str]

class _CustomerDefaultArg(TypedDict):
    financial_instrument_id: Optional[str]
    scheme_id: Optional[str]
    metadata: Dict[str, str]

class _OrderArg(TypedDict):
    order_ref: str
    instructions: List[_InstructionArg]
    metadata: Dict[str, str]
    customer_defaults: Dict[str, _CustomerDefaultArg]

class _MetaData(TypedDict):
    status: int
    attempts: int
    client_correlation_id: str

class _CreatedData(TypedDict):
    status: int
    reconciled: bool

class _InstrumentAssignmentData(TypedDict):
    financial_instrument_id: Optional[str]
    source: Optional[str]
    can_update: Optional[bool]

class _SchemeAssignmentData(TypedDict):
    scheme_id: Optional[str]
    source: Optional[str]
    can_update: Optional[bool]

class _TransactionData(TypedDict):
    transaction_id: Optional[str]
    status: Optional[str]
    amount: Optional[str]
    net_amount: Optional[str]
    created_timestamp: Optional[int]
    last_updated_timestamp: Optional[int]

class _InstructionData(TypedDict):
    order_ref: Optional[str]
    instruction_ref: Optional[str]
    customer_ref: Optional[str]
    direction: str
    status: str
    amount: str
    currency: str
    country: Optional[str]
    settled_by_date: Optional[str]
    forecasted_settlement_date: Optional[str]
    actual_settlement_date: Optional[str]
    execution_timestamp: Optional[int]
    financial_instrument: Optional[_InstrumentAssignmentData]
    scheme: Optional[_SchemeAssignmentData]
    metadata: Dict[str, str]
    transaction: Optional[_TransactionData]
    created: Optional[int]
    last_updated: Optional[int]
    links: Dict[str, _LinkData]

class _LinkData(TypedDict):
    href: str
    name: Optional[str]

class _CustomerDefaultData(TypedDict):
    financial_instrument: Optional[_InstrumentAssignmentData]
    scheme: Optional[_SchemeAssignmentData]
    metadata: Dict[str, str]

class _OrderData(TypedDict):
    order_ref: str
    metadata: Dict[str, str]
    customer_defaults: Dict[str, _CustomerDefaultData]
    instructions: List[_InstructionData]
    created: Optional[int]
    last_updated: Optional[int]

class _CapabilitiesData(TypedDict):
    value_type: Optional[str]
    usage_type: Optional[str]
    can_credit: Optional[bool]
    can_debit: Optional[bool]

_FinancialInstrumentData = TypedDict(
    "_FinancialInstrumentData",
    {
        "id": str,
        "type": Optional[str],
        "status": Optional[str],
        "display_name": Optional[str],
        "created_timestamp": Optional[int],
        "authorization_source": Optional[str],
        "details": Dict[str, str],
        "capabilities": Optional[_CapabilitiesData],
        "in_wallet": Optional[bool],
    },
)

class _CustomerData(TypedDict):
    customer_ref: str
    status: Optional[str]
    metadata: Dict[str, str]
    financial_instruments: List[_FinancialInstrumentData]
    created: Optional[int]

class _WalletData(TypedDict):
    financial_instruments: List[_FinancialInstrumentData]

class _CreatedInstrumentData(TypedDict):
    id: str

class _CreatedResponse(TypedDict):
    data: _CreatedData
    meta: _MetaData

class _OrderResponse(TypedDict):
    data: _OrderData
    meta: _MetaData

class _InstructionResponse(TypedDict):
    data: _InstructionData
    meta: _MetaData

class _CustomerResponse(TypedDict):
    data: _CustomerData
    meta: _MetaData

class _FinancialInstrumentResponse(TypedDict):
    data: _FinancialInstrumentData
    meta: _MetaData

class _WalletResponse(TypedDict):
    data: _WalletData
    meta: _MetaData

class _CreatedInstrumentResponse(TypedDict):
    data: _CreatedInstrumentData
    meta: _MetaData

class _Settings(TypedDict):
    environment: str
    base_url: str
    public_key: str
    account_id: str
    tenant_id: Optional[str]
    user_agent: str

# (operation, method, path, attempt, status, elapsed_ms, client_correlation_id,
#  server_correlation_id, outcome)

@final
class NativeClient:
    def __new__(
        cls,
        *,
        from_env: bool,
        environment: Optional[str],
        base_url: Optional[str],
        public_key: Optional[str],
        private_key: Optional[str],
        account_id: Optional[str],
        tenant_id: Optional[str],
        connect_timeout: Optional[float],
        attempt_timeout: Optional[float],
        call_timeout: Optional[float],
        max_attempts: Optional[int],
        backoff_base: Optional[float],
        backoff_cap: Optional[float],
        retry_after_cap: Optional[float],
        token_refresh_margin: Optional[float],
        proxy: Optional[str],
        use_env_proxy: Optional[bool],
    ) -> NativeClient: ...
    def settings(self) -> _Settings: ...
    def close(self) -> None: ...
    @property
    def closed(self) -> bool: ...
    def take_events(self) -> List[_AttemptEvent]: ...
    @overload
    def authenticate(
        self, asynchronous: Literal[False], correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> None: ...
    @overload
    def authenticate(
        self, asynchronous: Literal[True], correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> Awaitable[None]: ...
    @overload
    def create_order(
        self, asynchronous: Literal[False], order: _OrderArg, correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> _CreatedResponse: ...
    @overload
    def create_order(
        self, asynchronous: Literal[True], order: _OrderArg, correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> Awaitable[_CreatedResponse]: ...
    @overload
    def get_order(
        self, asynchronous: Literal[False], order_ref: str, correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> _OrderResponse: ...
    @overload
    def get_order(
        self, asynchronous: Literal[True], order_ref: str, correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> Awaitable[_OrderResponse]: ...
    @overload
    def update_order_metadata(
        self, asynchronous: Literal[False], order_ref: str, metadata: Dict[str, str], correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> _MetaData: ...
    @overload
    def update_order_metadata(
        self, asynchronous: Literal[True], order_ref: str, metadata: Dict[str, str], correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> Awaitable[_MetaData]: ...
    @overload
    def create_instruction(
        self, asynchronous: Literal[False], order_ref: str, instruction: _InstructionArg, correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> _CreatedResponse: ...
    @overload
    def create_instruction(
        self, asynchronous: Literal[True], order_ref: str, instruction: _InstructionArg, correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> Awaitable[_CreatedResponse]: ...
    @overload
    def get_instruction(
        self, asynchronous: Literal[False], order_ref: str, instruction_ref: str, correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> _InstructionResponse: ...
    @overload
    def get_instruction(
        self, asynchronous: Literal[True], order_ref: str, instruction_ref: str, correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> Awaitable[_InstructionResponse]: ...
    @overload
    def cancel_instruction(
        self, asynchronous: Literal[False], order_ref: str, instruction_ref: str, reason: Optional[str], correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> _MetaData: ...
    @overload
    def cancel_instruction(
        self, asynchronous: Literal[True], order_ref: str, instruction_ref: str, reason: Optional[str], correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> Awaitable[_MetaData]: ...
    @overload
    def get_customer(
        self, asynchronous: Literal[False], customer_ref: str, correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> _CustomerResponse: ...
    @overload
    def get_customer(
        self, asynchronous: Literal[True], customer_ref: str, correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> Awaitable[_CustomerResponse]: ...
    @overload
    def get_or_create_customer(
        self, asynchronous: Literal[False], customer_ref: str, correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> _CustomerResponse: ...
    @overload
    def get_or_create_customer(
        self, asynchronous: Literal[True], customer_ref: str, correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> Awaitable[_CustomerResponse]: ...
    @overload
    def update_customer_metadata(
        self, asynchronous: Literal[False], customer_ref: str, metadata: Dict[str, str], correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> _MetaData: ...
    @overload
    def update_customer_metadata(
        self, asynchronous: Literal[True], customer_ref: str, metadata: Dict[str, str], correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> Awaitable[_MetaData]: ...
    @overload
    def add_mobile_instrument(
        self, asynchronous: Literal[False], customer_ref: str, mobile: _MobileArg, correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> _CreatedInstrumentResponse: ...
    @overload
    def add_mobile_instrument(
        self, asynchronous: Literal[True], customer_ref: str, mobile: _MobileArg, correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> Awaitable[_CreatedInstrumentResponse]: ...
    @overload
    def get_financial_instrument(
        self, asynchronous: Literal[False], customer_ref: str, financial_instrument_id: str, correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> _FinancialInstrumentResponse: ...
    @overload
    def get_financial_instrument(
        self, asynchronous: Literal[True], customer_ref: str, financial_instrument_id: str, correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> Awaitable[_FinancialInstrumentResponse]: ...
    @overload
    def get_wallet(
        self, asynchronous: Literal[False], customer_ref: str, correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> _WalletResponse: ...
    @overload
    def get_wallet(
        self, asynchronous: Literal[True], customer_ref: str, correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> Awaitable[_WalletResponse]: ...
    @overload
    def add_to_wallet(
        self, asynchronous: Literal[False], customer_ref: str, financial_instrument_id: str, reason: Optional[str], correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> _MetaData: ...
    @overload
    def add_to_wallet(
        self, asynchronous: Literal[True], customer_ref: str, financial_instrument_id: str, reason: Optional[str], correlation_id: Optional[str], tenant_id: Optional[str]
    ) -> Awaitable[_MetaData]: ...
