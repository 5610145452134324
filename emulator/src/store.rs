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
}

impl Instruction {
    pub fn can_update(&self) -> bool {
        matches!(self.status.as_str(), "INCOMPLETE" | "READY")
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
