//! The core's request and response models as uniffi records (Kotlin data classes, Swift
//! structs), with field-by-field conversions and nothing else.
//!
//! Amounts stay the exact decimal text (`"49.90"`), never a float. Metadata is a string map.
//! Statuses and attempts are `Int`, epoch-millisecond timestamps `Long`.

use std::collections::HashMap;

use imburse::models as core;

pub type Metadata = HashMap<String, String>;

fn to_core_map(map: Metadata) -> core::Metadata {
    map.into_iter().collect()
}

fn from_core_map(map: core::Metadata) -> Metadata {
    map.into_iter().collect()
}

/// Money in (`DEBIT`, a collection) or out (`CREDIT`, a payout).
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Debit,
    Credit,
}

impl From<Direction> for core::Direction {
    fn from(d: Direction) -> Self {
        match d {
            Direction::Debit => core::Direction::Debit,
            Direction::Credit => core::Direction::Credit,
        }
    }
}

impl From<core::Direction> for Direction {
    fn from(d: core::Direction) -> Self {
        match d {
            core::Direction::Debit => Direction::Debit,
            core::Direction::Credit => Direction::Credit,
        }
    }
}

// ---------------------------------------------------------------- requests

/// One payment to or from a customer.
#[derive(uniffi::Record, Clone, Debug)]
pub struct NewInstruction {
    pub instruction_ref: String,
    pub customer_ref: String,
    pub direction: Direction,
    /// An exact decimal in major units, e.g. `"49.99"`.
    pub amount: String,
    /// ISO 4217, e.g. `GBP`.
    pub currency: String,
    /// ISO 3166 alpha-2, e.g. `GB`.
    pub country: String,
    /// `YYYY-MM-DD`.
    #[uniffi(default)]
    pub settled_by_date: Option<String>,
    #[uniffi(default)]
    pub scheme_id: Option<String>,
    #[uniffi(default)]
    pub financial_instrument_id: Option<String>,
    #[uniffi(default)]
    pub metadata: Metadata,
}

impl From<NewInstruction> for core::NewInstruction {
    fn from(i: NewInstruction) -> Self {
        core::NewInstruction {
            instruction_ref: i.instruction_ref,
            customer_ref: i.customer_ref,
            direction: i.direction.into(),
            amount: i.amount.into(),
            currency: i.currency,
            country: i.country,
            settled_by_date: i.settled_by_date,
            scheme_id: i.scheme_id,
            financial_instrument_id: i.financial_instrument_id,
            metadata: to_core_map(i.metadata),
        }
    }
}

/// What an order's instructions for one customer inherit unless they set their own.
#[derive(uniffi::Record, Clone, Debug, Default)]
pub struct CustomerDefault {
    #[uniffi(default)]
    pub financial_instrument_id: Option<String>,
    #[uniffi(default)]
    pub scheme_id: Option<String>,
    #[uniffi(default)]
    pub metadata: Metadata,
}

/// An order to create, with its instructions.
#[derive(uniffi::Record, Clone, Debug)]
pub struct NewOrder {
    pub order_ref: String,
    #[uniffi(default)]
    pub instructions: Vec<NewInstruction>,
    #[uniffi(default)]
    pub metadata: Metadata,
    /// Keyed by customer reference.
    #[uniffi(default)]
    pub customer_defaults: HashMap<String, CustomerDefault>,
}

impl From<NewOrder> for core::NewOrder {
    fn from(o: NewOrder) -> Self {
        core::NewOrder {
            order_ref: o.order_ref,
            instructions: o.instructions.into_iter().map(Into::into).collect(),
            metadata: to_core_map(o.metadata),
            customer_defaults: o
                .customer_defaults
                .into_iter()
                .map(|(customer_ref, d)| {
                    let default = core::CustomerDefault {
                        financial_instrument_id: d.financial_instrument_id,
                        scheme_id: d.scheme_id,
                        metadata: to_core_map(d.metadata),
                    };
                    (customer_ref, default)
                })
                .collect(),
        }
    }
}

/// A mobile number to store as a financial instrument (`countryCode` is the dialling code).
#[derive(uniffi::Record, Clone, Debug)]
pub struct NewMobileInstrument {
    pub country_code: String,
    pub phone_number: String,
}

impl From<NewMobileInstrument> for core::NewMobileInstrument {
    fn from(m: NewMobileInstrument) -> Self {
        core::NewMobileInstrument { country_code: m.country_code, phone_number: m.phone_number }
    }
}

// --------------------------------------------------------------- responses

/// How a successful call went: the final status, the attempts it took, and the
/// `X-Correlation-ID` every attempt carried.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
pub struct ResponseMeta {
    pub status: i32,
    pub attempts: i32,
    pub client_correlation_id: String,
}

impl From<imburse::ResponseMeta> for ResponseMeta {
    fn from(m: imburse::ResponseMeta) -> Self {
        ResponseMeta {
            status: i32::from(m.status),
            attempts: i32::try_from(m.attempts).unwrap_or(i32::MAX),
            client_correlation_id: m.client_correlation_id,
        }
    }
}

/// Where an instruction's financial instrument came from (`NONE`, `CUSTOMER_DEFAULT`,
/// `MANUALLY_SET`).
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
pub struct InstrumentAssignment {
    pub financial_instrument_id: Option<String>,
    pub source: Option<String>,
    pub can_update: Option<bool>,
}

impl From<core::InstrumentAssignment> for InstrumentAssignment {
    fn from(a: core::InstrumentAssignment) -> Self {
        InstrumentAssignment {
            financial_instrument_id: a.financial_instrument_id,
            source: a.source,
            can_update: a.can_update,
        }
    }
}

/// Where an instruction's scheme came from.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
pub struct SchemeAssignment {
    pub scheme_id: Option<String>,
    pub source: Option<String>,
    pub can_update: Option<bool>,
}

impl From<core::SchemeAssignment> for SchemeAssignment {
    fn from(a: core::SchemeAssignment) -> Self {
        SchemeAssignment { scheme_id: a.scheme_id, source: a.source, can_update: a.can_update }
    }
}

/// The money movement behind an instruction, once there is one.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
pub struct Transaction {
    pub transaction_id: Option<String>,
    pub status: Option<String>,
    pub amount: Option<String>,
    pub net_amount: Option<String>,
    pub created_timestamp: Option<i64>,
    pub last_updated_timestamp: Option<i64>,
}

impl From<core::Transaction> for Transaction {
    fn from(t: core::Transaction) -> Self {
        Transaction {
            transaction_id: t.transaction_id,
            status: t.status,
            amount: t.amount.map(|a| a.as_str().to_string()),
            net_amount: t.net_amount.map(|a| a.as_str().to_string()),
            created_timestamp: t.created_timestamp,
            last_updated_timestamp: t.last_updated_timestamp,
        }
    }
}

/// An instruction as Get Instruction returns it. Timestamps are epoch milliseconds.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
pub struct Instruction {
    pub order_ref: Option<String>,
    pub instruction_ref: Option<String>,
    pub customer_ref: Option<String>,
    pub direction: Direction,
    /// As the server sent it (`INCOMPLETE`, `READY`, …, `VOID`, or a newer one).
    pub status: String,
    /// The exact decimal text the server sent.
    pub amount: String,
    pub currency: String,
    pub country: Option<String>,
    pub settled_by_date: Option<String>,
    pub forecasted_settlement_date: Option<String>,
    pub actual_settlement_date: Option<String>,
    pub execution_timestamp: Option<i64>,
    pub financial_instrument: Option<InstrumentAssignment>,
    pub scheme: Option<SchemeAssignment>,
    pub metadata: Metadata,
    pub transaction: Option<Transaction>,
    pub created: Option<i64>,
    pub last_updated: Option<i64>,
    /// The API's `_links`, by relation (`self`, `order`).
    pub links: HashMap<String, Link>,
}

/// A link of an entity (`_links` entries).
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub href: String,
    pub name: Option<String>,
}

impl From<core::Link> for Link {
    fn from(l: core::Link) -> Self {
        Link { href: l.href, name: l.name }
    }
}

impl From<core::Instruction> for Instruction {
    fn from(i: core::Instruction) -> Self {
        Instruction {
            order_ref: i.order_ref,
            instruction_ref: i.instruction_ref,
            customer_ref: i.customer_ref,
            direction: i.direction.into(),
            status: i.status,
            amount: i.amount.as_str().to_string(),
            currency: i.currency,
            country: i.country,
            settled_by_date: i.settled_by_date,
            forecasted_settlement_date: i.forecasted_settlement_date,
            actual_settlement_date: i.actual_settlement_date,
            execution_timestamp: i.execution_timestamp,
            financial_instrument: i.financial_instrument.map(Into::into),
            scheme: i.scheme.map(Into::into),
            metadata: from_core_map(i.metadata),
            transaction: i.transaction.map(Into::into),
            created: i.created,
            last_updated: i.last_updated,
            links: i.links.into_iter().map(|(rel, link)| (rel, link.into())).collect(),
        }
    }
}

/// A customer default as Get Order returns it.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
pub struct CustomerDefaultView {
    pub financial_instrument: Option<InstrumentAssignment>,
    pub scheme: Option<SchemeAssignment>,
    pub metadata: Metadata,
}

/// An order as Get Order returns it.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
pub struct Order {
    pub order_ref: String,
    pub metadata: Metadata,
    /// Keyed by customer reference.
    pub customer_defaults: HashMap<String, CustomerDefaultView>,
    /// In the server's (creation) order.
    pub instructions: Vec<Instruction>,
    pub created: Option<i64>,
    pub last_updated: Option<i64>,
}

impl From<core::Order> for Order {
    fn from(o: core::Order) -> Self {
        Order {
            order_ref: o.order_ref,
            metadata: from_core_map(o.metadata),
            customer_defaults: o
                .customer_defaults
                .into_iter()
                .map(|(customer_ref, d)| {
                    let view = CustomerDefaultView {
                        financial_instrument: d.financial_instrument.map(Into::into),
                        scheme: d.scheme.map(Into::into),
                        metadata: from_core_map(d.metadata),
                    };
                    (customer_ref, view)
                })
                .collect(),
            instructions: o.instructions.into_iter().map(Into::into).collect(),
            created: o.created,
            last_updated: o.last_updated,
        }
    }
}

/// What a financial instrument can do.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
pub struct Capabilities {
    pub value_type: Option<String>,
    pub usage_type: Option<String>,
    pub can_credit: Option<bool>,
    pub can_debit: Option<bool>,
}

/// A stored means of payment (card, mandate, mobile number…).
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
pub struct FinancialInstrument {
    pub id: String,
    /// The API's `type`, e.g. `MOBILE`.
    pub kind: Option<String>,
    pub status: Option<String>,
    pub display_name: Option<String>,
    pub created_timestamp: Option<i64>,
    pub authorization_source: Option<String>,
    /// Network-specific details; values that are not strings are kept as their JSON text.
    pub details: HashMap<String, String>,
    pub capabilities: Option<Capabilities>,
    /// Whether the instrument is in the customer's wallet.
    pub in_wallet: Option<bool>,
}

impl From<core::FinancialInstrument> for FinancialInstrument {
    fn from(f: core::FinancialInstrument) -> Self {
        FinancialInstrument {
            id: f.id,
            kind: f.kind,
            status: f.status,
            display_name: f.display_name,
            created_timestamp: f.created_timestamp,
            authorization_source: f.authorization_source,
            details: f.details.into_iter().collect(),
            capabilities: f.capabilities.map(|c| Capabilities {
                value_type: c.value_type,
                usage_type: c.usage_type,
                can_credit: c.can_credit,
                can_debit: c.can_debit,
            }),
            in_wallet: f.in_wallet,
        }
    }
}

/// A customer in the vault.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
pub struct Customer {
    pub customer_ref: String,
    pub status: Option<String>,
    pub metadata: Metadata,
    /// In the server's (creation) order.
    pub financial_instruments: Vec<FinancialInstrument>,
    pub created: Option<i64>,
}

impl From<core::Customer> for Customer {
    fn from(c: core::Customer) -> Self {
        Customer {
            customer_ref: c.customer_ref,
            status: c.status,
            metadata: from_core_map(c.metadata),
            financial_instruments: c.financial_instruments.into_iter().map(Into::into).collect(),
            created: c.created,
        }
    }
}

/// The financial instruments in a customer's wallet.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
pub struct Wallet {
    pub financial_instruments: Vec<FinancialInstrument>,
}

/// How create order / create instruction ended.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
pub struct Created {
    /// 201 (created) or 202 (accepted: an order with instructions).
    pub status: i32,
    /// True when an attempt's outcome was unknown, a retry found the entity already there, and
    /// the SDK confirmed it is the one this call sent.
    pub reconciled: bool,
}

// ------------------------------------------------- results: data plus how the call went

/// Declares `$name { data: $data, meta: ResponseMeta }` and its conversion from the core's
/// `Response`, since uniffi records cannot be generic.
macro_rules! response {
    ($(#[$doc:meta])* $name:ident, $data:ty, $core:ty, |$d:ident| $convert:expr) => {
        $(#[$doc])*
        #[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
        pub struct $name {
            pub data: $data,
            pub meta: ResponseMeta,
        }

        impl From<imburse::Response<$core>> for $name {
            fn from(r: imburse::Response<$core>) -> Self {
                let $d = r.data;
                $name { data: $convert, meta: r.meta.into() }
            }
        }
    };
}

response!(
    /// The result of create order / create instruction.
    CreatedResponse, Created, core::Created,
    |c| Created { status: i32::from(c.status), reconciled: c.reconciled }
);
response!(OrderResponse, Order, core::Order, |o| o.into());
response!(InstructionResponse, Instruction, core::Instruction, |i| i.into());
response!(CustomerResponse, Customer, core::Customer, |c| c.into());
response!(WalletResponse, Wallet, core::Wallet, |w| Wallet {
    financial_instruments: w.financial_instruments.into_iter().map(Into::into).collect()
});
response!(
    /// The result of add mobile instrument: the new instrument's id.
    CreatedInstrumentResponse, String, core::CreatedInstrument, |c| c.id
);
response!(FinancialInstrumentResponse, FinancialInstrument, core::FinancialInstrument, |f| f.into());

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_keep_every_digit_both_ways() {
        let new = NewInstruction {
            instruction_ref: "I-1".into(),
            customer_ref: "C-1".into(),
            direction: Direction::Credit,
            amount: "1234567.10".into(),
            currency: "GBP".into(),
            country: "GB".into(),
            settled_by_date: None,
            scheme_id: None,
            financial_instrument_id: None,
            metadata: Metadata::from([("k".to_string(), "v".to_string())]),
        };
        let core: core::NewInstruction = new.into();
        assert_eq!(core.amount.as_str(), "1234567.10");
        assert_eq!(core.direction, core::Direction::Credit);
        assert_eq!(core.metadata.get("k").map(String::as_str), Some("v"));
    }

    #[test]
    fn a_created_response_keeps_status_attempts_and_correlation_id() {
        let core = imburse::Response {
            data: core::Created { status: 202, reconciled: true },
            meta: imburse::ResponseMeta { status: 202, attempts: 2, client_correlation_id: "call-7".into() },
        };
        let r = CreatedResponse::from(core);
        assert_eq!(r.data, Created { status: 202, reconciled: true });
        assert_eq!(r.meta, ResponseMeta { status: 202, attempts: 2, client_correlation_id: "call-7".into() });
    }
}

imburse::into_core_by_from!(
    NewOrder => core::NewOrder,
    NewInstruction => core::NewInstruction,
    NewMobileInstrument => core::NewMobileInstrument,
);
