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
from ._requests import (
    CustomerDefault,
    NewInstruction,
    NewMobileInstrument,
    NewOrder,
    NewScheme,
    NewSchemeApp,
    NewSchemeRule,
)
from ._models import (
    Capabilities,
    Created,
    CreatedInstrument,
    Customer,
    CustomerDefaultView,
    Direction,
    Environment,
    FinancialInstrument,
    Instruction,
    InstrumentAssignment,
    Order,
    Response,
    ResponseMeta,
    SchemeAssignment,
    Transaction,
    Link,
    Wallet,
    Scheme,
    SchemeDraft,
    SchemeRule,
    SchemeApp,
    Currency,
    Country,
    SchemeList,
)

#: The package version (the SDK version the User-Agent names).
__version__: str = _native.__version__

__all__ = [
    "__version__",
    "Client",
    "AsyncClient",
    "Environment",
    "Direction",
    "NewOrder",
    "NewInstruction",
    "NewMobileInstrument",
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
    "NewScheme",
    "NewSchemeRule",
    "NewSchemeApp",
    "Scheme",
    "SchemeDraft",
    "SchemeRule",
    "SchemeApp",
    "Currency",
    "Country",
    "SchemeList",
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

# The exception classes present themselves as `imburse.X` (in tracebacks and `repr`), where
# callers catch them; the core's classes are `imburse.X` already. The dataclasses keep their
# own module, where their annotations resolve (`typing.get_type_hints`).
for _name in __all__:
    _public = globals()[_name]
    if isinstance(_public, type) and issubclass(_public, BaseException):
        _public.__module__ = __name__
del _name, _public
