//! Type conversion between the core's models and Python values, and nothing else.
//!
//! Requests arrive as plain dicts (built by the Python package from its dataclasses) and become
//! the core's request types; responses become dicts whose keys are the Python dataclasses' field
//! names. Amounts stay exact decimal text in both directions and timestamps stay epoch
//! milliseconds: the package turns them into `Decimal` and `datetime`.

use std::collections::BTreeMap;

use imburse::models::{
    Capabilities, Created, CreatedInstrument, Customer, CustomerDefault, CustomerDefaultView, Direction,
    FinancialInstrument, Instruction, InstrumentAssignment, Metadata, NewInstruction, NewMobileInstrument, NewOrder,
    Order, SchemeAssignment, Transaction, Wallet,
};
use imburse::{AttemptEvent, Response, ResponseMeta};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

// ------------------------------------------------------------------ requests

#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub struct InstructionArg {
    instruction_ref: String,
    customer_ref: String,
    direction: String,
    amount: String,
    currency: String,
    country: String,
    settled_by_date: Option<String>,
    scheme_id: Option<String>,
    financial_instrument_id: Option<String>,
    metadata: Metadata,
}

impl InstructionArg {
    pub fn into_core(self) -> PyResult<NewInstruction> {
        // An unknown direction cannot be represented by the core's type: like any value of the
        // wrong type, it is the caller's ValueError, not an API error.
        let direction: Direction = self.direction.parse().map_err(PyValueError::new_err)?;
        Ok(NewInstruction {
            instruction_ref: self.instruction_ref,
            customer_ref: self.customer_ref,
            direction,
            amount: self.amount.into(),
            currency: self.currency,
            country: self.country,
            settled_by_date: self.settled_by_date,
            scheme_id: self.scheme_id,
            financial_instrument_id: self.financial_instrument_id,
            metadata: self.metadata,
        })
    }
}

#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub struct CustomerDefaultArg {
    financial_instrument_id: Option<String>,
    scheme_id: Option<String>,
    metadata: Metadata,
}

#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub struct OrderArg {
    order_ref: String,
    instructions: Vec<InstructionArg>,
    metadata: Metadata,
    customer_defaults: BTreeMap<String, CustomerDefaultArg>,
}

impl OrderArg {
    pub fn into_core(self) -> PyResult<NewOrder> {
        Ok(NewOrder {
            order_ref: self.order_ref,
            instructions: self.instructions.into_iter().map(InstructionArg::into_core).collect::<PyResult<_>>()?,
            metadata: self.metadata,
            customer_defaults: self
                .customer_defaults
                .into_iter()
                .map(|(customer_ref, d)| {
                    let default = CustomerDefault {
                        financial_instrument_id: d.financial_instrument_id,
                        scheme_id: d.scheme_id,
                        metadata: d.metadata,
                    };
                    (customer_ref, default)
                })
                .collect(),
        })
    }
}

#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub struct MobileArg {
    country_code: String,
    phone_number: String,
}

impl MobileArg {
    pub fn into_core(self) -> NewMobileInstrument {
        NewMobileInstrument { country_code: self.country_code, phone_number: self.phone_number }
    }
}

// ----------------------------------------------------------------- responses

/// A value computed without the GIL and turned into a Python object once the GIL is held,
/// by whichever path (blocking or asyncio) delivers it.
pub struct Deferred(ToPython);

type ToPython = Box<dyn for<'py> FnOnce(Python<'py>) -> PyResult<Bound<'py, PyAny>> + Send>;

impl Deferred {
    pub fn new(convert: impl for<'py> FnOnce(Python<'py>) -> PyResult<Bound<'py, PyAny>> + Send + 'static) -> Self {
        Deferred(Box::new(convert))
    }

    pub fn response<T: Send + 'static>(
        response: Response<T>,
        data: fn(Python<'_>, T) -> PyResult<Bound<'_, PyDict>>,
    ) -> Self {
        Deferred::new(move |py| {
            let out = PyDict::new(py);
            out.set_item("data", data(py, response.data)?)?;
            out.set_item("meta", meta(py, response.meta)?)?;
            Ok(out.into_any())
        })
    }

    pub fn meta(meta_only: ResponseMeta) -> Self {
        Deferred::new(move |py| Ok(meta(py, meta_only)?.into_any()))
    }

    pub fn none() -> Self {
        Deferred::new(|py| Ok(py.None().into_bound(py)))
    }
}

impl<'py> IntoPyObject<'py> for Deferred {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        (self.0)(py)
    }
}

/// Builds a dict from `key => value` pairs.
macro_rules! dict {
    ($py:expr, { $($key:literal => $value:expr),* $(,)? }) => {{
        let out = PyDict::new($py);
        $( out.set_item($key, $value)?; )*
        Ok::<_, PyErr>(out)
    }};
}

pub fn meta(py: Python<'_>, meta: ResponseMeta) -> PyResult<Bound<'_, PyDict>> {
    dict!(py, {
        "status" => meta.status,
        "attempts" => meta.attempts,
        "client_correlation_id" => meta.client_correlation_id,
    })
}

pub fn created(py: Python<'_>, created: Created) -> PyResult<Bound<'_, PyDict>> {
    dict!(py, { "status" => created.status, "reconciled" => created.reconciled })
}

fn instrument_assignment(py: Python<'_>, a: Option<InstrumentAssignment>) -> PyResult<Option<Bound<'_, PyDict>>> {
    a.map(|a| {
        dict!(py, {
            "financial_instrument_id" => a.financial_instrument_id,
            "source" => a.source,
            "can_update" => a.can_update,
        })
    })
    .transpose()
}

fn scheme_assignment(py: Python<'_>, s: Option<SchemeAssignment>) -> PyResult<Option<Bound<'_, PyDict>>> {
    s.map(|s| dict!(py, { "scheme_id" => s.scheme_id, "source" => s.source, "can_update" => s.can_update })).transpose()
}

fn transaction(py: Python<'_>, t: Option<Transaction>) -> PyResult<Option<Bound<'_, PyDict>>> {
    t.map(|t| {
        dict!(py, {
            "transaction_id" => t.transaction_id,
            "status" => t.status,
            "amount" => t.amount.map(|a| a.as_str().to_string()),
            "net_amount" => t.net_amount.map(|a| a.as_str().to_string()),
            "created_timestamp" => t.created_timestamp,
            "last_updated_timestamp" => t.last_updated_timestamp,
        })
    })
    .transpose()
}

pub fn instruction(py: Python<'_>, i: Instruction) -> PyResult<Bound<'_, PyDict>> {
    dict!(py, {
        "order_ref" => i.order_ref,
        "instruction_ref" => i.instruction_ref,
        "customer_ref" => i.customer_ref,
        "direction" => i.direction.as_str(),
        "status" => i.status,
        "amount" => i.amount.as_str(),
        "currency" => i.currency,
        "country" => i.country,
        "settled_by_date" => i.settled_by_date,
        "forecasted_settlement_date" => i.forecasted_settlement_date,
        "actual_settlement_date" => i.actual_settlement_date,
        "execution_timestamp" => i.execution_timestamp,
        "financial_instrument" => instrument_assignment(py, i.financial_instrument)?,
        "scheme" => scheme_assignment(py, i.scheme)?,
        "metadata" => i.metadata,
        "transaction" => transaction(py, i.transaction)?,
        "created" => i.created,
        "last_updated" => i.last_updated,
        "links" => i.links,
    })
}

fn customer_default(py: Python<'_>, d: CustomerDefaultView) -> PyResult<Bound<'_, PyDict>> {
    dict!(py, {
        "financial_instrument" => instrument_assignment(py, d.financial_instrument)?,
        "scheme" => scheme_assignment(py, d.scheme)?,
        "metadata" => d.metadata,
    })
}

pub fn order(py: Python<'_>, o: Order) -> PyResult<Bound<'_, PyDict>> {
    let defaults = PyDict::new(py);
    for (customer_ref, d) in o.customer_defaults {
        defaults.set_item(customer_ref, customer_default(py, d)?)?;
    }
    let instructions = PyList::empty(py);
    for i in o.instructions {
        instructions.append(instruction(py, i)?)?;
    }
    dict!(py, {
        "order_ref" => o.order_ref,
        "metadata" => o.metadata,
        "customer_defaults" => defaults,
        "instructions" => instructions,
        "created" => o.created,
        "last_updated" => o.last_updated,
    })
}

fn capabilities(py: Python<'_>, c: Option<Capabilities>) -> PyResult<Option<Bound<'_, PyDict>>> {
    c.map(|c| {
        dict!(py, {
            "value_type" => c.value_type,
            "usage_type" => c.usage_type,
            "can_credit" => c.can_credit,
            "can_debit" => c.can_debit,
        })
    })
    .transpose()
}

pub fn financial_instrument(py: Python<'_>, f: FinancialInstrument) -> PyResult<Bound<'_, PyDict>> {
    dict!(py, {
        "id" => f.id,
        "type" => f.kind,
        "status" => f.status,
        "display_name" => f.display_name,
        "created_timestamp" => f.created_timestamp,
        "authorization_source" => f.authorization_source,
        "details" => f.details,
        "capabilities" => capabilities(py, f.capabilities)?,
        "in_wallet" => f.in_wallet,
    })
}

fn instruments(py: Python<'_>, list: Vec<FinancialInstrument>) -> PyResult<Bound<'_, PyList>> {
    let out = PyList::empty(py);
    for f in list {
        out.append(financial_instrument(py, f)?)?;
    }
    Ok(out)
}

pub fn customer(py: Python<'_>, c: Customer) -> PyResult<Bound<'_, PyDict>> {
    dict!(py, {
        "customer_ref" => c.customer_ref,
        "status" => c.status,
        "metadata" => c.metadata,
        "financial_instruments" => instruments(py, c.financial_instruments)?,
        "created" => c.created,
    })
}

pub fn wallet(py: Python<'_>, w: Wallet) -> PyResult<Bound<'_, PyDict>> {
    dict!(py, { "financial_instruments" => instruments(py, w.financial_instruments)? })
}

pub fn created_instrument(py: Python<'_>, c: CreatedInstrument) -> PyResult<Bound<'_, PyDict>> {
    dict!(py, { "id" => c.id })
}
