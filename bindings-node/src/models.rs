//! The JavaScript shapes of the core's requests and results, and the conversions between them.
//!
//! Field names become camelCase; amounts stay exact decimal strings (the core's `Amount` text,
//! never a JavaScript number); metadata is a plain `Record<string, string>`; epoch-millisecond
//! timestamps are numbers (safe integers for any date a payment can carry). Results set every
//! field, `null` when the server left it out, so a caller never has to tell `undefined` from
//! "absent". Nothing here checks a value: the core validates every request.

use std::collections::BTreeMap;

use imburse::models as sdk;
use napi_derive::napi;

/// Key-value data attached to orders, instructions and customers.
#[napi]
pub type Metadata = BTreeMap<String, String>;

/// Money in (`DEBIT`, a collection) or out (`CREDIT`, a payout).
#[napi(string_enum = "UPPERCASE")]
pub enum Direction {
    Debit,
    Credit,
}

impl From<Direction> for sdk::Direction {
    fn from(direction: Direction) -> Self {
        match direction {
            Direction::Debit => sdk::Direction::Debit,
            Direction::Credit => sdk::Direction::Credit,
        }
    }
}

impl From<sdk::Direction> for Direction {
    fn from(direction: sdk::Direction) -> Self {
        match direction {
            sdk::Direction::Debit => Direction::Debit,
            sdk::Direction::Credit => Direction::Credit,
        }
    }
}

// ---------------------------------------------------------------- requests

/// Per-call options: your correlation id (otherwise a UUID is generated) and a tenant to act for
/// instead of the client's default.
#[napi(object)]
pub struct CallOptions {
    /// Sent as `X-Correlation-ID` on every attempt of the call.
    pub correlation_id: Option<String>,
    /// A tenant id (UUID) overriding the client's default for this call.
    pub tenant_id: Option<String>,
}

/// The core's call options for what JavaScript passed (possibly nothing).
pub fn call_options(options: Option<CallOptions>) -> imburse::CallOptions {
    match options {
        Some(o) => imburse::CallOptions { correlation_id: o.correlation_id, tenant_id: o.tenant_id },
        None => imburse::CallOptions::new(),
    }
}

/// One payment to or from a customer, as sent in create order / create instruction.
#[napi(object)]
pub struct NewInstruction {
    pub instruction_ref: String,
    pub customer_ref: String,
    pub direction: Direction,
    /// An exact decimal in major units, e.g. `"49.99"`.
    pub amount: String,
    /// ISO 4217, e.g. `"GBP"`.
    pub currency: String,
    /// ISO 3166-1 alpha-2, e.g. `"GB"`.
    pub country: String,
    /// `YYYY-MM-DD`.
    pub settled_by_date: Option<String>,
    pub scheme_id: Option<String>,
    pub financial_instrument_id: Option<String>,
    pub metadata: Option<Metadata>,
}

impl From<NewInstruction> for sdk::NewInstruction {
    fn from(i: NewInstruction) -> Self {
        sdk::NewInstruction {
            instruction_ref: i.instruction_ref,
            customer_ref: i.customer_ref,
            direction: i.direction.into(),
            amount: i.amount.into(),
            currency: i.currency,
            country: i.country,
            settled_by_date: i.settled_by_date,
            scheme_id: i.scheme_id,
            financial_instrument_id: i.financial_instrument_id,
            metadata: i.metadata.unwrap_or_default(),
        }
    }
}

/// Values an order's instructions for one customer inherit unless they set their own.
#[napi(object)]
pub struct CustomerDefault {
    pub financial_instrument_id: Option<String>,
    pub scheme_id: Option<String>,
    pub metadata: Option<Metadata>,
}

/// The body of create order.
#[napi(object)]
pub struct NewOrder {
    pub order_ref: String,
    pub instructions: Option<Vec<NewInstruction>>,
    pub metadata: Option<Metadata>,
    /// Keyed by customer reference.
    pub customer_defaults: Option<BTreeMap<String, CustomerDefault>>,
}

impl From<NewOrder> for sdk::NewOrder {
    fn from(order: NewOrder) -> Self {
        sdk::NewOrder {
            order_ref: order.order_ref,
            instructions: order.instructions.unwrap_or_default().into_iter().map(Into::into).collect(),
            metadata: order.metadata.unwrap_or_default(),
            customer_defaults: order
                .customer_defaults
                .unwrap_or_default()
                .into_iter()
                .map(|(customer_ref, d)| {
                    let default = sdk::CustomerDefault {
                        financial_instrument_id: d.financial_instrument_id,
                        scheme_id: d.scheme_id,
                        metadata: d.metadata.unwrap_or_default(),
                    };
                    (customer_ref, default)
                })
                .collect(),
        }
    }
}

/// A mobile number to store as a financial instrument (`countryCode` is the dialling code).
#[napi(object)]
pub struct NewMobileInstrument {
    pub country_code: String,
    pub phone_number: String,
}

impl From<NewMobileInstrument> for sdk::NewMobileInstrument {
    fn from(m: NewMobileInstrument) -> Self {
        sdk::NewMobileInstrument { country_code: m.country_code, phone_number: m.phone_number }
    }
}

// --------------------------------------------------------------- responses

/// How a successful call went: the final HTTP status, the attempts it took, and the
/// `X-Correlation-ID` every attempt carried.
#[napi(object, use_nullable = true)]
pub struct ResponseMeta {
    pub status: u32,
    pub attempts: u32,
    pub client_correlation_id: String,
}

impl From<imburse::ResponseMeta> for ResponseMeta {
    fn from(meta: imburse::ResponseMeta) -> Self {
        ResponseMeta {
            status: meta.status.into(),
            attempts: meta.attempts,
            client_correlation_id: meta.client_correlation_id,
        }
    }
}

/// How create order / create instruction ended.
#[napi(object, use_nullable = true)]
pub struct Created {
    /// 201 (created) or 202 (accepted: an order with instructions).
    pub status: u32,
    /// True when an attempt's outcome was unknown, a retry found the entity already there, and
    /// the SDK confirmed it is the one this call sent.
    pub reconciled: bool,
}

/// Where an instruction's financial instrument came from, and whether it can still change.
#[napi(object, use_nullable = true)]
pub struct InstrumentAssignment {
    pub financial_instrument_id: Option<String>,
    /// `NONE`, `CUSTOMER_DEFAULT` or `MANUALLY_SET`.
    pub source: Option<String>,
    pub can_update: Option<bool>,
}

/// Where an instruction's scheme came from, and whether it can still change.
#[napi(object, use_nullable = true)]
pub struct SchemeAssignment {
    pub scheme_id: Option<String>,
    /// `NONE`, `CUSTOMER_DEFAULT` or `MANUALLY_SET`.
    pub source: Option<String>,
    pub can_update: Option<bool>,
}

/// The money movement behind an instruction, once there is one.
#[napi(object, use_nullable = true)]
pub struct Transaction {
    pub transaction_id: Option<String>,
    pub status: Option<String>,
    /// Exact decimal text.
    pub amount: Option<String>,
    /// Exact decimal text.
    pub net_amount: Option<String>,
    /// Epoch milliseconds.
    pub created_timestamp: Option<i64>,
    /// Epoch milliseconds.
    pub last_updated_timestamp: Option<i64>,
}

/// An instruction as get instruction returns it.
#[napi(object, use_nullable = true)]
pub struct Instruction {
    pub order_ref: Option<String>,
    pub instruction_ref: Option<String>,
    pub customer_ref: Option<String>,
    pub direction: Direction,
    /// As the server sent it: `INCOMPLETE`, `READY`, `LATE`, `PROCESSING`, `SETTLED`, `FAILED`,
    /// `VOID`, or a status added since.
    pub status: String,
    /// Exact decimal text, digit for digit as the server sent it.
    pub amount: String,
    pub currency: String,
    pub country: Option<String>,
    pub settled_by_date: Option<String>,
    pub forecasted_settlement_date: Option<String>,
    pub actual_settlement_date: Option<String>,
    /// Epoch milliseconds.
    pub execution_timestamp: Option<i64>,
    pub financial_instrument: Option<InstrumentAssignment>,
    pub scheme: Option<SchemeAssignment>,
    pub metadata: Metadata,
    pub transaction: Option<Transaction>,
    /// Epoch milliseconds.
    pub created: Option<i64>,
    /// Epoch milliseconds.
    pub last_updated: Option<i64>,
}

fn instrument_assignment(a: sdk::InstrumentAssignment) -> InstrumentAssignment {
    InstrumentAssignment {
        financial_instrument_id: a.financial_instrument_id,
        source: a.source,
        can_update: a.can_update,
    }
}

fn scheme_assignment(s: sdk::SchemeAssignment) -> SchemeAssignment {
    SchemeAssignment { scheme_id: s.scheme_id, source: s.source, can_update: s.can_update }
}

impl From<sdk::Instruction> for Instruction {
    fn from(i: sdk::Instruction) -> Self {
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
            financial_instrument: i.financial_instrument.map(instrument_assignment),
            scheme: i.scheme.map(scheme_assignment),
            metadata: i.metadata,
            transaction: i.transaction.map(|t| Transaction {
                transaction_id: t.transaction_id,
                status: t.status,
                amount: t.amount.map(|a| a.as_str().to_string()),
                net_amount: t.net_amount.map(|a| a.as_str().to_string()),
                created_timestamp: t.created_timestamp,
                last_updated_timestamp: t.last_updated_timestamp,
            }),
            created: i.created,
            last_updated: i.last_updated,
        }
    }
}

/// A customer default as get order returns it.
#[napi(object, use_nullable = true)]
pub struct CustomerDefaultView {
    pub financial_instrument: Option<InstrumentAssignment>,
    pub scheme: Option<SchemeAssignment>,
    pub metadata: Metadata,
}

/// An order as get order returns it.
#[napi(object, use_nullable = true)]
pub struct Order {
    pub order_ref: String,
    pub metadata: Metadata,
    /// Keyed by customer reference.
    pub customer_defaults: BTreeMap<String, CustomerDefaultView>,
    /// In the server's order (creation order).
    pub instructions: Vec<Instruction>,
    /// Epoch milliseconds.
    pub created: Option<i64>,
    /// Epoch milliseconds.
    pub last_updated: Option<i64>,
}

impl From<sdk::Order> for Order {
    fn from(o: sdk::Order) -> Self {
        Order {
            order_ref: o.order_ref,
            metadata: o.metadata,
            customer_defaults: o
                .customer_defaults
                .into_iter()
                .map(|(customer_ref, d)| {
                    let view = CustomerDefaultView {
                        financial_instrument: d.financial_instrument.map(instrument_assignment),
                        scheme: d.scheme.map(scheme_assignment),
                        metadata: d.metadata,
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
#[napi(object, use_nullable = true)]
pub struct Capabilities {
    pub value_type: Option<String>,
    pub usage_type: Option<String>,
    pub can_credit: Option<bool>,
    pub can_debit: Option<bool>,
}

/// A stored means of payment (card, mandate, mobile number…).
#[napi(object, use_nullable = true)]
pub struct FinancialInstrument {
    pub id: String,
    /// The instrument type, e.g. `MOBILE`.
    #[napi(js_name = "type")]
    pub kind: Option<String>,
    pub status: Option<String>,
    pub display_name: Option<String>,
    /// Epoch milliseconds.
    pub created_timestamp: Option<i64>,
    pub authorization_source: Option<String>,
    /// Network-specific details as the server sent them (non-string values as JSON text).
    pub details: BTreeMap<String, String>,
    pub capabilities: Option<Capabilities>,
    /// Whether the instrument is in the customer's wallet.
    pub in_wallet: Option<bool>,
}

impl From<sdk::FinancialInstrument> for FinancialInstrument {
    fn from(f: sdk::FinancialInstrument) -> Self {
        FinancialInstrument {
            id: f.id,
            kind: f.kind,
            status: f.status,
            display_name: f.display_name,
            created_timestamp: f.created_timestamp,
            authorization_source: f.authorization_source,
            details: f.details,
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
#[napi(object, use_nullable = true)]
pub struct Customer {
    pub customer_ref: String,
    pub status: Option<String>,
    pub metadata: Metadata,
    /// In the server's order (creation order).
    pub financial_instruments: Vec<FinancialInstrument>,
    /// Epoch milliseconds.
    pub created: Option<i64>,
}

impl From<sdk::Customer> for Customer {
    fn from(c: sdk::Customer) -> Self {
        Customer {
            customer_ref: c.customer_ref,
            status: c.status,
            metadata: c.metadata,
            financial_instruments: c.financial_instruments.into_iter().map(Into::into).collect(),
            created: c.created,
        }
    }
}

/// The financial instruments stored in a customer's wallet.
#[napi(object, use_nullable = true)]
pub struct Wallet {
    pub financial_instruments: Vec<FinancialInstrument>,
}

/// The answer to storing a financial instrument.
#[napi(object, use_nullable = true)]
pub struct CreatedInstrument {
    pub id: String,
}

// Results with how the call went. One concrete type per data type, because the generated
// TypeScript cannot express the core's generic `Response<T>`.

/// The result of create order / create instruction.
#[napi(object, use_nullable = true)]
pub struct CreatedResponse {
    pub data: Created,
    pub meta: ResponseMeta,
}

/// The result of get order.
#[napi(object, use_nullable = true)]
pub struct OrderResponse {
    pub data: Order,
    pub meta: ResponseMeta,
}

/// The result of get instruction.
#[napi(object, use_nullable = true)]
pub struct InstructionResponse {
    pub data: Instruction,
    pub meta: ResponseMeta,
}

/// The result of get customer / get or create customer.
#[napi(object, use_nullable = true)]
pub struct CustomerResponse {
    pub data: Customer,
    pub meta: ResponseMeta,
}

/// The result of get wallet.
#[napi(object, use_nullable = true)]
pub struct WalletResponse {
    pub data: Wallet,
    pub meta: ResponseMeta,
}

/// The result of add mobile instrument.
#[napi(object, use_nullable = true)]
pub struct CreatedInstrumentResponse {
    pub data: CreatedInstrument,
    pub meta: ResponseMeta,
}

/// The result of get financial instrument.
#[napi(object, use_nullable = true)]
pub struct FinancialInstrumentResponse {
    pub data: FinancialInstrument,
    pub meta: ResponseMeta,
}

impl From<imburse::Response<sdk::Created>> for CreatedResponse {
    fn from(r: imburse::Response<sdk::Created>) -> Self {
        CreatedResponse {
            data: Created { status: r.data.status.into(), reconciled: r.data.reconciled },
            meta: r.meta.into(),
        }
    }
}

/// The core's `Response<T>` into its JavaScript counterpart, for every data type.
macro_rules! response_from {
    ($($js:ident <- $core:ty),* $(,)?) => {
        $(impl From<imburse::Response<$core>> for $js {
            fn from(r: imburse::Response<$core>) -> Self {
                $js { data: r.data.into(), meta: r.meta.into() }
            }
        })*
    };
}

response_from!(
    OrderResponse <- sdk::Order,
    InstructionResponse <- sdk::Instruction,
    CustomerResponse <- sdk::Customer,
    WalletResponse <- sdk::Wallet,
    CreatedInstrumentResponse <- sdk::CreatedInstrument,
    FinancialInstrumentResponse <- sdk::FinancialInstrument,
);

impl From<sdk::Wallet> for Wallet {
    fn from(w: sdk::Wallet) -> Self {
        Wallet { financial_instruments: w.financial_instruments.into_iter().map(Into::into).collect() }
    }
}

impl From<sdk::CreatedInstrument> for CreatedInstrument {
    fn from(c: sdk::CreatedInstrument) -> Self {
        CreatedInstrument { id: c.id }
    }
}

/// A method argument as the core takes it: the conversion the generated methods apply to each
/// argument (strings and maps are the same type on both sides).
pub trait IntoCore {
    type Core;
    fn into_core(self) -> Self::Core;
}

macro_rules! same_on_both_sides {
    ($($ty:ty),*) => {
        $(impl IntoCore for $ty {
            type Core = $ty;
            fn into_core(self) -> $ty {
                self
            }
        })*
    };
}

same_on_both_sides!(String, Option<String>, Metadata);

macro_rules! converted {
    ($($js:ty => $core:ty),*) => {
        $(impl IntoCore for $js {
            type Core = $core;
            fn into_core(self) -> $core {
                self.into()
            }
        })*
    };
}

converted!(NewOrder => sdk::NewOrder, NewInstruction => sdk::NewInstruction, NewMobileInstrument => sdk::NewMobileInstrument);
