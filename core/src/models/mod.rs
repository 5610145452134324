//! The typed shapes of what goes to and comes from the API.
//!
//! Requests are built by callers (and bindings) and validated before anything is sent; responses
//! tolerate fields they do not know, because Imburse adds fields over time. Amounts are exact
//! decimals ([`Amount`]) on both sides and never pass through a float. Metadata is string to
//! string, as the API defines it.

mod accounts;
mod apps;
mod checkout;
mod mandates;
pub(crate) mod requests;
mod schemes;

use std::collections::BTreeMap;
use std::fmt;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

pub use accounts::{
    Account, AccountKeyList, Address, ApiKey, CreatedApiKey, IpAllowList, IpRule, License, LicenseHistory,
    LicenseHistoryEntry, Tenant, TenantKeyList, TenantList,
};
pub use apps::{MarketplaceApp, MarketplaceAppList, PaymentMethod};
pub use checkout::{CheckoutSession, PayByLink};
pub use mandates::{
    BacsCreditorProfile, CreatedMandate, CreditorAddress, CreditorProfile, CreditorProfilePage, Mandate, MandatePage,
    Page, SepaCreditorProfile, VerificationCheck,
};
#[cfg(feature = "napi")]
pub use requests::js;
pub use requests::{
    AccountUpdate, ApiKeySettings, CheckoutBankAccount, CheckoutChannel, CustomerDefault, CustomerDefaults,
    IpAllowListUpdate, IpRange, IsoDate, LicenseUpgradeRequest, MandateAddress, MandateDebtor, NewBacsCreditorProfile,
    NewCheckoutSession, NewInstruction, NewMandate, NewMandateSession, NewMobileInstrument, NewOrder, NewPayByLink,
    NewScheme, NewSchemeApp, NewSchemeRule, NewSepaCreditorProfile, PayoutOptionsQuery, TenantSettings,
};
pub use schemes::{
    Country, Currency, PayoutOption, PayoutOptionApp, PayoutOptionList, Scheme, SchemeApp, SchemeDraft, SchemeList,
    SchemeRule,
};

/// Key-value data attached to orders, instructions and customers.
#[cfg_attr(feature = "napi", napi_derive::napi)]
pub type Metadata = BTreeMap<String, String>;

/// Get Order's customer defaults, by customer reference.
#[cfg_attr(feature = "napi", napi_derive::napi)]
pub type CustomerDefaultViews = BTreeMap<String, CustomerDefaultView>;

/// An entity's `_links`, by relation (`self`, `order`, …); a relation sent as a list appears
/// as `relation[0]`, `relation[1]`, ….
#[cfg_attr(feature = "napi", napi_derive::napi)]
pub type Links = BTreeMap<String, Link>;

/// A list the API may send bare (`[…]`) or inside an object (`{"options": […]}`), where the
/// reference shows neither: both are read, under the names such wrappers use. Read in one pass
/// (not buffered), so exact amounts inside keep their digits.
pub(crate) struct Listed<T>(Vec<T>);

/// The wrapper fields a list may come in.
const LIST_FIELDS: &[&str] = &["options", "payoutOptions", "rewards", "apps", "items"];

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Listed<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListVisitor<T>(std::marker::PhantomData<T>);

        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for ListVisitor<T> {
            type Value = Listed<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "a list, or an object holding one under one of {LIST_FIELDS:?}")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Listed(items))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut items = None;
                while let Some(key) = map.next_key::<String>()? {
                    if items.is_none() && LIST_FIELDS.contains(&key.as_str()) {
                        items = Some(map.next_value()?);
                    } else {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
                items.map(Listed).ok_or_else(|| A::Error::custom(format!("none of {LIST_FIELDS:?} in the object")))
            }
        }

        deserializer.deserialize_any(ListVisitor(std::marker::PhantomData))
    }
}

impl<T> From<Listed<T>> for Vec<T> {
    fn from(listed: Listed<T>) -> Self {
        listed.0
    }
}

/// A decimal amount in major units (`"12.34"`), kept as the exact digits.
///
/// Sent as a JSON number with exactly these digits; read from a JSON number or string without
/// ever becoming a float. Any text can be held; whether it is a valid amount (a plain decimal
/// greater than zero) is checked when a request is validated, so every problem of a request is
/// reported at once.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Amount(String);

impl Amount {
    /// An amount of exactly these digits (checked when a request is validated).
    pub fn new(text: impl Into<String>) -> Self {
        Amount(text.into())
    }

    /// The exact decimal text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `-?digits(.digits)?`: no exponent, no grouping, no `+`.
    pub fn is_plain_decimal(&self) -> bool {
        let unsigned = self.0.strip_prefix('-').unwrap_or(&self.0);
        let (whole, fraction) = match unsigned.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (unsigned, None),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        digits(whole) && fraction.is_none_or(digits)
    }

    /// A plain decimal above zero.
    pub fn is_positive(&self) -> bool {
        self.is_plain_decimal() && !self.0.starts_with('-') && self.0.bytes().any(|b| (b'1'..=b'9').contains(&b))
    }

    /// Numeric equality: `"10.50"` equals `"10.5"` and `"010.5"`.
    pub fn same_value(&self, other: &Amount) -> bool {
        fn canonical(text: &str) -> String {
            let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
            let whole = whole.trim_start_matches('0');
            let fraction = fraction.trim_end_matches('0');
            format!("{}.{fraction}", if whole.is_empty() { "0" } else { whole })
        }
        self.is_plain_decimal() && other.is_plain_decimal() && canonical(&self.0) == canonical(&other.0)
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Amount({})", self.0)
    }
}

impl From<&str> for Amount {
    fn from(text: &str) -> Self {
        Amount(text.to_string())
    }
}

impl From<String> for Amount {
    fn from(text: String) -> Self {
        Amount(text)
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // A validated amount goes out as a JSON number with exactly its digits.
        let digits = self.0.trim_start_matches('0');
        let digits =
            if digits.is_empty() || digits.starts_with('.') { format!("0{digits}") } else { digits.to_string() };
        match RawValue::from_string(digits) {
            Ok(raw) if self.is_plain_decimal() => raw.serialize(serializer),
            _ => serializer.serialize_str(&self.0),
        }
    }
}

impl<'de> Deserialize<'de> for Amount {
    /// Accepts a JSON number or string holding a plain decimal; anything else (an exponent, a
    /// word, a boolean) makes the response unusable rather than becoming a guess.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        let text = raw.get().trim();
        let amount = if text.starts_with('"') {
            Amount(serde_json::from_str::<String>(text).map_err(D::Error::custom)?)
        } else {
            Amount(text.to_string())
        };
        if amount.is_plain_decimal() {
            Ok(amount)
        } else {
            Err(D::Error::custom(format!("amount must be a plain decimal, not {text}")))
        }
    }
}

/// A moment as the Transaction API sends it: milliseconds since the Unix epoch, UTC. Each
/// language shows it as its own type where it has one (Python an aware `datetime`); JavaScript
/// and the JVM keep the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(i64);

impl Timestamp {
    /// The moment `millis` milliseconds after 1970-01-01T00:00:00Z.
    pub fn from_epoch_millis(millis: i64) -> Self {
        Timestamp(millis)
    }

    /// Milliseconds since 1970-01-01T00:00:00Z.
    pub fn epoch_millis(self) -> i64 {
        self.0
    }
}

/// Money in (`Debit`, a collection) or out (`Credit`, a payout).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[cfg_attr(feature = "napi", napi_derive::napi(string_enum = "UPPERCASE"))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Direction {
    /// Money in: a collection from the customer.
    Debit,
    /// Money out: a payout to the customer.
    Credit,
}

impl Direction {
    /// `DEBIT` or `CREDIT`, as the API writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Debit => "DEBIT",
            Direction::Credit => "CREDIT",
        }
    }
}

impl std::str::FromStr for Direction {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.to_ascii_uppercase().as_str() {
            "DEBIT" => Ok(Direction::Debit),
            "CREDIT" => Ok(Direction::Credit),
            _ => Err(format!("direction must be DEBIT or CREDIT, not {text:?}")),
        }
    }
}

// --------------------------------------------------------------- responses

// The macro declares each struct as written, and gives the bindings that need the list of
// fields (Python's constructor, `repr` and `to_dict`) code generated from it.
crate::foreign::response_models! {
/// A HAL-like link, as `_links` entries carry them (`self`, `order`, …).
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Link {
    /// The target, as the API wrote it.
    #[serde(default)]
    pub href: String,
    /// The link's name, when it has one.
    #[serde(default)]
    pub name: Option<String>,
}

/// Where an instruction's financial instrument came from, and whether it can still change.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct InstrumentAssignment {
    /// The financial instrument.
    #[serde(default)]
    pub financial_instrument_id: Option<String>,
    /// Where it came from (the instruction itself, or a customer default).
    #[serde(default)]
    pub source: Option<String>,
    /// Whether it can still be changed.
    #[serde(default)]
    pub can_update: Option<bool>,
}

/// Where an instruction's scheme came from, and whether it can still change.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SchemeAssignment {
    /// The scheme.
    #[serde(default)]
    pub scheme_id: Option<String>,
    /// Where it came from (the instruction itself, or a customer default).
    #[serde(default)]
    pub source: Option<String>,
    /// Whether it can still be changed.
    #[serde(default)]
    pub can_update: Option<bool>,
}

/// The money movement behind an instruction, once there is one.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Transaction {
    /// The transaction's id at Imburse.
    #[serde(default)]
    pub transaction_id: Option<String>,
    /// The transaction's status, as the server wrote it.
    #[serde(default)]
    pub status: Option<String>,
    /// Exact decimal text.
    #[serde(default)]
    #[cfg_attr(feature = "napi", napi(ts_type = "string"))]
    pub amount: Option<Amount>,
    /// Exact decimal text.
    #[serde(default)]
    #[cfg_attr(feature = "napi", napi(ts_type = "string"))]
    pub net_amount: Option<Amount>,
    /// When the transaction was created.
    #[serde(default)]
    #[cfg_attr(feature = "napi", napi(ts_type = "number"))]
    pub created_timestamp: Option<Timestamp>,
    /// When it last changed.
    #[serde(default)]
    #[cfg_attr(feature = "napi", napi(ts_type = "number"))]
    pub last_updated_timestamp: Option<Timestamp>,
    /// The financial instrument the money moved with.
    #[serde(default)]
    pub financial_instrument_id: Option<String>,
    /// The provider's extra facts, by name, as text (a value that is not text is kept as its
    /// JSON); the reference does not list them.
    #[serde(default, deserialize_with = "string_map_lenient")]
    pub additional_information: BTreeMap<String, String>,
    /// The app (payment provider) that moved the money, and its own references.
    #[serde(default)]
    pub app: Option<TransactionApp>,
    /// Refunds of this transaction, oldest first.
    #[serde(default, deserialize_with = "list_or_empty")]
    pub refunds: Vec<Refund>,
    /// Chargebacks the customer's bank raised against it, oldest first.
    #[serde(default, deserialize_with = "list_or_empty")]
    pub chargebacks: Vec<Chargeback>,
}

/// The app (payment provider) behind a transaction: `appId` such as `STRIPE`, and the
/// provider's own references for the payment and its batch.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TransactionApp {
    /// The app, e.g. `STRIPE`.
    #[serde(default)]
    pub app_id: Option<String>,
    /// The provider's id of the payment.
    #[serde(default)]
    pub app_transaction_id: Option<String>,
    /// The provider's batch, when it settles in batches.
    #[serde(default)]
    pub app_batch_id: Option<String>,
    /// What the provider's support needs to find the payment (e.g. `customerId`), as text.
    #[serde(default, deserialize_with = "string_map_lenient")]
    pub support_details: BTreeMap<String, String>,
}

/// A refund of a transaction. Timestamps are epoch milliseconds.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Refund {
    /// The refund's id at Imburse.
    #[serde(default)]
    pub refund_id: Option<String>,
    /// Exact decimal text.
    #[serde(default)]
    #[cfg_attr(feature = "napi", napi(ts_type = "string"))]
    pub amount: Option<Amount>,
    /// The refund's status, as the server wrote it.
    #[serde(default)]
    pub status: Option<String>,
    /// When it was made.
    #[serde(default)]
    #[cfg_attr(feature = "napi", napi(ts_type = "number"))]
    pub created_timestamp: Option<Timestamp>,
}

/// A chargeback against a transaction (the reference shows one in a Bacs example without its
/// fields; these are the names its refunds use). Timestamps are epoch milliseconds.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Chargeback {
    /// The chargeback's id.
    #[serde(default)]
    pub chargeback_id: Option<String>,
    /// Exact decimal text.
    #[serde(default)]
    #[cfg_attr(feature = "napi", napi(ts_type = "string"))]
    pub amount: Option<Amount>,
    /// Its status, as the server wrote it.
    #[serde(default)]
    pub status: Option<String>,
    /// Why the bank raised it, as the server wrote it.
    #[serde(default)]
    pub reason: Option<String>,
    /// When it was raised.
    #[serde(default)]
    #[cfg_attr(feature = "napi", napi(ts_type = "number"))]
    pub created_timestamp: Option<Timestamp>,
}

/// An instruction as Get Instruction returns it. Timestamps are epoch milliseconds.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Instruction {
    /// The order the instruction belongs to.
    #[serde(default)]
    pub order_ref: Option<String>,
    /// Your reference for the instruction.
    #[serde(default)]
    pub instruction_ref: Option<String>,
    /// Your reference for the customer.
    #[serde(default)]
    pub customer_ref: Option<String>,
    /// Money in (`DEBIT`) or out (`CREDIT`).
    pub direction: Direction,
    /// The documented statuses (INCOMPLETE, READY, LATE, PROCESSING, SETTLED, FAILED, VOID) are
    /// not the live list (COMPLETED has been seen), so the text is kept as sent.
    pub status: String,
    /// Exact decimal text, digit for digit as the server sent it.
    #[cfg_attr(feature = "napi", napi(ts_type = "string"))]
    pub amount: Amount,
    /// ISO 4217, e.g. `GBP`.
    pub currency: String,
    /// ISO 3166-1 alpha-2, e.g. `GB`.
    #[serde(default)]
    pub country: Option<String>,
    /// The date it must settle by, `YYYY-MM-DD`.
    #[serde(default)]
    pub settled_by_date: Option<String>,
    /// When Imburse expects it to settle, `YYYY-MM-DD`.
    #[serde(default)]
    pub forecasted_settlement_date: Option<String>,
    /// When it settled, `YYYY-MM-DD`.
    #[serde(default)]
    pub actual_settlement_date: Option<String>,
    /// When it was executed.
    #[serde(default)]
    #[cfg_attr(feature = "napi", napi(ts_type = "number"))]
    pub execution_timestamp: Option<Timestamp>,
    /// The financial instrument it uses, and where that came from.
    #[serde(default)]
    pub financial_instrument: Option<InstrumentAssignment>,
    /// The scheme it uses, and where that came from.
    #[serde(default)]
    pub scheme: Option<SchemeAssignment>,
    /// Your key-value data.
    #[serde(default, deserialize_with = "metadata_or_empty")]
    pub metadata: Metadata,
    /// The money movement, once there is one.
    #[serde(default)]
    pub transaction: Option<Transaction>,
    /// When it was created.
    #[serde(default)]
    #[cfg_attr(feature = "napi", napi(ts_type = "number"))]
    pub created: Option<Timestamp>,
    /// When it last changed.
    #[serde(default)]
    #[cfg_attr(feature = "napi", napi(ts_type = "number"))]
    pub last_updated: Option<Timestamp>,
    /// The API's `_links`, by relation (`self`, `order`).
    #[serde(rename = "_links", default, deserialize_with = "links_lenient")]
    pub links: Links,
}

/// A customer default as Get Order returns it.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CustomerDefaultView {
    /// The default financial instrument, and where it came from.
    #[serde(default)]
    pub financial_instrument: Option<InstrumentAssignment>,
    /// The default scheme, and where it came from.
    #[serde(default)]
    pub scheme: Option<SchemeAssignment>,
    /// The default metadata.
    #[serde(default, deserialize_with = "metadata_or_empty")]
    pub metadata: Metadata,
}

/// An order as Get Order returns it.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Order {
    /// Your reference for the order.
    pub order_ref: String,
    /// Your key-value data.
    #[serde(default, deserialize_with = "metadata_or_empty")]
    pub metadata: Metadata,
    /// What its instructions inherit, by customer reference.
    #[serde(default)]
    pub customer_defaults: CustomerDefaultViews,
    /// Its instructions, in the server's order.
    #[serde(default)]
    pub instructions: Vec<Instruction>,
    /// When it was created.
    #[serde(default)]
    #[cfg_attr(feature = "napi", napi(ts_type = "number"))]
    pub created: Option<Timestamp>,
    /// When it last changed.
    #[serde(default)]
    #[cfg_attr(feature = "napi", napi(ts_type = "number"))]
    pub last_updated: Option<Timestamp>,
    /// The API's `_links`, by relation (`self`).
    #[serde(rename = "_links", default, deserialize_with = "links_lenient")]
    pub links: Links,
}

/// What a financial instrument can do.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Capabilities {
    /// What kind of value the instrument holds, as the server wrote it.
    #[serde(default)]
    pub value_type: Option<String>,
    /// How it may be used (e.g. single or recurring), as the server wrote it.
    #[serde(default)]
    pub usage_type: Option<String>,
    /// Whether payouts can go to it.
    #[serde(default)]
    pub can_credit: Option<bool>,
    /// Whether collections can come from it.
    #[serde(default)]
    pub can_debit: Option<bool>,
}

/// A stored means of payment (card, mandate, mobile number…).
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FinancialInstrument {
    /// The instrument's id.
    pub id: String,
    /// Its type (`MOBILE`, `CARD`, …; `type` in the API).
    #[serde(rename = "type", default)]
    #[cfg_attr(feature = "napi", napi(js_name = "type"))]
    pub kind: Option<String>,
    /// Its status, as the server wrote it.
    #[serde(default)]
    pub status: Option<String>,
    /// A name to show the customer (e.g. a masked number).
    #[serde(default)]
    pub display_name: Option<String>,
    /// When it was stored.
    #[serde(default, alias = "createdDate")]
    #[cfg_attr(feature = "napi", napi(ts_type = "number"))]
    pub created_timestamp: Option<Timestamp>,
    /// How it was authorised, as the server wrote it.
    #[serde(default)]
    pub authorization_source: Option<String>,
    /// Network-specific details; values that are not strings are kept as their JSON text.
    #[serde(default, deserialize_with = "string_map_lenient")]
    pub details: Metadata,
    /// What it can do.
    #[serde(default)]
    pub capabilities: Option<Capabilities>,
    /// Whether the instrument is in the customer's wallet (`wallet.enabled`).
    #[serde(rename = "wallet", default, deserialize_with = "wallet_enabled")]
    pub in_wallet: Option<bool>,
}

/// A customer in the vault.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Customer {
    /// Filled from the request when the server leaves it out.
    #[serde(default)]
    pub customer_ref: String,
    /// The customer's status, as the server wrote it.
    #[serde(default)]
    pub status: Option<String>,
    /// Your key-value data.
    #[serde(default, deserialize_with = "metadata_or_empty")]
    pub metadata: Metadata,
    /// The customer's stored financial instruments.
    #[serde(default)]
    pub financial_instruments: Vec<FinancialInstrument>,
    /// Epoch milliseconds.
    #[serde(default)]
    #[cfg_attr(feature = "napi", napi(ts_type = "number"))]
    pub created: Option<Timestamp>,
}

/// The financial instruments stored in a customer's wallet.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Wallet {
    /// The instruments in the wallet.
    #[serde(default)]
    pub financial_instruments: Vec<FinancialInstrument>,
}

/// The answer to creating a financial instrument.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CreatedInstrument {
    /// The new financial instrument's id.
    pub id: String,
}

/// How create order / create instruction ended.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Created {
    /// 201 (created) or 202 (accepted for processing: an order with instructions).
    pub status: i32,
    /// True when an attempt's outcome was unknown, a retry found the entity already there, and
    /// the SDK confirmed it is the one this call sent.
    pub reconciled: bool,
}
}

/// Metadata where `null` means "none" and null values are dropped, as the API does.
fn metadata_or_empty<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Metadata, D::Error> {
    let map: Option<BTreeMap<String, Option<String>>> = Option::deserialize(deserializer)?;
    Ok(map.unwrap_or_default().into_iter().filter_map(|(k, v)| Some((k, v?))).collect())
}

/// `_links` by relation. A relation the API sends as a list (`transactions[]`,
/// `financialInstruments[]`) is kept entry by entry as `transactions[0]`, `transactions[1]`, …,
/// and an entry that is not a link is left out: links never fail a call.
fn links_lenient<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Links, D::Error> {
    let raw: Option<BTreeMap<String, serde_json::Value>> = Option::deserialize(deserializer)?;
    let mut links = Links::new();
    for (relation, value) in raw.unwrap_or_default() {
        match value {
            serde_json::Value::Array(items) => {
                for (i, item) in items.into_iter().enumerate() {
                    if let Ok(link) = serde_json::from_value::<Link>(item) {
                        links.insert(format!("{relation}[{i}]"), link);
                    }
                }
            }
            single => {
                if let Ok(link) = serde_json::from_value::<Link>(single) {
                    links.insert(relation, link);
                }
            }
        }
    }
    Ok(links)
}

/// A list where `null` means none.
fn list_or_empty<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
    Ok(Option::<Vec<T>>::deserialize(deserializer)?.unwrap_or_default())
}

/// Text that the API may send as a string or a number (`numeric: 826` or `"826"`).
fn text_lenient<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<serde_json::Value>::deserialize(deserializer)? {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(text)) => Some(text),
        Some(other) => Some(other.to_string()),
    })
}

fn string_map_lenient<'de, D: Deserializer<'de>>(deserializer: D) -> Result<BTreeMap<String, String>, D::Error> {
    let map: Option<BTreeMap<String, serde_json::Value>> = Option::deserialize(deserializer)?;
    Ok(map
        .unwrap_or_default()
        .into_iter()
        .filter(|(_, v)| !v.is_null())
        .map(|(k, v)| match v {
            serde_json::Value::String(s) => (k, s),
            other => (k, other.to_string()),
        })
        .collect())
}

fn wallet_enabled<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<bool>, D::Error> {
    #[derive(Deserialize)]
    struct WalletFlag {
        enabled: Option<bool>,
    }
    let flag: Option<WalletFlag> = Option::deserialize(deserializer)?;
    Ok(flag.and_then(|f| f.enabled))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_round_trip_exactly() {
        for (json, text) in [("12.10", "12.10"), ("\"210.00\"", "210.00"), ("0.1", "0.1"), ("1234567.89", "1234567.89")]
        {
            let amount: Amount = serde_json::from_str(json).unwrap();
            assert_eq!(amount.as_str(), text);
        }
        let amount = Amount::from("49.90");
        assert_eq!(serde_json::to_string(&amount).unwrap(), "49.90");
        assert_eq!(serde_json::to_string(&Amount::from("0.10")).unwrap(), "0.10");
        assert_eq!(serde_json::to_string(&Amount::from("007.5")).unwrap(), "7.5");
        for bad in ["true", "\"abc\"", "1e3", "\"12,50\"", "null"] {
            assert!(serde_json::from_str::<Amount>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn amount_checks() {
        assert!(Amount::from("12.34").is_positive());
        assert!(!Amount::from("0.00").is_positive());
        assert!(!Amount::from("-1").is_positive());
        assert!(!Amount::from("1e3").is_plain_decimal());
        assert!(!Amount::from("12,50").is_plain_decimal());
        assert!(Amount::from("10.50").same_value(&Amount::from("10.5")));
        assert!(Amount::from("010").same_value(&Amount::from("10.000")));
        assert!(!Amount::from("10.05").same_value(&Amount::from("10.5")));
    }

    #[test]
    fn responses_tolerate_unknown_fields_and_nulls() {
        let json = r#"{"_links":{},"direction":"CREDIT","status":"COMPLETED","amount":10,"currency":"EUR",
            "metadata":{"a":"1","b":null},"newField":{"x":1},"financialInstrument":null,"transaction":{"transactionId":"t","amount":9.99}}"#;
        let instruction: Instruction = serde_json::from_str(json).unwrap();
        assert_eq!(instruction.status, "COMPLETED");
        assert!(instruction.links.is_empty(), "an empty _links is no links");
        assert_eq!(instruction.metadata.len(), 1);
        assert_eq!(instruction.transaction.unwrap().amount.unwrap().as_str(), "9.99");
        let fi: FinancialInstrument = serde_json::from_str(
            r#"{"id":"f","type":"MANDATE:ACH","details":{"hasFirstTransactionBeenSent":false,"n":null},"wallet":{"enabled":true}}"#,
        )
        .unwrap();
        assert_eq!(fi.details["hasFirstTransactionBeenSent"], "false");
        assert_eq!(fi.in_wallet, Some(true));
    }

    #[test]
    fn an_instruction_keeps_its_links() {
        let json = r#"{"_links":{"self":{"href":"/v2/order-management/O-1/instruction/I-1"},"order":{"href":"/v2/order-management/O-1","name":"O-1"}},
            "direction":"DEBIT","status":"READY","amount":"1.00","currency":"GBP"}"#;
        let instruction: Instruction = serde_json::from_str(json).unwrap();
        assert_eq!(instruction.links["self"].href, "/v2/order-management/O-1/instruction/I-1");
        assert_eq!(instruction.links["order"].name.as_deref(), Some("O-1"));
    }

    #[test]
    fn a_settled_card_payment_keeps_its_transaction_refunds_and_list_links() {
        // The shape of the reference's "Card Payment using Stripe with Refund" sample.
        let json = r#"{"_links":{"self":{"href":"/v1/order-management/O-1/instruction/I-1","name":"self"},
            "transactions":[{"href":"/v1/customer-vault/C-1/financial-instrument/F-1/transaction/T-1","name":"T-1"},{"oops":1},7],
            "broken":"not a link"},
            "direction":"DEBIT","status":"SETTLED","amount":25.00,"currency":"GBP",
            "transaction":{"transactionId":"T-1","financialInstrumentId":"F-1","createdTimestamp":1662105575226,
              "amount":25.00,"netAmount":20.50,"status":"SETTLED","additionalInformation":{"cardBrand":"visa","threeDs":true},
              "app":{"appId":"STRIPE","appTransactionId":"pi_1","appBatchId":null,"supportDetails":{"customerId":"cus_9"}},
              "refunds":[{"refundId":"R-1","createdTimestamp":1662105600000,"amount":4.50,"status":"SETTLED","newField":1}],
              "chargebacks":null,"somethingNew":{"x":[1]}}}"#;
        let instruction: Instruction = serde_json::from_str(json).unwrap();
        let t = instruction.transaction.expect("a transaction");
        assert_eq!(t.net_amount.as_ref().map(Amount::as_str), Some("20.50"), "exact digits");
        assert_eq!(t.financial_instrument_id.as_deref(), Some("F-1"));
        assert_eq!(t.additional_information["cardBrand"], "visa");
        assert_eq!(t.additional_information["threeDs"], "true", "a value that is not text kept as JSON");
        let app = t.app.expect("the app");
        assert_eq!((app.app_id.as_deref(), app.app_batch_id), (Some("STRIPE"), None));
        assert_eq!(app.support_details["customerId"], "cus_9");
        assert_eq!(t.refunds.len(), 1);
        assert_eq!(t.refunds[0].amount.as_ref().map(Amount::as_str), Some("4.50"));
        assert_eq!(t.refunds[0].created_timestamp.map(|c| c.epoch_millis()), Some(1_662_105_600_000));
        assert!(t.chargebacks.is_empty(), "null is none");
        assert_eq!(instruction.links["transactions[0]"].name.as_deref(), Some("T-1"));
        assert_eq!(instruction.links.len(), 3, "self, transactions[0], and the entry with no href");
        assert!(!instruction.links.contains_key("broken") && !instruction.links.contains_key("transactions[2]"));
    }

    #[test]
    fn requests_serialize_in_the_documented_shape() {
        let order = NewOrder {
            order_ref: "O-1".into(),
            instructions: vec![NewInstruction {
                instruction_ref: "I-1".into(),
                customer_ref: "C-1".into(),
                direction: Direction::Debit,
                amount: "12.50".into(),
                currency: "GBP".into(),
                country: "GB".into(),
                settled_by_date: None,
                scheme_id: Some("S".into()),
                financial_instrument_id: None,
                metadata: Metadata::new(),
            }],
            ..NewOrder::default()
        };
        assert_eq!(
            serde_json::to_string(&order).unwrap(),
            r#"{"orderRef":"O-1","instructions":[{"instructionRef":"I-1","customerRef":"C-1","direction":"DEBIT","amount":12.50,"currency":"GBP","country":"GB","schemeId":"S"}]}"#
        );
    }
}
