"""The request models: what a caller builds for ``create_order``, ``create_instruction``, ….

Generated from the core's request declaration (``imburse::for_each_request_model!``) by
``bindings-python/codegen``: do not edit; the test command fails when it is stale. The SDK
checks the documented rules before sending and raises ``InvalidRequestError`` listing every
problem.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Optional, Union

from ._models import AmountInput, Direction, _Model

__all__ = [
    "NewInstruction",
    "CustomerDefault",
    "NewOrder",
    "NewMobileInstrument",
    "NewScheme",
    "NewSchemeRule",
    "NewSchemeApp",
    "AccountUpdate",
    "ApiKeySettings",
    "TenantSettings",
    "PayoutOptionsQuery",
    "LicenseUpgradeRequest",
    "IpAllowListUpdate",
    "IpRange",
    "NewMandate",
    "MandateDebtor",
    "MandateAddress",
    "NewSepaCreditorProfile",
    "NewBacsCreditorProfile",
    "NewCheckoutSession",
    "CheckoutBankAccount",
    "CheckoutChannel",
    "NewPayByLink",
    "NewMandateSession",
]


@dataclass(frozen=True)
class NewInstruction(_Model):
    """One payment to or from a customer, as sent in create order / create instruction."""

    #: Your reference, unique within the order.
    instruction_ref: str
    #: Your reference for the customer.
    customer_ref: str
    #: ``DEBIT`` (a collection) or ``CREDIT`` (a payout).
    direction: Union[Direction, str]
    #: An exact decimal in major units, e.g. ``"49.99"``.
    amount: AmountInput
    #: ISO 4217, e.g. ``GBP``.
    currency: str
    #: ISO 3166-1 alpha-2, e.g. ``GB``.
    country: str
    #: ``YYYY-MM-DD``.
    settled_by_date: Optional[Union[_dt.date, str]] = None
    #: The scheme to pay through (otherwise the customer default's).
    scheme_id: Optional[str] = None
    #: The customer's financial instrument to use.
    financial_instrument_id: Optional[str] = None
    #: Your key-value data.
    metadata: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CustomerDefault(_Model):
    """Values an order's instructions for one customer inherit unless they set their own."""

    #: The financial instrument to use.
    financial_instrument_id: Optional[str] = None
    #: The scheme to pay through.
    scheme_id: Optional[str] = None
    #: Key-value data for the instructions.
    metadata: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class NewOrder(_Model):
    """The body of create order: with instructions the server answers 202."""

    #: Your reference, unique within the tenant.
    order_ref: str
    #: The payments the order carries.
    instructions: Iterable[NewInstruction] = ()
    #: Your key-value data.
    metadata: Mapping[str, str] = field(default_factory=dict)
    #: Keyed by customer reference.
    customer_defaults: Mapping[str, CustomerDefault] = field(default_factory=dict)


@dataclass(frozen=True)
class NewMobileInstrument(_Model):
    """A mobile number to store as a financial instrument (``countryCode`` is the
    dialling code, e.g. ``44``)."""

    #: The dialling code, e.g. ``44``.
    country_code: str
    #: The number without the dialling code.
    phone_number: str


@dataclass(frozen=True)
class NewScheme(_Model):
    """A collect or payout scheme to create: its first draft, which the API publishes."""

    #: The scheme's name.
    name: str
    #: Your code for the scheme.
    code: Optional[str] = None
    #: E.g. ``SingleUse``.
    agreement_type: Optional[str] = None
    #: Its rules.
    rules: Iterable[NewSchemeRule] = ()


@dataclass(frozen=True)
class NewSchemeRule(_Model):
    """One rule of a new scheme: the currencies, countries and amount range it covers,
    and the apps that serve it."""

    #: ISO 4217 codes, e.g. ``GBP``.
    currencies: Iterable[str] = ()
    #: ISO 3166-1 alpha-2 codes, e.g. ``GB``.
    countries: Iterable[str] = ()
    #: An exact decimal, e.g. ``"0.01"``.
    low_value_inclusive: Optional[AmountInput] = None
    #: An exact decimal, e.g. ``"1000.00"``.
    high_value_inclusive: Optional[AmountInput] = None
    #: The apps serving it.
    apps: Iterable[NewSchemeApp] = ()


@dataclass(frozen=True)
class NewSchemeApp(_Model):
    """An app serving a rule, with the payment methods it must not offer there."""

    #: E.g. ``STRIPE``, ``BRAINTREE_SDK``.
    app_id: str
    #: Payment methods the app must not offer here.
    excluded_payment_methods: Iterable[str] = ()


@dataclass(frozen=True)
class AccountUpdate(_Model):
    """The account settings an account key may change (``PUT /v1/account``)."""

    #: Whether a new tenant waits for approval (role ``account-tenant-approval``).
    tenant_creation_approval_required: bool


@dataclass(frozen=True)
class ApiKeySettings(_Model):
    """An API key's name and roles: to create a key, or to change one."""

    #: Your name for the key.
    name: str
    #: Its roles, at least one: account roles (``account-admin``, …) for an account
    #: key, tenant roles (``tenant-admin``, ``tenant-transaction-read``, …) for a tenant key.
    roles: Iterable[str] = ()


@dataclass(frozen=True)
class TenantSettings(_Model):
    """A tenant to create, or a tenant's details to change: its name and address (the
    reference's flat body)."""

    #: The tenant's name.
    name: str
    #: The street and number.
    street_address: Optional[str] = None
    #: More of the street address.
    extended_street_address: Optional[str] = None
    #: The town or city.
    locality: Optional[str] = None
    #: The county, state or region.
    region: Optional[str] = None
    #: The postcode.
    post_code: Optional[str] = None
    #: ISO 3166-1 alpha-2, e.g. ``GB``.
    country: Optional[str] = None


@dataclass(frozen=True)
class PayoutOptionsQuery(_Model):
    """A payout options lookup: what is to be paid out, where, and how amounts match."""

    #: An exact decimal in major units, e.g. ``"25.00"``.
    amount: AmountInput
    #: ISO 4217, e.g. ``GBP``.
    currency: str
    #: ISO 3166-1 alpha-2, e.g. ``GB``.
    country: str
    #: ``Exact`` (the API's default: options for exactly this amount) or ``Max``
    #: (options up to it).
    match_type: Optional[str] = None


@dataclass(frozen=True)
class LicenseUpgradeRequest(_Model):
    """A request for a bigger licence (answered by Imburse, 202)."""

    #: Where Imburse should answer.
    email_address: str
    #: Tenants wanted (``-1`` = unlimited).
    max_tenants: Optional[int] = None
    #: Transactions wanted (``-1`` = unlimited).
    max_transactions: Optional[int] = None
    #: Why.
    reason: Optional[str] = None


@dataclass(frozen=True)
class IpAllowListUpdate(_Model):
    """The account's IP allow list as it should be (replaces the current one)."""

    #: Whether the ranges are enforced.
    enabled: bool
    #: The allowed ranges.
    rules: Iterable[IpRange] = ()


@dataclass(frozen=True)
class IpRange(_Model):
    """One allowed IPv4 range, both ends included."""

    #: Your name for the range.
    name: str
    #: The range's first address, e.g. ``203.0.113.0``.
    ip_v4_start: str
    #: The range's last address, e.g. ``203.0.113.255``.
    ip_v4_end: str


@dataclass(frozen=True)
class NewMandate(_Model):
    """A mandate to create and register with its network (``POST /v2/mandates``; the
    path is the reference's probable one). Which debtor fields are required depends
    on ``mandate_type``: the server says which are missing."""

    #: Your reference for the customer.
    customer_ref: str
    #: The creditor profile to collect under.
    creditor_profile_ref: str
    #: E.g. ``BacsB2C``, ``BacsB2B``, ``SepaCoreB2C``, ``BecsAuB2C``, ``BecsNzB2C``, ``AchB2C``.
    mandate_type: str
    #: Whose account is debited.
    debtor: MandateDebtor
    #: E.g. ``Reuse`` (the reference's only value).
    agreement_type: Optional[str] = None
    #: Your key-value data.
    metadata: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class MandateDebtor(_Model):
    """The account holder of a mandate and their bank details: a sort code (Bacs), an
    IBAN (SEPA), a BSB number (BECS Australia), a bank and signatory (BECS New
    Zealand) or a routing number with its authorisation (ACH)."""

    #: A person's first name (consumer mandates).
    first_name: Optional[str] = None
    #: A person's last name (consumer mandates).
    last_name: Optional[str] = None
    #: A company's name (business mandates).
    company_name: Optional[str] = None
    #: Where the network's notices go.
    email: Optional[str] = None
    #: E.g. ``en``.
    language: Optional[str] = None
    #: The debtor's address.
    address: Optional[MandateAddress] = None
    #: The name on the account.
    account_holder_name: Optional[str] = None
    #: The account number.
    account_number: Optional[str] = None
    #: Bacs: six digits.
    sort_code: Optional[str] = None
    #: SEPA.
    iban: Optional[str] = None
    #: BECS Australia: six digits.
    bsb_number: Optional[str] = None
    #: BECS New Zealand.
    bank_name: Optional[str] = None
    #: BECS New Zealand.
    signatory_name: Optional[str] = None
    #: ACH: nine digits.
    routing_number: Optional[str] = None
    #: ACH, e.g. ``Checking``.
    account_type: Optional[str] = None
    #: ACH, e.g. ``WEB``.
    authorization_source: Optional[str] = None
    #: ACH, e.g. ``Recurring``.
    authorization_frequency: Optional[str] = None


@dataclass(frozen=True)
class MandateAddress(_Model):
    """A mandate debtor's address."""

    #: E.g. ``12`` or ``Rose Cottage``.
    house_number_or_name: Optional[str] = None
    #: The street.
    street_address: Optional[str] = None
    #: The postcode.
    postcode: Optional[str] = None
    #: The town or city.
    city: Optional[str] = None
    #: ISO 3166-1 alpha-2, e.g. ``GB``.
    country: Optional[str] = None


@dataclass(frozen=True)
class NewSepaCreditorProfile(_Model):
    """A SEPA creditor profile to set up (the deprecated network-specific route; the
    server assigns its reference)."""

    #: The profile's name.
    profile_name: str
    #: The SEPA creditor identifier, e.g. ``DE98ZZZ09999999999``.
    identifier: str
    #: The creditor's name, as debtors see it.
    name: str
    #: The creditor's address.
    address: Optional[MandateAddress] = None
    #: Your key-value data.
    metadata: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class NewBacsCreditorProfile(_Model):
    """A Bacs creditor profile to set up (the deprecated network-specific route; the
    server assigns its reference)."""

    #: The profile's name.
    profile_name: str
    #: The Bacs service user number (six digits).
    service_user_number: str
    #: The service user's organisation name.
    organization_name: str
    #: Your key-value data.
    metadata: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class NewCheckoutSession(_Model):
    """A hosted-checkout session to create for one instruction: the token the checkout (an
    iframe, or the ``<imburse-checkout>`` web component) is opened with. The billing and
    customer fields are not stored by Imburse, only carried in the token."""

    #: The order the instruction belongs to.
    order_ref: str
    #: The instruction the customer pays.
    instruction_ref: str
    #: How long the token is valid, in seconds (at least 1).
    expiry_seconds: int
    #: The checkout theme (a UUID; otherwise the tenant's).
    theme_id: Optional[str] = None
    #: ``B2C`` (then the customer's first and last name are required) or ``B2B`` (then
    #: the company's name).
    customer_type: Optional[str] = None
    #: A consumer's first name.
    customer_first_name: Optional[str] = None
    #: A consumer's last name.
    customer_last_name: Optional[str] = None
    #: A business customer's name.
    company_name: Optional[str] = None
    #: The customer's email address.
    customer_email: Optional[str] = None
    #: The customer's mobile number.
    customer_mobile_phone: Optional[str] = None
    #: The name on the card.
    cardholder_name: Optional[str] = None
    #: Billing address: house number.
    billing_house_number: Optional[str] = None
    #: Billing address: first street line.
    billing_street1: Optional[str] = None
    #: Billing address: second street line.
    billing_street2: Optional[str] = None
    #: Billing address: town or city.
    billing_city: Optional[str] = None
    #: Billing address: state or county.
    billing_state: Optional[str] = None
    #: Billing address: ISO 3166-1 alpha-2 country.
    billing_country: Optional[str] = None
    #: Billing address: postcode.
    billing_post_code: Optional[str] = None
    #: For a mandate set up in the checkout, e.g. ``WEB`` (v2).
    authorization_source: Optional[str] = None
    #: For a mandate set up in the checkout, e.g. ``Recurring`` (v2).
    authorization_frequency: Optional[str] = None
    #: The customer's bank account, filled in for them (v2).
    bank_account: Optional[CheckoutBankAccount] = None
    #: Where Imburse also sends the checkout link (v2).
    channels: Iterable[CheckoutChannel] = ()


@dataclass(frozen=True)
class CheckoutBankAccount(_Model):
    """A bank account handed to the checkout."""

    #: The name on the account.
    account_holder_name: Optional[str] = None
    #: The account number.
    number: Optional[str] = None
    #: The bank code that goes with the number (e.g. a sort code).
    extra_code: Optional[str] = None


@dataclass(frozen=True)
class CheckoutChannel(_Model):
    """Where a checkout link goes: ``kind`` is ``Email`` or ``SMS`` (the API's ``type``), and its
    address or number."""

    #: ``Email`` or ``SMS`` (sent as ``type``).
    kind: str
    #: The email address or mobile number.
    destination: str


@dataclass(frozen=True)
class NewPayByLink(_Model):
    """A pay-by-link to send: Imburse sends the customer a link to the checkout for one
    instruction, by SMS or email."""

    #: The order the instruction belongs to.
    order_ref: str
    #: The instruction the customer pays.
    instruction_ref: str
    #: How long the link is valid, in seconds (at least 1).
    expiry_seconds: int
    #: Where to send it (at least one).
    channels: Iterable[CheckoutChannel] = ()
    #: The checkout theme (a UUID; otherwise the tenant's).
    theme_id: Optional[str] = None


@dataclass(frozen=True)
class NewMandateSession(_Model):
    """A session in which a customer manages one of their mandates (e.g. amends it)."""

    #: The mandate's customer.
    customer_ref: str
    #: The mandate (a UUID).
    mandate_id: str
    #: What the customer may do: ``Amendment``.
    action: str
    #: How long the token is valid, in seconds (at least 1).
    expiry_seconds: int
