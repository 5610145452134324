//! `_operations.py`: the typed methods of `imburse.Client` and `imburse.AsyncClient`, one per
//! operation of `imburse::for_each_operation!`.

use crate::python::docstring;

/// One argument as the declaration gives it.
pub struct Argument {
    name: &'static str,
    /// The Rust type as written in the declaration, spaces removed.
    rust_type: String,
    optional: bool,
}

/// One operation as the declaration gives it.
pub struct Operation {
    name: &'static str,
    doc: Vec<&'static str>,
    arguments: Vec<Argument>,
    /// The core's result type, spaces removed.
    result: String,
}

macro_rules! collect {
    ($($(#[doc = $doc:literal])* $name:ident ($($arg:ident : $ty:ty $(= $default:tt)?),*) -> $out:ty as $binding:ty
        = $call:ident ($($pass:expr),*);)*) => {
        vec![$(Operation {
            name: stringify!($name),
            doc: vec![$($doc),*],
            arguments: vec![$(Argument {
                name: stringify!($arg),
                rust_type: stringify!($ty).replace(' ', ""),
                optional: false $(|| { let _ = stringify!($default); true })?,
            }),*],
            result: stringify!($out).replace(' ', ""),
        }),*]
    };
}

/// How a declared argument type looks in Python: the annotation, and the expression that hands
/// the value to the native method (`{}` is the argument). A request model of the core's
/// declaration is its dataclass; another new argument type is one line here.
fn python_argument(rust_type: &str) -> (String, String) {
    let (annotation, convert) = match rust_type {
        "String" => ("str", "{}"),
        "Option<String>" => ("Optional[str]", "{}"),
        "Metadata" => ("Mapping[str, str]", "dict({})"),
        // A list or tuple; a bare `str` is refused by the native side (a TypeError), never
        // taken as its characters.
        "Vec<String>" => ("Sequence[str]", "{}"),
        "Option<i64>" => ("Optional[int]", "{}"),
        model if crate::requests::declared().iter().any(|m| m.name == model) => {
            return (model.to_string(), format!("_models.request_arg({{}}, {model})"));
        }
        other => panic!("no Python spelling for the argument type {other}: add it to python_argument"),
    };
    (annotation.to_string(), convert.to_string())
}

/// How a declared result looks in Python: the annotation and the wrapping of the native value.
fn python_result(rust_type: &str) -> (String, &'static str) {
    match rust_type {
        "()" => ("None".into(), "{}"),
        "ResponseMeta" => ("ResponseMeta".into(), "_meta({})"),
        other => match other.strip_prefix("Response<").and_then(|rest| rest.strip_suffix('>')) {
            // The core's model classes have the same names in Python.
            Some(data) => (format!("Response[{data}]"), "_response({})"),
            None => panic!("no Python spelling for the result type {other}: add it to python_result"),
        },
    }
}

fn method(op: &Operation, asynchronous: bool) -> String {
    let mut parameters = vec!["self".to_string()];
    let mut keyword_only = false;
    let mut passed = Vec::new();
    for argument in &op.arguments {
        let (annotation, convert) = python_argument(&argument.rust_type);
        if argument.optional && !keyword_only {
            parameters.push("*".into());
            keyword_only = true;
        }
        let default = if argument.optional { " = None" } else { "" };
        parameters.push(format!("{}: {annotation}{default}", argument.name));
        passed.push(convert.replace("{}", argument.name));
    }
    if !keyword_only {
        parameters.push("*".into());
    }
    // An operation for the account takes no call tenant (its own `tenant_id`, if any, is the
    // tenant it manages); the native method is given none.
    let for_account =
        imburse::operations::ALL.iter().any(|spec| spec.name == op.name && spec.scope == imburse::Scope::Account);
    let takes = |option: &str| !(for_account && option == "tenant_id");
    // The core's call options (durations in seconds), in the order the native methods take them.
    let options = crate::settings::call_options();
    for option in options.iter().filter(|option| takes(option.name)) {
        parameters.push(format!("{}: {} = None", option.name, option.annotation()));
    }
    let mut native_arguments = vec![if asynchronous { "True" } else { "False" }.to_string()];
    native_arguments.extend(passed);
    native_arguments
        .extend(options.iter().map(|option| if takes(option.name) { option.name.to_string() } else { "None".into() }));

    let (returns, wrap) = python_result(&op.result);
    let (def, call) = if asynchronous { ("async def", "await native") } else { ("def", "native") };
    let mut out = format!("    {def} {}(\n", op.name);
    for parameter in &parameters {
        out.push_str(&format!("        {parameter},\n"));
    }
    out.push_str(&format!("    ) -> {returns}:\n"));
    out.push_str(&docstring(&op.doc, "        "));
    out.push_str("        with self._calling() as native:\n");
    let invocation = format!("{call}.{}({})", op.name, native_arguments.join(", "));
    if returns == "None" {
        out.push_str(&format!("            {invocation}\n"));
    } else {
        out.push_str(&format!("            raw = {invocation}\n"));
        out.push_str(&format!("        return {}\n", wrap.replace("{}", "raw")));
    }
    out
}

pub fn module(operations: &[Operation], paged: &[PagedList]) -> String {
    let mut models: Vec<String> = vec!["Response".into(), "ResponseMeta".into()];
    for list in paged {
        models.push(list.item.to_string());
        models.push(list.page.to_string());
    }
    for op in operations {
        for argument in &op.arguments {
            let (annotation, _) = python_argument(&argument.rust_type);
            if crate::requests::declared().iter().any(|m| m.name == annotation) {
                models.push(annotation);
            }
        }
        if let Some(data) = op.result.strip_prefix("Response<").and_then(|rest| rest.strip_suffix('>')) {
            models.push(data.to_string());
        }
    }
    models.sort();
    models.dedup();

    let mut out = String::from(
        "\"\"\"The typed operations of ``Client`` (blocking) and ``AsyncClient`` (asyncio).\n\n\
         Generated from the core's operation declaration (``imburse::for_each_operation!``) by\n\
         ``bindings-python/codegen``: do not edit; the test command fails when it is stale.\n\"\"\"\n\n\
         from __future__ import annotations\n\n\
         from typing import Mapping, Optional, Sequence\n\n\
         from . import _models\n\
         from ._base import ClientBase, _meta, _response\n\
         from ._pages import AsyncPager, Pager\n",
    );
    let request_models = crate::requests::declared();
    let (requests, results): (Vec<&String>, Vec<&String>) =
        models.iter().partition(|m| request_models.iter().any(|r| r.name == m.as_str()));
    for (module, names) in [("_models", results), ("_requests", requests)] {
        out.push_str(&format!("from .{module} import (\n"));
        for name in names {
            out.push_str(&format!("    {name},\n"));
        }
        out.push_str(")\n");
    }
    out.push_str("\n__all__ = [\"Operations\", \"AsyncOperations\"]\n");
    for (class, asynchronous, doc) in [
        ("Operations", false, "Every operation as a blocking method (the GIL released while it waits)."),
        ("AsyncOperations", true, "Every operation as a coroutine on the core's own runtime."),
    ] {
        out.push_str(&format!("\n\nclass {class}(ClientBase):\n    \"\"\"{doc}\"\"\"\n"));
        for op in operations {
            out.push('\n');
            out.push_str(&method(op, asynchronous));
        }
        for list in paged {
            out.push('\n');
            out.push_str(&paged_method(list, asynchronous));
        }
    }
    out
}

/// Every operation of the core's declaration.
pub fn declared() -> Vec<Operation> {
    imburse::for_each_operation!(collect)
}

/// One paged list as the declaration gives it.
pub struct PagedList {
    name: &'static str,
    doc: Vec<&'static str>,
    item: &'static str,
    page: &'static str,
}

macro_rules! collect_paged {
    ($($(#[doc = $doc:literal])* $name:ident -> $item:ident in $page:ident as $pager:ident / $blocking:ident, $response:ident;)*) => {
        vec![$(PagedList { name: stringify!($name), doc: vec![$($doc),*], item: stringify!($item), page: stringify!($page) }),*]
    };
}

/// Every paged list of the core's declaration.
pub fn declared_paged() -> Vec<PagedList> {
    imburse::for_each_paged_list!(collect_paged)
}

/// A paged list's method: the pager over the native one (nothing sent yet).
fn paged_method(list: &PagedList, asynchronous: bool) -> String {
    let pager = if asynchronous { "AsyncPager" } else { "Pager" };
    let mut out = format!(
        "    def {}(
        self,
        page_size: Optional[int] = None,
        *,
",
        list.name
    );
    let options = crate::settings::call_options();
    for option in &options {
        out.push_str(&format!(
            "        {}: {} = None,
",
            option.name,
            option.annotation()
        ));
    }
    out.push_str(&format!(
        "    ) -> {pager}[{}, {}]:
",
        list.page, list.item
    ));
    let mut doc = list.doc.clone();
    doc.push("");
    doc.push(if asynchronous {
        " `async for` gives every item; `pages()` every page (`Response[…]`, with the list's totals)."
    } else {
        " `for` gives every item; `pages()` every page (`Response[…]`, with the list's totals)."
    });
    out.push_str(&docstring(&doc, "        "));
    let names: Vec<&str> = options.iter().map(|option| option.name).collect();
    out.push_str(
        "        with self._calling() as native:
",
    );
    out.push_str(&format!(
        "            pager = native.{}(page_size, {})
",
        list.name,
        names.join(", ")
    ));
    out.push_str(&format!(
        "        return {pager}(self, pager)
"
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_declared_operation_gets_a_blocking_and_an_async_method() {
        let operations = declared();
        let text = module(&operations, &declared_paged());
        let paged: Vec<&str> = declared_paged().iter().map(|list| list.name).collect();
        for spec in imburse::operations::ALL {
            if paged.contains(&spec.name) {
                // A pager is made at once (nothing sent), by both clients.
                assert_eq!(text.matches(&format!("\n    def {}(\n", spec.name)).count(), 2, "{}", spec.name);
                continue;
            }
            assert!(text.contains(&format!("\n    def {}(\n", spec.name)), "{}", spec.name);
            assert!(text.contains(&format!("\n    async def {}(\n", spec.name)), "{}", spec.name);
        }
    }

    #[test]
    fn optional_arguments_are_keyword_only_and_results_keep_their_model() {
        let operations = declared();
        let cancel = operations.iter().find(|op| op.name == "cancel_instruction").unwrap();
        let text = method(cancel, false);
        assert!(text.contains("instruction_ref: str,\n        *,\n        reason: Optional[str] = None,"), "{text}");
        assert!(text.contains("-> ResponseMeta:"), "{text}");
        let get = operations.iter().find(|op| op.name == "get_instruction").unwrap();
        let text = method(get, true);
        assert!(text.contains("-> Response[Instruction]:"), "{text}");
        assert!(text.contains(
            "raw = await native.get_instruction(True, order_ref, instruction_ref, correlation_id, tenant_id, timeout, attempt_timeout, max_attempts)"
        ));
    }
}
