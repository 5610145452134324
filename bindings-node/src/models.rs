//! The JavaScript shapes of the core's requests, and the concrete results with how a call went.
//!
//! Results are the core's models as they are (derived in the core): field names camelCase,
//! amounts exact decimal strings (never a JavaScript number), metadata a plain
//! `Record<string, string>`, epoch-millisecond timestamps numbers, every field set (`null` when
//! the server left it out). Requests are written here because JavaScript callers may leave out
//! what the core's types require (metadata, instructions, customer defaults). Nothing here
//! checks a value: the core validates every request.

use std::collections::BTreeMap;

use imburse::config::{HostCallOptions, HostLanguage};
use imburse::models as sdk;
pub use imburse::models::Metadata;
use napi_derive::napi;

// ---------------------------------------------------------------- requests

/// Per-call options: your correlation id (otherwise a UUID is generated), a tenant to act for
/// instead of the client's default, and this call's own limits instead of the client's (a value
/// out of range rejects with `InvalidRequestError`, nothing sent).
#[napi(object)]
#[derive(Default)]
pub struct CallOptions {
    /// Sent as `X-Correlation-ID` on every attempt of the call.
    pub correlation_id: Option<String>,
    /// A tenant id (UUID) overriding the client's default for this call.
    pub tenant_id: Option<String>,
    /// The whole call's time in milliseconds: every attempt, token refresh and backoff.
    pub timeout_ms: Option<f64>,
    /// Each attempt's time in milliseconds, body included.
    pub attempt_timeout_ms: Option<f64>,
    /// Attempts for this call, the first included (1 disables retries).
    pub max_attempts: Option<i64>,
}

/// The core's call options for what JavaScript passed (possibly nothing).
pub fn call_options(options: Option<CallOptions>) -> imburse::CallOptions {
    let o = options.unwrap_or_default();
    let host = HostCallOptions {
        correlation_id: o.correlation_id,
        tenant_id: o.tenant_id,
        timeout: o.timeout_ms,
        attempt_timeout: o.attempt_timeout_ms,
        max_attempts: o.max_attempts,
    };
    host.into_core(HostLanguage::JavaScript)
}

/// One payment to or from a customer, as sent in create order / create instruction.
#[napi(object)]
pub struct NewInstruction {
    pub instruction_ref: String,
    pub customer_ref: String,
    pub direction: sdk::Direction,
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
            direction: i.direction,
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

/// A scheme to create (collect or payout): its first draft.
#[napi(object)]
pub struct NewScheme {
    pub name: String,
    pub code: Option<String>,
    /// E.g. `"SingleUse"`.
    pub agreement_type: Option<String>,
    pub rules: Option<Vec<NewSchemeRule>>,
}

/// One rule of a new scheme.
#[napi(object)]
pub struct NewSchemeRule {
    /// ISO 4217 codes, e.g. `["GBP"]`.
    pub currencies: Option<Vec<String>>,
    /// ISO 3166-1 alpha-2 codes, e.g. `["GB"]`.
    pub countries: Option<Vec<String>>,
    /// Exact decimal text, e.g. `"0.01"`.
    pub low_value_inclusive: Option<String>,
    /// Exact decimal text, e.g. `"1000.00"`.
    pub high_value_inclusive: Option<String>,
    pub apps: Option<Vec<NewSchemeApp>>,
}

/// An app serving a rule, and the payment methods it must not offer there.
#[napi(object)]
pub struct NewSchemeApp {
    /// E.g. `"STRIPE"`.
    pub app_id: String,
    pub excluded_payment_methods: Option<Vec<String>>,
}

impl From<NewScheme> for sdk::NewScheme {
    fn from(s: NewScheme) -> Self {
        let rules = s.rules.unwrap_or_default().into_iter().map(|r| sdk::NewSchemeRule {
            currencies: r.currencies.unwrap_or_default(),
            countries: r.countries.unwrap_or_default(),
            low_value_inclusive: r.low_value_inclusive.map(Into::into),
            high_value_inclusive: r.high_value_inclusive.map(Into::into),
            apps: r
                .apps
                .unwrap_or_default()
                .into_iter()
                .map(|a| sdk::NewSchemeApp {
                    app_id: a.app_id,
                    excluded_payment_methods: a.excluded_payment_methods.unwrap_or_default(),
                })
                .collect(),
        });
        sdk::NewScheme { name: s.name, code: s.code, agreement_type: s.agreement_type, rules: rules.collect() }
    }
}

// --------------------------------------------------------------- responses

// Results are the core's own types (their napi derives are in the core, behind its `napi`
// feature); here only the concrete results with how the call went, one per data type, because
// the generated TypeScript cannot express the core's generic `Response<T>`.

macro_rules! responses {
    ($($(#[$doc:meta])* $js:ident <- $core:ty),* $(,)?) => {
        $(
            $(#[$doc])*
            #[napi(object, object_from_js = false, use_nullable = true)]
            pub struct $js {
                pub data: $core,
                pub meta: imburse::ResponseMeta,
            }

            impl From<imburse::Response<$core>> for $js {
                fn from(r: imburse::Response<$core>) -> Self {
                    $js { data: r.data, meta: r.meta }
                }
            }
        )*
    };
}

responses!(
    /// How create order / create instruction went.
    CreatedResponse <- sdk::Created,
    /// An order, with how the call went.
    OrderResponse <- sdk::Order,
    /// An instruction, with how the call went.
    InstructionResponse <- sdk::Instruction,
    /// A customer, with how the call went.
    CustomerResponse <- sdk::Customer,
    /// A customer's wallet, with how the call went.
    WalletResponse <- sdk::Wallet,
    /// A created financial instrument's id, with how the call went.
    CreatedInstrumentResponse <- sdk::CreatedInstrument,
    /// A financial instrument, with how the call went.
    FinancialInstrumentResponse <- sdk::FinancialInstrument,
    /// A scheme, with how the call went.
    SchemeResponse <- sdk::Scheme,
    /// The tenant's schemes of one kind, with how the call went.
    SchemeListResponse <- sdk::SchemeList,
);

imburse::into_core_by_from!(
    NewOrder => sdk::NewOrder,
    NewInstruction => sdk::NewInstruction,
    NewMobileInstrument => sdk::NewMobileInstrument,
    NewScheme => sdk::NewScheme,
);
