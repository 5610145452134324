//! The bodies a caller builds and the core validates before anything is sent, declared once.
//!
//! The declaration is a list ([`for_each_request_model!`]) so that each language's request
//! types are produced from it, not written again: the core's structs (serde, uniffi) and, behind
//! the binding features, JavaScript's input objects and their `.d.ts` and Python's extraction
//! from the package's dataclasses (`crate::foreign::request_models!`), and the Python
//! dataclasses themselves (`bindings-python/codegen`). A field is required, `= default` (the
//! caller may leave it out: `None` or empty, not sent) or `= empty` (sent as `[]`); adding one changes this file and nothing per language.

use std::collections::BTreeMap;

use super::{Amount, Direction, Metadata};

/// Calls `$callback! { … }` with every request model: doc comments, `pub struct Name` (with
/// `: Default` when it derives `Default`) and its fields (`= default` marks a field the caller may
/// leave out, `None` or empty and then not sent; `= empty` one sent as `[]` when left out), then `aliases { … }`, the aliases the models use.
#[macro_export]
macro_rules! for_each_request_model {
    ($($callback:tt)*) => {
        $($callback)*! {
            /// One payment to or from a customer, as sent in create order / create instruction.
            pub struct NewInstruction {
                /// Your reference, unique within the order.
                pub instruction_ref: String,
                /// Your reference for the customer.
                pub customer_ref: String,
                /// `DEBIT` (a collection) or `CREDIT` (a payout).
                pub direction: Direction,
                /// An exact decimal in major units, e.g. `"49.99"`.
                pub amount: Amount,
                /// ISO 4217, e.g. `GBP`.
                pub currency: String,
                /// ISO 3166-1 alpha-2, e.g. `GB`.
                pub country: String,
                /// `YYYY-MM-DD`.
                pub settled_by_date: Option<IsoDate> = default,
                /// The scheme to pay through (otherwise the customer default's).
                pub scheme_id: Option<String> = default,
                /// The customer's financial instrument to use.
                pub financial_instrument_id: Option<String> = default,
                /// Your key-value data.
                pub metadata: Metadata = default,
            }

            /// Values an order's instructions for one customer inherit unless they set their own.
            pub struct CustomerDefault: Default {
                /// The financial instrument to use.
                pub financial_instrument_id: Option<String> = default,
                /// The scheme to pay through.
                pub scheme_id: Option<String> = default,
                /// Key-value data for the instructions.
                pub metadata: Metadata = default,
            }

            /// The body of create order: with instructions the server answers 202.
            pub struct NewOrder: Default {
                /// Your reference, unique within the tenant.
                pub order_ref: String,
                /// The payments the order carries.
                pub instructions: Vec<NewInstruction> = default,
                /// Your key-value data.
                pub metadata: Metadata = default,
                /// Keyed by customer reference.
                pub customer_defaults: CustomerDefaults = default,
            }

            /// A mobile number to store as a financial instrument (`countryCode` is the
            /// dialling code, e.g. `44`).
            pub struct NewMobileInstrument {
                /// The dialling code, e.g. `44`.
                pub country_code: String,
                /// The number without the dialling code.
                pub phone_number: String,
            }

            /// A collect or payout scheme to create: its first draft, which the API publishes.
            pub struct NewScheme: Default {
                /// The scheme's name.
                pub name: String,
                /// Your code for the scheme.
                pub code: Option<String> = default,
                /// E.g. `SingleUse`.
                pub agreement_type: Option<String> = default,
                /// Its rules.
                pub rules: Vec<NewSchemeRule> = empty,
            }

            /// One rule of a new scheme: the currencies, countries and amount range it covers,
            /// and the apps that serve it.
            pub struct NewSchemeRule: Default {
                /// ISO 4217 codes, e.g. `GBP`.
                pub currencies: Vec<String> = empty,
                /// ISO 3166-1 alpha-2 codes, e.g. `GB`.
                pub countries: Vec<String> = empty,
                /// An exact decimal, e.g. `"0.01"`.
                pub low_value_inclusive: Option<Amount> = default,
                /// An exact decimal, e.g. `"1000.00"`.
                pub high_value_inclusive: Option<Amount> = default,
                /// The apps serving it.
                pub apps: Vec<NewSchemeApp> = empty,
            }

            /// An app serving a rule, with the payment methods it must not offer there.
            pub struct NewSchemeApp: Default {
                /// E.g. `STRIPE`, `BRAINTREE_SDK`.
                pub app_id: String,
                /// Payment methods the app must not offer here.
                pub excluded_payment_methods: Vec<String> = empty,
            }

            /// The account settings an account key may change (`PUT /v1/account`).
            pub struct AccountUpdate {
                /// Whether a new tenant waits for approval (role `account-tenant-approval`).
                pub tenant_creation_approval_required: bool,
            }

            /// An API key's name and roles: to create a key, or to change one.
            pub struct ApiKeySettings: Default {
                /// Your name for the key.
                pub name: String,
                /// Its roles, at least one: account roles (`account-admin`, …) for an account
                /// key, tenant roles (`tenant-admin`, `tenant-transaction-read`, …) for a tenant key.
                pub roles: Vec<String> = empty,
            }

            /// A tenant to create, or a tenant's details to change: its name and address (the
            /// reference's flat body).
            pub struct TenantSettings: Default {
                /// The tenant's name.
                pub name: String,
                /// The street and number.
                pub street_address: Option<String> = default,
                /// More of the street address.
                pub extended_street_address: Option<String> = default,
                /// The town or city.
                pub locality: Option<String> = default,
                /// The county, state or region.
                pub region: Option<String> = default,
                /// The postcode.
                pub post_code: Option<String> = default,
                /// ISO 3166-1 alpha-2, e.g. `GB`.
                pub country: Option<String> = default,
            }

            /// A payout options lookup: what is to be paid out, where, and how amounts match.
            pub struct PayoutOptionsQuery {
                /// An exact decimal in major units, e.g. `"25.00"`.
                pub amount: Amount,
                /// ISO 4217, e.g. `GBP`.
                pub currency: String,
                /// ISO 3166-1 alpha-2, e.g. `GB`.
                pub country: String,
                /// `Exact` (the API's default: options for exactly this amount) or `Max`
                /// (options up to it).
                pub match_type: Option<String> = default,
            }

            /// A request for a bigger licence (answered by Imburse, 202).
            pub struct LicenseUpgradeRequest: Default {
                /// Where Imburse should answer.
                pub email_address: String,
                /// Tenants wanted (`-1` = unlimited).
                pub max_tenants: Option<i64> = default,
                /// Transactions wanted (`-1` = unlimited).
                pub max_transactions: Option<i64> = default,
                /// Why.
                pub reason: Option<String> = default,
            }

            /// The account's IP allow list as it should be (replaces the current one).
            pub struct IpAllowListUpdate: Default {
                /// Whether the ranges are enforced.
                pub enabled: bool,
                /// The allowed ranges.
                pub rules: Vec<IpRange> = empty,
            }

            /// One allowed IPv4 range, both ends included.
            pub struct IpRange: Default {
                /// Your name for the range.
                pub name: String,
                /// The range's first address, e.g. `203.0.113.0`.
                pub ip_v4_start: String,
                /// The range's last address, e.g. `203.0.113.255`.
                pub ip_v4_end: String,
            }

            /// A mandate to create and register with its network (`POST /v2/mandates`; the
            /// path is the reference's probable one). Which debtor fields are required depends
            /// on `mandate_type`: the server says which are missing.
            pub struct NewMandate {
                /// Your reference for the customer.
                pub customer_ref: String,
                /// The creditor profile to collect under.
                pub creditor_profile_ref: String,
                /// E.g. `BacsB2C`, `BacsB2B`, `SepaCoreB2C`, `BecsAuB2C`, `BecsNzB2C`, `AchB2C`.
                pub mandate_type: String,
                /// Whose account is debited.
                pub debtor: MandateDebtor,
                /// E.g. `Reuse` (the reference's only value).
                pub agreement_type: Option<String> = default,
                /// Your key-value data.
                pub metadata: Metadata = default,
            }

            /// The account holder of a mandate and their bank details: a sort code (Bacs), an
            /// IBAN (SEPA), a BSB number (BECS Australia), a bank and signatory (BECS New
            /// Zealand) or a routing number with its authorisation (ACH).
            pub struct MandateDebtor: Default {
                /// A person's first name (consumer mandates).
                pub first_name: Option<String> = default,
                /// A person's last name (consumer mandates).
                pub last_name: Option<String> = default,
                /// A company's name (business mandates).
                pub company_name: Option<String> = default,
                /// Where the network's notices go.
                pub email: Option<String> = default,
                /// E.g. `en`.
                pub language: Option<String> = default,
                /// The debtor's address.
                pub address: Option<MandateAddress> = default,
                /// The name on the account.
                pub account_holder_name: Option<String> = default,
                /// The account number.
                pub account_number: Option<String> = default,
                /// Bacs: six digits.
                pub sort_code: Option<String> = default,
                /// SEPA.
                pub iban: Option<String> = default,
                /// BECS Australia: six digits.
                pub bsb_number: Option<String> = default,
                /// BECS New Zealand.
                pub bank_name: Option<String> = default,
                /// BECS New Zealand.
                pub signatory_name: Option<String> = default,
                /// ACH: nine digits.
                pub routing_number: Option<String> = default,
                /// ACH, e.g. `Checking`.
                pub account_type: Option<String> = default,
                /// ACH, e.g. `WEB`.
                pub authorization_source: Option<String> = default,
                /// ACH, e.g. `Recurring`.
                pub authorization_frequency: Option<String> = default,
            }

            /// A mandate debtor's address.
            pub struct MandateAddress: Default {
                /// E.g. `12` or `Rose Cottage`.
                pub house_number_or_name: Option<String> = default,
                /// The street.
                pub street_address: Option<String> = default,
                /// The postcode.
                pub postcode: Option<String> = default,
                /// The town or city.
                pub city: Option<String> = default,
                /// ISO 3166-1 alpha-2, e.g. `GB`.
                pub country: Option<String> = default,
            }

            /// A SEPA creditor profile to set up (the deprecated network-specific route; the
            /// server assigns its reference).
            pub struct NewSepaCreditorProfile: Default {
                /// The profile's name.
                pub profile_name: String,
                /// The SEPA creditor identifier, e.g. `DE98ZZZ09999999999`.
                pub identifier: String,
                /// The creditor's name, as debtors see it.
                pub name: String,
                /// The creditor's address.
                pub address: Option<MandateAddress> = default,
                /// Your key-value data.
                pub metadata: Metadata = default,
            }

            /// A Bacs creditor profile to set up (the deprecated network-specific route; the
            /// server assigns its reference).
            pub struct NewBacsCreditorProfile: Default {
                /// The profile's name.
                pub profile_name: String,
                /// The Bacs service user number (six digits).
                pub service_user_number: String,
                /// The service user's organisation name.
                pub organization_name: String,
                /// Your key-value data.
                pub metadata: Metadata = default,
            }

            /// A hosted-checkout session to create for one instruction: the token the checkout (an
            /// iframe, or the `<imburse-checkout>` web component) is opened with. The billing and
            /// customer fields are not stored by Imburse, only carried in the token.
            pub struct NewCheckoutSession: Default {
                /// The order the instruction belongs to.
                pub order_ref: String,
                /// The instruction the customer pays.
                pub instruction_ref: String,
                /// How long the token is valid, in seconds (at least 1).
                pub expiry_seconds: i64,
                /// The checkout theme (a UUID; otherwise the tenant's).
                pub theme_id: Option<String> = default,
                /// `B2C` (then the customer's first and last name are required) or `B2B` (then
                /// the company's name).
                pub customer_type: Option<String> = default,
                /// A consumer's first name.
                pub customer_first_name: Option<String> = default,
                /// A consumer's last name.
                pub customer_last_name: Option<String> = default,
                /// A business customer's name.
                pub company_name: Option<String> = default,
                /// The customer's email address.
                pub customer_email: Option<String> = default,
                /// The customer's mobile number.
                pub customer_mobile_phone: Option<String> = default,
                /// The name on the card.
                pub cardholder_name: Option<String> = default,
                /// Billing address: house number.
                pub billing_house_number: Option<String> = default,
                /// Billing address: first street line.
                pub billing_street1: Option<String> = default,
                /// Billing address: second street line.
                pub billing_street2: Option<String> = default,
                /// Billing address: town or city.
                pub billing_city: Option<String> = default,
                /// Billing address: state or county.
                pub billing_state: Option<String> = default,
                /// Billing address: ISO 3166-1 alpha-2 country.
                pub billing_country: Option<String> = default,
                /// Billing address: postcode.
                pub billing_post_code: Option<String> = default,
                /// For a mandate set up in the checkout, e.g. `WEB` (v2).
                pub authorization_source: Option<String> = default,
                /// For a mandate set up in the checkout, e.g. `Recurring` (v2).
                pub authorization_frequency: Option<String> = default,
                /// The customer's bank account, filled in for them (v2).
                pub bank_account: Option<CheckoutBankAccount> = default,
                /// Where Imburse also sends the checkout link (v2).
                pub channels: Vec<CheckoutChannel> = default,
            }

            /// A bank account handed to the checkout.
            pub struct CheckoutBankAccount: Default {
                /// The name on the account.
                pub account_holder_name: Option<String> = default,
                /// The account number.
                pub number: Option<String> = default,
                /// The bank code that goes with the number (e.g. a sort code).
                pub extra_code: Option<String> = default,
            }

            /// Where a checkout link goes: `kind` is `Email` or `SMS` (the API's `type`), and its
            /// address or number.
            pub struct CheckoutChannel {
                /// `Email` or `SMS` (sent as `type`).
                pub kind: String,
                /// The email address or mobile number.
                pub destination: String,
            }

            /// A pay-by-link to send: Imburse sends the customer a link to the checkout for one
            /// instruction, by SMS or email.
            pub struct NewPayByLink: Default {
                /// The order the instruction belongs to.
                pub order_ref: String,
                /// The instruction the customer pays.
                pub instruction_ref: String,
                /// How long the link is valid, in seconds (at least 1).
                pub expiry_seconds: i64,
                /// Where to send it (at least one).
                pub channels: Vec<CheckoutChannel> = empty,
                /// The checkout theme (a UUID; otherwise the tenant's).
                pub theme_id: Option<String> = default,
            }

            /// A session in which a customer manages one of their mandates (e.g. amends it).
            pub struct NewMandateSession: Default {
                /// The mandate's customer.
                pub customer_ref: String,
                /// The mandate (a UUID).
                pub mandate_id: String,
                /// What the customer may do: `Amendment`.
                pub action: String,
                /// How long the token is valid, in seconds (at least 1).
                pub expiry_seconds: i64,
            }

            aliases {
                /// A date as the API writes it, `YYYY-MM-DD` (Python also takes a `datetime.date`).
                pub type IsoDate = String;
                /// An order's customer defaults, by customer reference.
                pub type CustomerDefaults = BTreeMap<String, CustomerDefault>;
            }
        }
    };
}

crate::for_each_request_model!(crate::foreign::request_models);

/// What `skip_serializing_if` asks of a field the caller may leave out.
pub(crate) trait Absent {
    fn is_absent(&self) -> bool;
}

impl<T> Absent for Option<T> {
    fn is_absent(&self) -> bool {
        self.is_none()
    }
}

impl<T> Absent for Vec<T> {
    fn is_absent(&self) -> bool {
        self.is_empty()
    }
}

impl<K, V> Absent for BTreeMap<K, V> {
    fn is_absent(&self) -> bool {
        self.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_left_out_are_not_sent_and_names_are_the_apis() {
        let order = NewOrder { order_ref: "O-1".into(), ..Default::default() };
        assert_eq!(serde_json::to_value(&order).unwrap(), serde_json::json!({"orderRef": "O-1"}));
        let instruction = NewInstruction {
            instruction_ref: "I-1".into(),
            customer_ref: "C-1".into(),
            direction: Direction::Credit,
            amount: Amount::new("1.50"),
            currency: "GBP".into(),
            country: "GB".into(),
            settled_by_date: Some("2026-12-31".into()),
            scheme_id: None,
            financial_instrument_id: None,
            metadata: Metadata::from([("k".into(), "v".into())]),
        };
        let sent = serde_json::to_string(&instruction).unwrap();
        assert_eq!(
            sent,
            r#"{"instructionRef":"I-1","customerRef":"C-1","direction":"CREDIT","amount":1.50,"currency":"GBP","country":"GB","settledByDate":"2026-12-31","metadata":{"k":"v"}}"#
        );
    }

    #[test]
    fn a_new_scheme_serializes_in_the_documented_shape() {
        let scheme = NewScheme {
            name: "Cards".into(),
            agreement_type: Some("SingleUse".into()),
            rules: vec![NewSchemeRule {
                currencies: vec!["GBP".into()],
                countries: vec!["GB".into()],
                high_value_inclusive: Some("500.00".into()),
                apps: vec![NewSchemeApp { app_id: "STRIPE".into(), excluded_payment_methods: vec![] }],
                ..NewSchemeRule::default()
            }],
            ..NewScheme::default()
        };
        assert_eq!(
            serde_json::to_string(&scheme).unwrap(),
            r#"{"name":"Cards","agreementType":"SingleUse","rules":[{"currencies":["GBP"],"countries":["GB"],"highValueInclusive":500.00,"apps":[{"appId":"STRIPE","excludedPaymentMethods":[]}]}]}"#
        );
    }
}
