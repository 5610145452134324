"""The typed values the SDK takes and returns.

Requests (``NewInstruction``, ``CustomerDefault``) are what a caller builds; responses are
frozen dataclasses built from what the native module returns. Amounts are ``decimal.Decimal``
(never floats), timestamps are timezone-aware UTC ``datetime`` objects, dates are the ``YYYY-MM-DD``
text the API sent, and metadata is ``dict[str, str]``. Every model has ``to_dict()``.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import decimal
import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Dict, Generic, Iterable, List, Mapping, Optional, TypeVar, Union

if TYPE_CHECKING:
    from . import _native

__all__ = [
    "Direction",
    "Environment",
    "NewInstruction",
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
]

T = TypeVar("T")

#: What an amount may be given as: exact values only (a float is refused with TypeError).
AmountInput = Union[decimal.Decimal, str, int]

_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)


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


def instruction_arg(instruction: NewInstruction) -> _native._InstructionArg:
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


def order_arg(
    order_ref: str,
    instructions: Iterable[NewInstruction],
    metadata: Optional[Mapping[str, str]],
    customer_defaults: Optional[Mapping[str, CustomerDefault]],
) -> _native._OrderArg:
    return {
        "order_ref": order_ref,
        "instructions": [instruction_arg(i) for i in instructions],
        "metadata": dict(metadata or {}),
        "customer_defaults": {
            customer_ref: {
                "financial_instrument_id": default.financial_instrument_id,
                "scheme_id": default.scheme_id,
                "metadata": dict(default.metadata),
            }
            for customer_ref, default in (customer_defaults or {}).items()
        },
    }


# ----------------------------------------------------------------------------------- responses


@dataclass(frozen=True)
class ResponseMeta(_Model):
    """How a call went: the final HTTP status, the attempts it took, and the
    ``X-Correlation-ID`` every attempt carried."""

    status: int
    attempts: int
    client_correlation_id: str


@dataclass(frozen=True)
class Response(_Model, Generic[T]):
    """What a call returned (``data``) and how it went (``meta``)."""

    data: T
    meta: ResponseMeta


@dataclass(frozen=True)
class Created(_Model):
    """How ``create_order`` / ``create_instruction`` ended. ``status`` is 201, or 202 for an
    order with instructions; ``reconciled`` is true when an attempt's outcome was unknown and the
    SDK confirmed that the entity the server holds is the one this call sent."""

    status: int
    reconciled: bool


@dataclass(frozen=True)
class InstrumentAssignment(_Model):
    financial_instrument_id: Optional[str]
    source: Optional[str]
    can_update: Optional[bool]


@dataclass(frozen=True)
class SchemeAssignment(_Model):
    scheme_id: Optional[str]
    source: Optional[str]
    can_update: Optional[bool]


@dataclass(frozen=True)
class Transaction(_Model):
    transaction_id: Optional[str]
    status: Optional[str]
    amount: Optional[decimal.Decimal]
    net_amount: Optional[decimal.Decimal]
    created_timestamp: Optional[_dt.datetime]
    last_updated_timestamp: Optional[_dt.datetime]


@dataclass(frozen=True)
class Link(_Model):
    """A link of an entity, as the API's ``_links`` carry them."""

    href: str
    name: Optional[str] = None


@dataclass(frozen=True)
class Instruction(_Model):
    """An instruction as ``get_instruction`` returns it."""

    order_ref: Optional[str]
    instruction_ref: Optional[str]
    customer_ref: Optional[str]
    direction: Direction
    #: The server's text (INCOMPLETE, READY, LATE, PROCESSING, SETTLED, FAILED, VOID, …).
    status: str
    amount: decimal.Decimal
    currency: str
    country: Optional[str]
    settled_by_date: Optional[str]
    forecasted_settlement_date: Optional[str]
    actual_settlement_date: Optional[str]
    execution_timestamp: Optional[_dt.datetime]
    financial_instrument: Optional[InstrumentAssignment]
    scheme: Optional[SchemeAssignment]
    metadata: Dict[str, str]
    transaction: Optional[Transaction]
    created: Optional[_dt.datetime]
    last_updated: Optional[_dt.datetime]
    #: The API's ``_links``, by relation (``self``, ``order``).
    links: Dict[str, Link] = field(default_factory=dict)


@dataclass(frozen=True)
class CustomerDefaultView(_Model):
    """A customer default as ``get_order`` returns it."""

    financial_instrument: Optional[InstrumentAssignment]
    scheme: Optional[SchemeAssignment]
    metadata: Dict[str, str]


@dataclass(frozen=True)
class Order(_Model):
    """An order as ``get_order`` returns it."""

    order_ref: str
    metadata: Dict[str, str]
    customer_defaults: Dict[str, CustomerDefaultView]
    instructions: List[Instruction]
    created: Optional[_dt.datetime]
    last_updated: Optional[_dt.datetime]


@dataclass(frozen=True)
class Capabilities(_Model):
    value_type: Optional[str]
    usage_type: Optional[str]
    can_credit: Optional[bool]
    can_debit: Optional[bool]


@dataclass(frozen=True)
class FinancialInstrument(_Model):
    """A stored means of payment (card, mandate, mobile number…)."""

    id: str
    type: Optional[str]
    status: Optional[str]
    display_name: Optional[str]
    created_timestamp: Optional[_dt.datetime]
    authorization_source: Optional[str]
    #: Network-specific details as the server sent them (non-string values as JSON text).
    details: Dict[str, str]
    capabilities: Optional[Capabilities]
    #: Whether the instrument is in the customer's wallet.
    in_wallet: Optional[bool]


@dataclass(frozen=True)
class Customer(_Model):
    """A customer in the vault."""

    customer_ref: str
    status: Optional[str]
    metadata: Dict[str, str]
    financial_instruments: List[FinancialInstrument]
    created: Optional[_dt.datetime]


@dataclass(frozen=True)
class Wallet(_Model):
    """The financial instruments in a customer's wallet."""

    financial_instruments: List[FinancialInstrument]


@dataclass(frozen=True)
class CreatedInstrument(_Model):
    """The id of a newly stored financial instrument."""

    id: str


# ------------------------------------------------------- native dicts to models (conversion only)


def _timestamp(ms: Optional[int]) -> Optional[_dt.datetime]:
    # Exact to the millisecond: no float in between.
    return None if ms is None else _EPOCH + _dt.timedelta(milliseconds=ms)


def _decimal(text: str) -> decimal.Decimal:
    return decimal.Decimal(text)


def _optional_decimal(text: Optional[str]) -> Optional[decimal.Decimal]:
    return None if text is None else decimal.Decimal(text)


def _instrument_assignment(raw: Optional[_native._InstrumentAssignmentData]) -> Optional[InstrumentAssignment]:
    return None if raw is None else InstrumentAssignment(**raw)


def _scheme_assignment(raw: Optional[_native._SchemeAssignmentData]) -> Optional[SchemeAssignment]:
    return None if raw is None else SchemeAssignment(**raw)


def _transaction(raw: Optional[_native._TransactionData]) -> Optional[Transaction]:
    if raw is None:
        return None
    return Transaction(
        transaction_id=raw["transaction_id"],
        status=raw["status"],
        amount=_optional_decimal(raw["amount"]),
        net_amount=_optional_decimal(raw["net_amount"]),
        created_timestamp=_timestamp(raw["created_timestamp"]),
        last_updated_timestamp=_timestamp(raw["last_updated_timestamp"]),
    )


def meta(raw: _native._MetaData) -> ResponseMeta:
    return ResponseMeta(**raw)


def created(raw: _native._CreatedData) -> Created:
    return Created(**raw)


def instruction(raw: _native._InstructionData) -> Instruction:
    return Instruction(
        order_ref=raw["order_ref"],
        instruction_ref=raw["instruction_ref"],
        customer_ref=raw["customer_ref"],
        direction=Direction(raw["direction"]),
        status=raw["status"],
        amount=_decimal(raw["amount"]),
        currency=raw["currency"],
        country=raw["country"],
        settled_by_date=raw["settled_by_date"],
        forecasted_settlement_date=raw["forecasted_settlement_date"],
        actual_settlement_date=raw["actual_settlement_date"],
        execution_timestamp=_timestamp(raw["execution_timestamp"]),
        financial_instrument=_instrument_assignment(raw["financial_instrument"]),
        scheme=_scheme_assignment(raw["scheme"]),
        metadata=raw["metadata"],
        transaction=_transaction(raw["transaction"]),
        created=_timestamp(raw["created"]),
        last_updated=_timestamp(raw["last_updated"]),
        links={rel: Link(href=link["href"], name=link["name"]) for rel, link in raw["links"].items()},
    )


def order(raw: _native._OrderData) -> Order:
    return Order(
        order_ref=raw["order_ref"],
        metadata=raw["metadata"],
        customer_defaults={
            customer_ref: CustomerDefaultView(
                financial_instrument=_instrument_assignment(d["financial_instrument"]),
                scheme=_scheme_assignment(d["scheme"]),
                metadata=d["metadata"],
            )
            for customer_ref, d in raw["customer_defaults"].items()
        },
        instructions=[instruction(i) for i in raw["instructions"]],
        created=_timestamp(raw["created"]),
        last_updated=_timestamp(raw["last_updated"]),
    )


def financial_instrument(raw: _native._FinancialInstrumentData) -> FinancialInstrument:
    capabilities = raw["capabilities"]
    return FinancialInstrument(
        id=raw["id"],
        type=raw["type"],
        status=raw["status"],
        display_name=raw["display_name"],
        created_timestamp=_timestamp(raw["created_timestamp"]),
        authorization_source=raw["authorization_source"],
        details=raw["details"],
        capabilities=None if capabilities is None else Capabilities(**capabilities),
        in_wallet=raw["in_wallet"],
    )


def customer(raw: _native._CustomerData) -> Customer:
    return Customer(
        customer_ref=raw["customer_ref"],
        status=raw["status"],
        metadata=raw["metadata"],
        financial_instruments=[financial_instrument(f) for f in raw["financial_instruments"]],
        created=_timestamp(raw["created"]),
    )


def wallet(raw: _native._WalletData) -> Wallet:
    return Wallet(financial_instruments=[financial_instrument(f) for f in raw["financial_instruments"]])


def created_instrument(raw: _native._CreatedInstrumentData) -> CreatedInstrument:
    return CreatedInstrument(**raw)
