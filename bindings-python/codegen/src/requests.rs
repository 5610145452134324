//! `_requests.py`: the request dataclasses (`NewOrder`, `NewInstruction`, …), one per model of
//! `imburse::for_each_request_model!`, with the core's field names, order and docs.
//!
//! Python takes friendlier values than the core's types where the language has them (a
//! `datetime.date` for a date, `Decimal` or `int` for an amount, any iterable or mapping); the
//! package's `request_arg` turns a dataclass into the dict the native module reads into the
//! core's type, and the core checks every value.

use crate::python::{doc_line, docstring};

/// One field as the declaration gives it.
pub struct Field {
    name: &'static str,
    doc: Vec<&'static str>,
    /// The Rust type as written in the declaration, spaces removed.
    rust_type: String,
    /// The caller may leave it out (`= default` or `= empty`).
    optional: bool,
}

/// One request model as the declaration gives it.
pub struct Model {
    pub name: &'static str,
    doc: Vec<&'static str>,
    fields: Vec<Field>,
}

macro_rules! collect {
    ($( $(#[doc = $doc:literal])* pub struct $name:ident $(: $($extra:ident)+)? {
        $( $(#[doc = $field_doc:literal])* pub $field:ident : $ty:ty $(= $default:ident)? ),* $(,)?
    } )* aliases { $($aliases:tt)* }) => {
        vec![$(Model {
            name: stringify!($name),
            doc: vec![$($doc),*],
            fields: vec![$(Field {
                name: stringify!($field),
                doc: vec![$($field_doc),*],
                rust_type: stringify!($ty).replace(' ', ""),
                optional: false $(|| { let _ = stringify!($default); true })?,
            }),*],
        }),*]
    };
}

/// Every request model of the core's declaration.
pub fn declared() -> Vec<Model> {
    imburse::for_each_request_model!(collect)
}

/// How a field's declared type looks in Python. A new leaf type is one line here.
fn annotation(rust_type: &str, models: &[Model]) -> String {
    let inner = |prefix: &str| {
        rust_type.strip_prefix(prefix).and_then(|rest| rest.strip_suffix('>')).map(|t| annotation(t, models))
    };
    if let Some(t) = inner("Option<") {
        return format!("Optional[{t}]");
    }
    if let Some(t) = inner("Vec<") {
        return format!("Iterable[{t}]");
    }
    match rust_type {
        "String" => "str".into(),
        "bool" => "bool".into(),
        "i64" => "int".into(),
        "Amount" => "AmountInput".into(),
        "Direction" => "Union[Direction, str]".into(),
        "IsoDate" => "Union[_dt.date, str]".into(),
        "Metadata" => "Mapping[str, str]".into(),
        "CustomerDefaults" => "Mapping[str, CustomerDefault]".into(),
        model if models.iter().any(|m| m.name == model) => model.into(),
        other => panic!("no Python spelling for the request field type {other}: add it to requests::annotation"),
    }
}

/// What a field the caller may leave out is when left out.
fn default(rust_type: &str) -> &'static str {
    if rust_type.starts_with("Option<") {
        "None"
    } else if rust_type.starts_with("Vec<") {
        "()"
    } else {
        "field(default_factory=dict)"
    }
}

fn class(model: &Model, models: &[Model]) -> String {
    let mut out = format!("\n\n@dataclass(frozen=True)\nclass {}(_Model):\n", model.name);
    out.push_str(&docstring(&model.doc, "    "));
    out.push('\n');
    let mut left_out_allowed = false;
    for field in &model.fields {
        for line in &field.doc {
            out.push_str(&format!("    #: {}\n", doc_line(line)));
        }
        let annotation = annotation(&field.rust_type, models);
        if field.optional {
            left_out_allowed = true;
            out.push_str(&format!("    {}: {annotation} = {}\n", field.name, default(&field.rust_type)));
        } else {
            assert!(
                !left_out_allowed,
                "{}.{}: a required field must come before optional ones",
                model.name, field.name
            );
            out.push_str(&format!("    {}: {annotation}\n", field.name));
        }
    }
    out
}

pub fn module(models: &[Model]) -> String {
    let mut out = String::from(
        "\"\"\"The request models: what a caller builds for ``create_order``, ``create_instruction``, ….\n\n\
         Generated from the core's request declaration (``imburse::for_each_request_model!``) by\n\
         ``bindings-python/codegen``: do not edit; the test command fails when it is stale. The SDK\n\
         checks the documented rules before sending and raises ``InvalidRequestError`` listing every\n\
         problem.\n\"\"\"\n\n\
         from __future__ import annotations\n\n\
         import datetime as _dt\n\
         from dataclasses import dataclass, field\n\
         from typing import Iterable, Mapping, Optional, Union\n\n\
         from ._models import AmountInput, Direction, _Model\n\n",
    );
    out.push_str("__all__ = [\n");
    for model in models {
        out.push_str(&format!("    \"{}\",\n", model.name));
    }
    out.push_str("]\n");
    for model in models {
        out.push_str(&class(model, models));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_declared_model_is_a_frozen_dataclass_with_its_fields_in_order() {
        let models = declared();
        let text = module(&models);
        let order = models.iter().find(|m| m.name == "NewOrder").unwrap();
        let class = class(order, &models);
        assert!(class.starts_with("\n\n@dataclass(frozen=True)\nclass NewOrder(_Model):\n"), "{class}");
        let fields: Vec<&str> = class.lines().filter(|l| l.starts_with("    ") && !l.contains("\"\"\"")).collect();
        assert_eq!(
            fields,
            [
                "    #: Your reference, unique within the tenant.",
                "    order_ref: str",
                "    #: The payments the order carries.",
                "    instructions: Iterable[NewInstruction] = ()",
                "    #: Your key-value data.",
                "    metadata: Mapping[str, str] = field(default_factory=dict)",
                "    #: Keyed by customer reference.",
                "    customer_defaults: Mapping[str, CustomerDefault] = field(default_factory=dict)",
            ]
        );
        for model in &models {
            assert!(text.contains(&format!("\nclass {}(_Model):\n", model.name)), "{}", model.name);
        }
    }

    #[test]
    fn friendlier_python_values_where_the_language_has_them() {
        let models = declared();
        let instruction = class(models.iter().find(|m| m.name == "NewInstruction").unwrap(), &models);
        assert!(instruction.contains("    amount: AmountInput\n"), "{instruction}");
        assert!(instruction.contains("    direction: Union[Direction, str]\n"), "{instruction}");
        assert!(instruction.contains("    settled_by_date: Optional[Union[_dt.date, str]] = None\n"), "{instruction}");
    }
}
