"""The typed values the SDK takes and returns.

Requests (``NewInstruction``, ``CustomerDefault``) are what a caller builds; responses are
the core's models, Python classes derived in the Rust core. Amounts are ``decimal.Decimal``
(never floats), timestamps are timezone-aware UTC ``datetime`` objects, dates are the ``YYYY-MM-DD``
text the API sent, and metadata is ``dict[str, str]``. Every model has ``to_dict()``.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import decimal
import enum
from dataclasses import dataclass, field
from typing import Any, Dict, Generic, Iterable, Mapping, Optional, TypeVar, Union

from . import _native

__all__ = [
    "Direction",
    "Environment",
    "NewOrder",
    "NewInstruction",
    "NewMobileInstrument",
    "NewScheme",
    "NewSchemeRule",
    "NewSchemeApp",
    "CustomerDefault",
    "ResponseMeta",
    "Response",
    "Created",
    "InstrumentAssignment",
    "SchemeAssignment",
    "Transaction",
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
]

T = TypeVar("T")

#: What an amount may be given as: exact values only (a float is refused with TypeError).
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


@dataclass(frozen=True)
class NewInstruction(_Model):
    """One payment to (``CREDIT``) or from (``DEBIT``) a customer, for ``create_order`` and
    ``create_instruction``. The SDK checks the documented rules before sending and raises
    ``InvalidRequestError`` listing every problem."""

    instruction_ref: str
    customer_ref: str
    direction: Union[Direction, str]
    amount: AmountInput
    currency: str
    country: str
    settled_by_date: Union[_dt.date, str, None] = None
    scheme_id: Optional[str] = None
    financial_instrument_id: Optional[str] = None
    metadata: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class NewOrder(_Model):
    """An order for ``create_order``, with the instructions it carries (then the server answers
    202) and the values its instructions for each customer inherit (``customer_defaults``, keyed
    by customer reference)."""

    order_ref: str
    instructions: Iterable[NewInstruction] = ()
    metadata: Mapping[str, str] = field(default_factory=dict)
    customer_defaults: Mapping[str, CustomerDefault] = field(default_factory=dict)


@dataclass(frozen=True)
class NewMobileInstrument(_Model):
    """A mobile number to store as a financial instrument (``country_code`` is the dialling
    code, e.g. ``"44"``)."""

    country_code: str
    phone_number: str


@dataclass(frozen=True)
class NewSchemeApp(_Model):
    """An app serving a scheme rule (e.g. ``"STRIPE"``), and the payment methods it must not
    offer there."""

    app_id: str
    excluded_payment_methods: Iterable[str] = ()


@dataclass(frozen=True)
class NewSchemeRule(_Model):
    """One rule of a new scheme: the currencies (ISO 4217), countries (ISO 3166-1 alpha-2) and
    amount range it covers, and the apps that serve it."""

    currencies: Iterable[str] = ()
    countries: Iterable[str] = ()
    low_value_inclusive: Optional[AmountInput] = None
    high_value_inclusive: Optional[AmountInput] = None
    apps: Iterable[NewSchemeApp] = ()


@dataclass(frozen=True)
class NewScheme(_Model):
    """A collect or payout scheme to create: its first draft, which the API publishes."""

    name: str
    code: Optional[str] = None
    #: E.g. ``"SingleUse"``.
    agreement_type: Optional[str] = None
    rules: Iterable[NewSchemeRule] = ()


@dataclass(frozen=True)
class CustomerDefault(_Model):
    """What an order's instructions for one customer inherit unless they set it themselves."""

    financial_instrument_id: Optional[str] = None
    scheme_id: Optional[str] = None
    metadata: Mapping[str, str] = field(default_factory=dict)


def amount_text(amount: AmountInput) -> str:
    """The exact decimal text of an amount, in plain notation (``Decimal("1E+2")`` is ``"100"``)."""
    if isinstance(amount, decimal.Decimal):
        return format(amount, "f")
    if isinstance(amount, str):
        return amount
    if isinstance(amount, int) and not isinstance(amount, bool):
        return str(amount)
    raise TypeError(
        f"amount must be a decimal.Decimal, a str or an int, not {type(amount).__name__}"
        " (floats cannot hold amounts exactly)"
    )


def _date_text(value: Union[_dt.date, str, None]) -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, _dt.date):
        return value.isoformat()
    raise TypeError(f"settled_by_date must be a datetime.date or a str, not {type(value).__name__}")


def _direction_text(value: Union[Direction, str]) -> str:
    return value.value if isinstance(value, Direction) else value


def instruction_arg(instruction: NewInstruction) -> Dict[str, Any]:
    if not isinstance(instruction, NewInstruction):
        raise TypeError(f"instructions must be imburse.NewInstruction, not {type(instruction).__name__}")
    return {
        "instruction_ref": instruction.instruction_ref,
        "customer_ref": instruction.customer_ref,
        "direction": _direction_text(instruction.direction),
        "amount": amount_text(instruction.amount),
        "currency": instruction.currency,
        "country": instruction.country,
        "settled_by_date": _date_text(instruction.settled_by_date),
        "scheme_id": instruction.scheme_id,
        "financial_instrument_id": instruction.financial_instrument_id,
        "metadata": dict(instruction.metadata),
    }


def order_arg(order: NewOrder) -> Dict[str, Any]:
    if not isinstance(order, NewOrder):
        raise TypeError(f"order must be imburse.NewOrder, not {type(order).__name__}")
    return {
        "order_ref": order.order_ref,
        "instructions": [instruction_arg(i) for i in order.instructions],
        "metadata": dict(order.metadata),
        "customer_defaults": {
            customer_ref: {
                "financial_instrument_id": default.financial_instrument_id,
                "scheme_id": default.scheme_id,
                "metadata": dict(default.metadata),
            }
            for customer_ref, default in order.customer_defaults.items()
        },
    }


def scheme_arg(scheme: NewScheme) -> Dict[str, Any]:
    if not isinstance(scheme, NewScheme):
        raise TypeError(f"scheme must be imburse.NewScheme, not {type(scheme).__name__}")

    def bound(value: Optional[AmountInput]) -> Optional[str]:
        return None if value is None else amount_text(value)

    return {
        "name": scheme.name,
        "code": scheme.code,
        "agreement_type": scheme.agreement_type,
        "rules": [
            {
                "currencies": list(rule.currencies),
                "countries": list(rule.countries),
                "low_value_inclusive": bound(rule.low_value_inclusive),
                "high_value_inclusive": bound(rule.high_value_inclusive),
                "apps": [
                    {"app_id": app.app_id, "excluded_payment_methods": list(app.excluded_payment_methods)}
                    for app in rule.apps
                ],
            }
            for rule in scheme.rules
        ],
    }


def mobile_arg(mobile: NewMobileInstrument) -> Dict[str, Any]:
    if not isinstance(mobile, NewMobileInstrument):
        raise TypeError(f"mobile must be imburse.NewMobileInstrument, not {type(mobile).__name__}")
    return {"country_code": mobile.country_code, "phone_number": mobile.phone_number}


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


@dataclass(frozen=True)
class Response(Generic[T]):
    """What a call returned (``data``) and how it went (``meta``)."""

    data: T
    meta: ResponseMeta

    def to_dict(self) -> Dict[str, Any]:
        """``data`` and ``meta`` as plain dicts, lists and values."""
        data = self.data.to_dict() if hasattr(self.data, "to_dict") else self.data
        return {"data": data, "meta": self.meta.to_dict()}
