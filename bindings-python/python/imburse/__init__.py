"""The Imburse Payments API client for Python, backed by the SDK's Rust core.

``imburse.Client`` blocks, ``imburse.AsyncClient`` is for asyncio; both offer the same methods
and raise subclasses of ``imburse.ImburseError``. Attempts are logged to the ``imburse`` logger.
"""

from . import _native
from ._client import AsyncClient, Client
from ._errors import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ClientClosedError,
    ConflictError,
    ErrorEntry,
    ImburseError,
    InvalidRequestError,
    InvalidResponseError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RequestFailedError,
    ServerError,
)
from ._models import (
    Capabilities,
    Created,
    CreatedInstrument,
    Customer,
    CustomerDefault,
    CustomerDefaultView,
    Direction,
    Environment,
    FinancialInstrument,
    Instruction,
    InstrumentAssignment,
    NewInstruction,
    Order,
    Response,
    ResponseMeta,
    SchemeAssignment,
    Transaction,
    Link,
    Wallet,
)

#: The package version (the SDK version the User-Agent names).
__version__: str = _native.__version__

__all__ = [
    "__version__",
    "Client",
    "AsyncClient",
    "Environment",
    "Direction",
    "NewInstruction",
    "CustomerDefault",
    "Response",
    "ResponseMeta",
    "Created",
    "Order",
    "Instruction",
    "InstrumentAssignment",
    "SchemeAssignment",
    "Transaction",
    "Link",
    "CustomerDefaultView",
    "Customer",
    "FinancialInstrument",
    "Capabilities",
    "Wallet",
    "CreatedInstrument",
    "ErrorEntry",
    "ImburseError",
    "BadRequestError",
    "AuthenticationError",
    "RequestFailedError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "RateLimitError",
    "ServerError",
    "APITimeoutError",
    "APIConnectionError",
    "InvalidResponseError",
    "InvalidRequestError",
    "ConfigurationError",
    "ClientClosedError",
]
