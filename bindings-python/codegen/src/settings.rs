//! `_settings.py`: the keyword arguments both clients are built with, one per setting of
//! `imburse::for_each_setting!`, and the call options every method takes, from
//! `imburse::for_each_call_option!`.

use crate::python::doc_line;

/// One setting or call option as the core's list gives it.
pub struct Setting {
    pub name: &'static str,
    kind: &'static str,
    doc: Vec<&'static str>,
}

macro_rules! collect {
    ($($(#[doc = $doc:literal])* $name:ident : $kind:ident => $js:literal,)*) => {
        vec![$(Setting { name: stringify!($name), kind: stringify!($kind), doc: vec![$($doc),*] }),*]
    };
}

/// The client settings, in the core's order.
pub fn declared() -> Vec<Setting> {
    imburse::for_each_setting!(collect)
}

/// The per-call options, in the order the native methods take them.
pub fn call_options() -> Vec<Setting> {
    imburse::for_each_call_option!(collect)
}

impl Setting {
    /// The annotation of the keyword argument (durations float seconds, as `timeout=` is).
    pub fn annotation(&self) -> &'static str {
        match self.kind {
            "Text" | "Secret" => "Optional[str]",
            "Environment" => "Union[Environment, str, None]",
            "Duration" => "Optional[float]",
            "Count" => "Optional[int]",
            "Flag" => "Optional[bool]",
            "Versions" => "Optional[Mapping[str, str]]",
            other => panic!("no Python spelling for the setting kind {other}: add it to Setting::annotation"),
        }
    }

    /// The expression that hands the value to the native constructor.
    fn passed(&self) -> String {
        match self.kind {
            "Environment" => format!("None if {0} is None else str({0})", self.name),
            "Versions" => format!("None if {0} is None else dict({0})", self.name),
            _ => self.name.to_string(),
        }
    }
}

pub fn module(settings: &[Setting]) -> String {
    let mut out = String::from(
        r#""""The settings both clients are built with: one keyword argument per setting of the core
(``imburse::for_each_setting!``), written by ``bindings-python/codegen`` (do not edit; run
``bindings-python/scripts/codegen.sh``). Every value is checked by the core.
"""

from __future__ import annotations

from typing import Mapping, Optional, Union

from . import _native
from ._errors import translated
from ._models import Environment

__all__ = ["ClientSettings"]


class ClientSettings:
    """The configuration of a client: its native client, built from the settings."""

    _native_client: _native.NativeClient

    def __init__(
        self,
        *,
"#,
    );
    for s in settings {
        out.push_str(&format!("        {}: {} = None,\n", s.name, s.annotation()));
    }
    out.push_str("        _from_env: bool = False,\n    ) -> None:\n");
    out.push_str(
        "        \"\"\"Builds a client. A setting left out keeps the core's default (or, with\n        \
         ``from_env``, what the environment says); durations are in seconds. Raises\n        \
         ``ConfigurationError`` for a setting the core refuses.\n",
    );
    for s in settings {
        let text: Vec<String> = s.doc.iter().map(|line| doc_line(line)).collect();
        out.push_str(&format!("\n        ``{}``: {}\n", s.name, text.join("\n        ")));
    }
    out.push_str("        \"\"\"\n        with translated():\n");
    out.push_str("            self._native_client = _native.NativeClient(\n                from_env=_from_env,\n");
    for s in settings {
        out.push_str(&format!("                {}={},\n", s.name, s.passed()));
    }
    out.push_str("            )\n");
    out
}
