"""The typed values the SDK takes and returns.

Requests (``NewOrder``, ``NewInstruction``, …, in ``_requests.py``) are dataclasses generated
from the core's declaration; responses are the core's models, Python classes derived in the
Rust core. Amounts are ``decimal.Decimal``
(never floats), timestamps are timezone-aware UTC ``datetime`` objects, dates are the ``YYYY-MM-DD``
text the API sent, and metadata is ``dict[str, str]``. Every model has ``to_dict()``.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import decimal
import enum
from dataclasses import dataclass
from typing import Any, Dict, Generic, Iterable, Mapping, TypeVar, Union

from . import _native

__all__ = [
    "Direction",
    "Environment",
    "ResponseMeta",
    "Response",
    "Created",
    "InstrumentAssignment",
    "SchemeAssignment",
    "Transaction",
    "TransactionApp",
    "Refund",
    "Chargeback",
    "Link",
    "Instruction",
    "CustomerDefaultView",
    "Order",
    "Capabilities",
    "FinancialInstrument",
    "Customer",
    "Wallet",
    "CreatedInstrument",
    "Scheme",
    "SchemeDraft",
    "SchemeRule",
    "SchemeApp",
    "Currency",
    "Country",
    "SchemeList",
    "Account",
    "Address",
    "License",
    "ApiKey",
    "CreatedApiKey",
    "AccountKeyList",
    "TenantKeyList",
    "Tenant",
    "TenantList",
    "Secret",
    "PayoutOption",
    "PayoutOptionApp",
    "PayoutOptionList",
    "LicenseHistory",
    "LicenseHistoryEntry",
    "IpAllowList",
    "IpRule",
    "MarketplaceApp",
    "MarketplaceAppList",
    "PaymentMethod",
    "CreditorProfile",
    "CreditorProfilePage",
    "Mandate",
    "MandatePage",
    "CreatedMandate",
    "CreditorAddress",
    "SepaCreditorProfile",
    "BacsCreditorProfile",
    "VerificationCheck",
    "CheckoutSession",
    "PayByLink",
]

T = TypeVar("T")

#: What a request's amount may be given as: exact values only (a float is refused with
#: TypeError).
AmountInput = Union[decimal.Decimal, str, int]



class Direction(str, enum.Enum):
    """Money in (``DEBIT``, a collection) or out (``CREDIT``, a payout)."""

    DEBIT = "DEBIT"
    CREDIT = "CREDIT"

    def __str__(self) -> str:
        return self.value


class Environment(str, enum.Enum):
    """The Imburse deployments; any other endpoint is given as ``base_url``."""

    SANDBOX = "sandbox"
    PRODUCTION = "production"

    def __str__(self) -> str:
        return self.value


class _Model:
    def to_dict(self) -> Dict[str, Any]:
        """The model as plain dicts, lists and values (amounts stay ``Decimal``, timestamps
        ``datetime``)."""
        return dataclasses.asdict(self)  # type: ignore[call-overload, no-any-return]


# ------------------------------------------------------------------------------------ requests
#
# The request dataclasses are generated from the core's declaration (``_requests.py``); what is
# written here is how any of them becomes the dict the native module reads into the core's type.


def request_arg(value: Any, model: type) -> Dict[str, Any]:
    """``value`` (an instance of the request dataclass ``model``) as plain values by field name:
    nested requests as dicts, dates as ``YYYY-MM-DD``, iterables as lists, mappings as dicts.
    Amounts and directions pass as they are: the core takes them (and refuses a float)."""
    if not isinstance(value, model):
        raise TypeError(f"expected imburse.{model.__name__}, not {type(value).__name__}")
    return _fields(value)


def _fields(value: Any) -> Dict[str, Any]:
    return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}


def _plain(value: Any) -> Any:
    if isinstance(value, _Model):
        return _fields(value)
    if value is None or isinstance(value, (str, bytes, int, float, decimal.Decimal)):
        return value
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, Iterable):
        return [_plain(item) for item in value]
    return value


# ----------------------------------------------------------------------------------- responses
#
# The response models are the core's own types, derived as Python classes in the Rust core
# (frozen, compared by value, built by keyword, with ``repr()`` and ``to_dict()``): amounts are
# ``Decimal``, timestamps aware UTC ``datetime``, the direction a ``Direction``. Only the generic
# ``Response`` wrapper is written here.

ResponseMeta = _native.ResponseMeta
Created = _native.Created
InstrumentAssignment = _native.InstrumentAssignment
SchemeAssignment = _native.SchemeAssignment
Transaction = _native.Transaction
TransactionApp = _native.TransactionApp
Refund = _native.Refund
Chargeback = _native.Chargeback
Link = _native.Link
Instruction = _native.Instruction
CustomerDefaultView = _native.CustomerDefaultView
Order = _native.Order
Capabilities = _native.Capabilities
FinancialInstrument = _native.FinancialInstrument
Customer = _native.Customer
Wallet = _native.Wallet
CreatedInstrument = _native.CreatedInstrument
Scheme = _native.Scheme
SchemeDraft = _native.SchemeDraft
SchemeRule = _native.SchemeRule
SchemeApp = _native.SchemeApp
Currency = _native.Currency
Country = _native.Country
SchemeList = _native.SchemeList
Account = _native.Account
Address = _native.Address
License = _native.License
ApiKey = _native.ApiKey
CreatedApiKey = _native.CreatedApiKey
AccountKeyList = _native.AccountKeyList
TenantKeyList = _native.TenantKeyList
Tenant = _native.Tenant
TenantList = _native.TenantList
Secret = _native.Secret
PayoutOption = _native.PayoutOption
PayoutOptionApp = _native.PayoutOptionApp
PayoutOptionList = _native.PayoutOptionList
LicenseHistory = _native.LicenseHistory
LicenseHistoryEntry = _native.LicenseHistoryEntry
IpAllowList = _native.IpAllowList
IpRule = _native.IpRule
MarketplaceApp = _native.MarketplaceApp
MarketplaceAppList = _native.MarketplaceAppList
PaymentMethod = _native.PaymentMethod
CreditorProfile = _native.CreditorProfile
CreditorProfilePage = _native.CreditorProfilePage
Mandate = _native.Mandate
MandatePage = _native.MandatePage
CreatedMandate = _native.CreatedMandate
CreditorAddress = _native.CreditorAddress
SepaCreditorProfile = _native.SepaCreditorProfile
BacsCreditorProfile = _native.BacsCreditorProfile
VerificationCheck = _native.VerificationCheck
CheckoutSession = _native.CheckoutSession
PayByLink = _native.PayByLink


@dataclass(frozen=True)
class Response(Generic[T]):
    """What a call returned (``data``) and how it went (``meta``)."""

    data: T
    meta: ResponseMeta

    def to_dict(self) -> Dict[str, Any]:
        """``data`` and ``meta`` as plain dicts, lists and values."""
        data = self.data.to_dict() if hasattr(self.data, "to_dict") else self.data
        return {"data": data, "meta": self.meta.to_dict()}
