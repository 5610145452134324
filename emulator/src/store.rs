//! The emulator's memory: orders, instructions, customers and financial instruments, kept per
//! tenant so one tenant can never see another's data (a foreign order is simply not found).
//!
//! Entities are plain structs; routes turn them into the documented JSON. Amounts are kept as
//! exact decimal text and written back as JSON numbers with the same digits.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use serde_json::value::RawValue;

use crate::validation::Metadata;

#[derive(Clone, Debug)]
pub struct Order {
    pub order_ref: String,
    pub metadata: Metadata,
    pub customer_defaults: BTreeMap<String, CustomerDefault>,
    pub instructions: Vec<Instruction>,
    pub created_ms: u64,
    pub updated_ms: u64,
}

impl Order {
    /// Any instruction the order holds, readable yet or not (what a duplicate is checked against).
    pub fn instruction(&self, instruction_ref: &str) -> Option<&Instruction> {
        self.instructions.iter().find(|i| i.instruction_ref == instruction_ref)
    }

    pub fn instruction_mut(&mut self, instruction_ref: &str) -> Option<&mut Instruction> {
        self.instructions.iter_mut().find(|i| i.instruction_ref == instruction_ref)
    }

    /// The instructions a read returns at `now_ms`: those the asynchronous processing has
    /// finished.
    pub fn readable_instructions(&self, now_ms: u64) -> impl Iterator<Item = &Instruction> {
        self.instructions.iter().filter(move |i| i.readable_from_ms <= now_ms)
    }

    pub fn readable_instruction(&self, instruction_ref: &str, now_ms: u64) -> Option<&Instruction> {
        self.instruction(instruction_ref).filter(|i| i.readable_from_ms <= now_ms)
    }

    pub fn readable_instruction_mut(&mut self, instruction_ref: &str, now_ms: u64) -> Option<&mut Instruction> {
        self.instruction_mut(instruction_ref).filter(|i| i.readable_from_ms <= now_ms)
    }
}

#[derive(Clone, Debug, Default)]
pub struct CustomerDefault {
    pub financial_instrument_id: Option<String>,
    pub scheme_id: Option<String>,
    pub metadata: Metadata,
}

/// Where an instruction's scheme or financial instrument came from (reference §3.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    None,
    CustomerDefault,
    ManuallySet,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::None => "NONE",
            Source::CustomerDefault => "CUSTOMER_DEFAULT",
            Source::ManuallySet => "MANUALLY_SET",
        }
    }
}

/// Instruction statuses (2019 list): an instruction can change only while INCOMPLETE or READY.
pub const STATUSES: [&str; 7] = ["INCOMPLETE", "READY", "LATE", "PROCESSING", "SETTLED", "FAILED", "VOID"];

#[derive(Clone, Debug)]
pub struct Instruction {
    pub instruction_ref: String,
    pub customer_ref: String,
    pub direction: String,
    pub amount: Box<RawValue>,
    pub currency: String,
    pub country: String,
    pub settled_by_date: Option<String>,
    pub scheme_id: Option<String>,
    pub scheme_source: Source,
    pub financial_instrument_id: Option<String>,
    pub financial_instrument_source: Source,
    pub metadata: Metadata,
    pub status: String,
    pub cancel_reason: Option<String>,
    pub created_ms: u64,
    pub updated_ms: u64,
    /// When reads start to return it: its creation, or later on an asynchronous server
    /// ([`Store::async_instructions_ms`]).
    pub readable_from_ms: u64,
    /// When processing started (`executionTimestamp`).
    pub execution_ms: Option<u64>,
    /// The day it settled (`actualSettlementDate`, `YYYY-MM-DD`).
    pub actual_settlement_date: Option<String>,
    /// The money movement, once processing started.
    pub transaction: Option<Transaction>,
}

/// The money movement behind a processed instruction (the reference's `transaction`), as a
/// Stripe card payment would show it, with its refunds.
#[derive(Clone, Debug)]
pub struct Transaction {
    pub transaction_id: String,
    pub status: String,
    /// The provider's payment id (`app.appTransactionId`).
    pub app_transaction_id: String,
    /// The provider's customer (`app.supportDetails.customerId`).
    pub app_customer_id: String,
    pub refunds: Vec<Refund>,
    pub created_ms: u64,
    pub updated_ms: u64,
}

#[derive(Clone, Debug)]
pub struct Refund {
    pub refund_id: String,
    /// Exact decimal text.
    pub amount: String,
    pub created_ms: u64,
}

fn provider_id(prefix: &str) -> String {
    format!("{prefix}_{}", uuid::Uuid::new_v4().simple())
}

impl Instruction {
    pub fn can_update(&self) -> bool {
        matches!(self.status.as_str(), "INCOMPLETE" | "READY")
    }

    /// Moves the instruction to `status` as processing would: from `PROCESSING` on it carries
    /// a transaction (made at the first such move, in the same status), and `SETTLED` gives it
    /// its settlement date.
    pub fn move_to(&mut self, status: &str, now_ms: u64) {
        status.clone_into(&mut self.status);
        self.updated_ms = now_ms;
        if matches!(status, "PROCESSING" | "SETTLED" | "FAILED") {
            self.execution_ms.get_or_insert(now_ms);
            let transaction = self.transaction.get_or_insert_with(|| Transaction {
                transaction_id: uuid::Uuid::new_v4().to_string(),
                status: String::new(),
                app_transaction_id: provider_id("pi"),
                app_customer_id: provider_id("cus"),
                refunds: Vec::new(),
                created_ms: now_ms,
                updated_ms: now_ms,
            });
            status.clone_into(&mut transaction.status);
            transaction.updated_ms = now_ms;
        }
        if status == "SETTLED" {
            self.actual_settlement_date.get_or_insert_with(crate::clock::today);
        }
    }

    /// What is left of the amount after the refunds, exact.
    pub fn net_amount(&self) -> String {
        let refunds = self.transaction.iter().flat_map(|t| &t.refunds);
        refunds.fold(self.amount.get().to_string(), |left, refund| {
            crate::validation::decimal_difference(&left, &refund.amount).unwrap_or(left)
        })
    }

    /// Refunds `amount` of a settled collection; returns the refund's id, or why it cannot be.
    pub fn refund(&mut self, amount: &str, now_ms: u64) -> Result<String, String> {
        use crate::validation::{decimal_difference, is_plain_decimal, is_positive_decimal};
        if self.direction != "DEBIT" {
            return Err("only a collection (DEBIT) can be refunded".into());
        }
        if !is_plain_decimal(amount) || !is_positive_decimal(amount) {
            return Err(format!("a refund must be a positive decimal amount, not {amount:?}"));
        }
        let left = self.net_amount();
        if decimal_difference(&left, amount).is_none_or(|d| d.starts_with('-')) {
            return Err(format!("a refund of {amount} is more than the {left} left to refund"));
        }
        let Some(transaction) = self.transaction.as_mut().filter(|t| t.status == "SETTLED") else {
            return Err(format!("only a SETTLED instruction can be refunded, not one {}", self.status));
        };
        let refund_id = uuid::Uuid::new_v4().to_string();
        transaction.refunds.push(Refund { refund_id: refund_id.clone(), amount: amount.into(), created_ms: now_ms });
        transaction.updated_ms = now_ms;
        self.updated_ms = now_ms;
        Ok(refund_id)
    }
}

#[derive(Clone, Debug)]
pub struct Customer {
    pub customer_ref: String,
    pub metadata: Metadata,
    pub financial_instruments: Vec<FinancialInstrument>,
    pub created_ms: u64,
}

#[derive(Clone, Debug)]
pub struct FinancialInstrument {
    pub id: String,
    pub kind: String,
    pub display_name: String,
    pub details: BTreeMap<String, String>,
    pub in_wallet: bool,
    pub created_ms: u64,
}

/// A collect or payout scheme: its drafts (rules as the create body gave them) and which one
/// is published.
#[derive(Clone)]
pub struct Scheme {
    pub scheme_id: String,
    pub published_draft_id: Option<String>,
    pub drafts: Vec<SchemeDraft>,
}

#[derive(Clone)]
pub struct SchemeDraft {
    pub draft_id: String,
    pub name: String,
    pub code: Option<String>,
    pub agreement_type: Option<String>,
    pub rules: Vec<SchemeRule>,
    /// ISO-8601 text.
    pub last_modified: String,
}

#[derive(Clone)]
pub struct SchemeRule {
    pub currencies: Vec<String>,
    pub countries: Vec<String>,
    /// Exact decimal text.
    pub low_value_inclusive: Option<String>,
    pub high_value_inclusive: Option<String>,
    /// `(appId, excludedPaymentMethods)`.
    pub apps: Vec<(String, Vec<String>)>,
}

/// The two kinds of scheme, which share a shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SchemeKind {
    Collect,
    Payout,
}

#[derive(Default)]
pub struct TenantData {
    pub orders: HashMap<String, Order>,
    pub customers: HashMap<String, Customer>,
    /// By kind, then scheme id (uppercase). `None` until first used: then seeded with the
    /// tenant's configured schemes.
    pub schemes: Option<BTreeMap<(SchemeKind, String), Scheme>>,
    /// Installed apps by id, with the configuration last given (JSON text). `None` until first
    /// used: then seeded with the apps the tenant's configured schemes name.
    pub installed_apps: Option<BTreeMap<String, Option<String>>>,
    /// `None` until first used: then seeded with the tenant's configured creditor profiles.
    pub creditor_profiles: Option<Vec<CreditorProfile>>,
    /// In creation order, which the paged list keeps.
    pub mandates: Vec<Mandate>,
}

/// The networks mandates are registered with, as creditor profiles name them.
pub const MANDATE_NETWORKS: [&str; 5] = ["BACS", "SEPA", "BECS_AU", "BECS_NZ", "ACH"];

#[derive(Clone, Debug)]
pub struct CreditorProfile {
    pub creditor_profile_ref: String,
    pub profile_name: String,
    pub network: String,
    pub metadata: Metadata,
    /// ISO-8601, as the Mandates API writes timestamps.
    pub created: String,
    /// What only its network's (deprecated) route shows, as JSON fields: a SEPA profile's
    /// `identifier`, `name` and `address`, a Bacs one's `serviceUserNumber` and
    /// `organizationName`.
    pub network_fields: serde_json::Map<String, serde_json::Value>,
}

#[derive(Clone, Debug)]
pub struct Mandate {
    pub mandate_id: String,
    pub mandate_ref: String,
    pub network: String,
    pub mandate_type: String,
    pub customer_ref: String,
    pub status: String,
    pub creditor_profile_ref: String,
    pub financial_instrument_id: String,
    pub metadata: Metadata,
    pub created: String,
}

/// All tenants' data behind one lock: operations are short and never await while holding it.
#[derive(Default)]
pub struct Store {
    tenants: Mutex<HashMap<String, TenantData>>,
    /// How long after it was accepted (an order's 202, an instruction's 201) an instruction
    /// becomes readable, as on a server that processes in the background (0: at once). The
    /// order itself, and the duplicate check on references, are immediate.
    async_instructions_ms: AtomicU64,
}

impl Store {
    /// Runs `f` with the tenant's data (created empty on first use).
    pub fn with_tenant<T>(&self, tenant_id: &str, f: impl FnOnce(&mut TenantData) -> T) -> T {
        let mut tenants = self.tenants.lock().expect("store lock");
        f(tenants.entry(tenant_id.to_string()).or_default())
    }

    pub fn clear(&self) {
        self.tenants.lock().expect("store lock").clear();
    }

    pub fn async_instructions_ms(&self) -> u64 {
        self.async_instructions_ms.load(Ordering::Relaxed)
    }

    pub fn set_async_instructions_ms(&self, ms: u64) {
        self.async_instructions_ms.store(ms, Ordering::Relaxed);
    }
}
