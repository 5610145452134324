//! Type conversion between the core's models and Python values, and nothing else.
//!
//! Requests arrive as plain dicts (built by the Python package from its dataclasses) and become
//! the core's request types; responses are the core's models themselves (Python classes derived
//! in the core, with `Decimal` amounts and `datetime` timestamps), handed over once the GIL is
//! held.

use std::collections::BTreeMap;

use imburse::models::{
    CustomerDefault, Direction, Metadata, NewInstruction, NewMobileInstrument, NewOrder, NewScheme, NewSchemeApp,
    NewSchemeRule,
};
use imburse::{Response, ResponseMeta};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

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

#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub struct SchemeAppArg {
    app_id: String,
    excluded_payment_methods: Vec<String>,
}

#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub struct SchemeRuleArg {
    currencies: Vec<String>,
    countries: Vec<String>,
    low_value_inclusive: Option<String>,
    high_value_inclusive: Option<String>,
    apps: Vec<SchemeAppArg>,
}

#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub struct SchemeArg {
    name: String,
    code: Option<String>,
    agreement_type: Option<String>,
    rules: Vec<SchemeRuleArg>,
}

impl SchemeArg {
    pub fn into_core(self) -> NewScheme {
        let rules = self.rules.into_iter().map(|r| NewSchemeRule {
            currencies: r.currencies,
            countries: r.countries,
            low_value_inclusive: r.low_value_inclusive.map(Into::into),
            high_value_inclusive: r.high_value_inclusive.map(Into::into),
            apps: r
                .apps
                .into_iter()
                .map(|a| NewSchemeApp { app_id: a.app_id, excluded_payment_methods: a.excluded_payment_methods })
                .collect(),
        });
        NewScheme { name: self.name, code: self.code, agreement_type: self.agreement_type, rules: rules.collect() }
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

    /// A call's data with how it went, as `{"data": …, "meta": …}`: the core's model objects.
    pub fn response<T>(response: Response<T>) -> Self
    where
        T: for<'py> IntoPyObject<'py> + Send + 'static,
    {
        Deferred::new(move |py| {
            let out = PyDict::new(py);
            out.set_item("data", response.data)?;
            out.set_item("meta", response.meta)?;
            Ok(out.into_any())
        })
    }

    pub fn meta(meta: ResponseMeta) -> Self {
        Deferred::new(move |py| Ok(meta.into_pyobject(py)?.into_any()))
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
