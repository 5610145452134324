//! How core values look in the host languages, for the types the core declares once and every
//! binding exposes as they are (behind the `napi`, `python` and `uniffi` features).
//!
//! A duration crosses as the host's own idiom: milliseconds as a number in JavaScript (fields
//! named `…Ms`), float seconds in Python (as `timeout=` arguments are), and `java.time.Duration`
//! on the JVM (the uniffi binding converts it). The conversion lives here, once, so an error's
//! `retry_after` and an attempt's `elapsed` cannot drift between languages. An amount is its
//! exact decimal text in every language.

use std::time::Duration;

/// Declares response models: each struct exactly as written (derives behind each binding's
/// feature included), plus, for the bindings that need the list of fields, code generated
/// from it: Python's keyword constructor, `repr()` and `to_dict()`. A field added to a model is
/// then in every language at once.
macro_rules! response_models {
    ($(
        $(#[$meta:meta])*
        pub struct $name:ident { $( $(#[$field_meta:meta])* pub $field:ident : $ty:ty ),* $(,)? }
    )*) => {$(
        $(#[$meta])*
        pub struct $name { $( $(#[$field_meta])* pub $field: $ty ),* }

        #[cfg(feature = "python")]
        $crate::foreign::python_model!($name { $($field: $ty),* });
    )*};
}
pub(crate) use response_models;

/// A model's Python methods, from its fields.
#[cfg(feature = "python")]
macro_rules! python_model {
    ($name:ident { $($field:ident : $ty:ty),* }) => {
        #[pyo3::pymethods]
        impl $name {
            /// Every field by keyword, as the SDK would have read it (e.g. for test doubles).
            #[new]
            #[pyo3(signature = (*, $($field),*))]
            #[allow(clippy::too_many_arguments)]
            fn __new__($($field: $ty),*) -> Self {
                $name { $($field),* }
            }

            fn __repr__(&self, py: pyo3::Python<'_>) -> pyo3::PyResult<String> {
                let fields: Vec<String> = vec![$(
                    format!("{}={}", stringify!($field), $crate::foreign::python_repr(py, self.$field.clone())?),
                )*];
                Ok(format!("{}({})", stringify!($name), fields.join(", ")))
            }

            /// The model as plain dicts, lists and values (amounts stay `Decimal`, timestamps
            /// `datetime`).
            #[pyo3(signature = () -> "dict[str, Any]")]
            fn to_dict<'py>(&self, py: pyo3::Python<'py>) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::types::PyDict>> {
                let out = pyo3::types::PyDict::new(py);
                $( $crate::foreign::python_set_plain(&out, stringify!($field), self.$field.clone())?; )*
                Ok(out)
            }
        }
    };
}
#[cfg(feature = "python")]
pub(crate) use python_model;
#[cfg(feature = "python")]
pub(crate) use python_values::{python_item, python_repr, python_set_plain};

/// Declares the request models from `for_each_request_model!` (see `models::requests`): each
/// struct with the core's derives (serde with the API's names, uniffi records whose optional
/// fields have defaults), and behind each binding's feature what that language needs from the
/// same fields: JavaScript input objects (module `js`, every `= default` field optional there)
/// and Python's extraction from the dicts the package makes of its dataclasses.
macro_rules! request_models {
    (
        $(
            $(#[$doc:meta])*
            pub struct $name:ident $(: $($extra:ident)+)? { $($body:tt)* }
        )*
        aliases { $( $(#[$alias_doc:meta])* pub type $alias:ident = $aliased:ty; )* }
    ) => {
        $( $crate::foreign::request_struct!(@field [[$(#[$doc])*] [$($($extra)+)?] $name] [] [] $($body)*); )*
        $( $(#[$alias_doc])* pub type $alias = $aliased; )*

        /// The request models as JavaScript passes them: the same fields, camelCase, every one
        /// the caller may leave out optional. Each becomes the core's type by `From`.
        #[cfg(feature = "napi")]
        pub mod js {
            use super::*;

            /// An exact decimal in major units as text, e.g. `"49.99"` (never a number, which
            /// may already have lost digits).
            #[napi_derive::napi]
            pub type Amount = String;

            $( $crate::foreign::js_request!(@field [$(#[$doc])*] $name [] [] $($body)*); )*
            $( $(#[$alias_doc])* #[napi_derive::napi] pub type $alias = $aliased; )*
        }
    };
}
pub(crate) use request_models;

/// One request model as the core declares it, field by field (`= default`: not sent when
/// absent; `= empty`: sent as `[]`), and Python's extraction of it.
macro_rules! request_struct {
    (@field $head:tt [$($fields:tt)*] [$($names:ident)*]
        $(#[$d:meta])* pub $field:ident : $ty:ty = default, $($rest:tt)*) => {
        $crate::foreign::request_struct!(@field $head
            [$($fields)* $(#[$d])*
                #[serde(default, skip_serializing_if = "crate::models::requests::Absent::is_absent")]
                #[cfg_attr(feature = "uniffi", uniffi(default))]
                pub $field: $ty,]
            [$($names)* $field] $($rest)*);
    };
    (@field $head:tt [$($fields:tt)*] [$($names:ident)*]
        $(#[$d:meta])* pub $field:ident : $ty:ty = empty, $($rest:tt)*) => {
        $crate::foreign::request_struct!(@field $head
            [$($fields)* $(#[$d])*
                #[serde(default)]
                #[cfg_attr(feature = "uniffi", uniffi(default))]
                pub $field: $ty,]
            [$($names)* $field] $($rest)*);
    };
    (@field $head:tt [$($fields:tt)*] [$($names:ident)*]
        $(#[$d:meta])* pub $field:ident : $ty:ty, $($rest:tt)*) => {
        $crate::foreign::request_struct!(@field $head
            [$($fields)* $(#[$d])* pub $field: $ty,]
            [$($names)* $field] $($rest)*);
    };
    (@field [[$($docs:tt)*] [$($extra:ident)*] $name:ident] [$($fields:tt)*] [$($names:ident)*]) => {
        $($docs)*
        #[derive(Clone, Debug, PartialEq, serde::Serialize $(, $extra)*)]
        #[serde(rename_all = "camelCase")]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
        pub struct $name { $($fields)* }

        #[cfg(feature = "python")]
        impl<'a, 'py> pyo3::FromPyObject<'a, 'py> for $name {
            type Error = pyo3::PyErr;

            /// From the dict the package makes of its dataclass of the same name: every field
            /// by its Python name, a field's own error (`TypeError`, `ValueError`) as it is.
            fn extract(value: pyo3::Borrowed<'a, 'py, pyo3::PyAny>) -> pyo3::PyResult<Self> {
                let dict = value.cast::<pyo3::types::PyDict>()?;
                Ok($name { $( $names: $crate::foreign::python_item(&dict, stringify!($names))?, )* })
            }
        }
    };
}
pub(crate) use request_struct;

/// One JavaScript request object, field by field: an `Option` stays one, a field with a
/// default becomes optional, and `From` fills in what was left out.
#[cfg(feature = "napi")]
macro_rules! js_request {
    (@convert option $value:expr) => { $value.map($crate::foreign::FromJs::from_js) };
    (@convert default $value:expr) => { $value.map($crate::foreign::FromJs::from_js).unwrap_or_default() };
    (@convert required $value:expr) => { $crate::foreign::FromJs::from_js($value) };
    (@field $docs:tt $name:ident [$($fields:tt)*] [$($conversions:tt)*]
        $(#[$d:meta])* pub $field:ident : Option<$inner:ty> = default, $($rest:tt)*) => {
        $crate::foreign::js_request!(@field $docs $name
            [$($fields)* $(#[$d])* pub $field: Option<$inner>,]
            [$($conversions)* (option $field)]
            $($rest)*);
    };
    (@field $docs:tt $name:ident [$($fields:tt)*] [$($conversions:tt)*]
        $(#[$d:meta])* pub $field:ident : $ty:ty = $(default)? $(empty)?, $($rest:tt)*) => {
        $crate::foreign::js_request!(@field $docs $name
            [$($fields)* $(#[$d])* pub $field: Option<$ty>,]
            [$($conversions)* (default $field)]
            $($rest)*);
    };
    (@field $docs:tt $name:ident [$($fields:tt)*] [$($conversions:tt)*]
        $(#[$d:meta])* pub $field:ident : $ty:ty, $($rest:tt)*) => {
        $crate::foreign::js_request!(@field $docs $name
            [$($fields)* $(#[$d])* pub $field: $ty,]
            [$($conversions)* (required $field)]
            $($rest)*);
    };
    (@field [$($docs:tt)*] $name:ident [$($fields:tt)*] [$(($kind:ident $converted:ident))*]) => {
        $($docs)*
        #[napi_derive::napi(object, object_to_js = false)]
        pub struct $name { $($fields)* }

        impl From<$name> for super::$name {
            fn from(from: $name) -> Self {
                super::$name { $($converted: $crate::foreign::js_request!(@convert $kind from.$converted),)* }
            }
        }

        impl $crate::foreign::FromJs<$name> for super::$name {
            fn from_js(from: $name) -> Self {
                from.into()
            }
        }

        impl $crate::operations::IntoCore for $name {
            type Core = super::$name;
            fn into_core(self) -> super::$name {
                self.into()
            }
        }
    };
}
#[cfg(feature = "napi")]
pub(crate) use js_request;

/// A value as JavaScript passed it becoming the core's: the same type, or a request object.
#[cfg(feature = "napi")]
pub trait FromJs<T> {
    /// `from` as the core's value.
    fn from_js(from: T) -> Self;
}

#[cfg(feature = "napi")]
mod from_js {
    use std::collections::BTreeMap;

    use super::FromJs;
    use crate::models::{Amount, Direction};

    macro_rules! as_is {
        ($($ty:ty),*) => {$(
            impl FromJs<$ty> for $ty {
                fn from_js(from: $ty) -> Self {
                    from
                }
            }
        )*};
    }

    as_is!(String, bool, i64, Direction);

    impl FromJs<String> for Amount {
        fn from_js(from: String) -> Self {
            Amount::new(from)
        }
    }

    impl<A, B: FromJs<A>> FromJs<Option<A>> for Option<B> {
        fn from_js(from: Option<A>) -> Self {
            from.map(B::from_js)
        }
    }

    impl<A, B: FromJs<A>> FromJs<Vec<A>> for Vec<B> {
        fn from_js(from: Vec<A>) -> Self {
            from.into_iter().map(B::from_js).collect()
        }
    }

    impl<A, B: FromJs<A>> FromJs<BTreeMap<String, A>> for BTreeMap<String, B> {
        fn from_js(from: BTreeMap<String, A>) -> Self {
            from.into_iter().map(|(key, value)| (key, B::from_js(value))).collect()
        }
    }
}

/// A span of time as the core measured or was told it (a `Retry-After`, an attempt's duration).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Interval(pub Duration);

impl Interval {
    /// The span as a [`Duration`].
    pub fn as_duration(self) -> Duration {
        self.0
    }

    /// Milliseconds, fractional below one millisecond (JavaScript's unit).
    pub fn as_millis_f64(self) -> f64 {
        self.0.as_secs_f64() * 1000.0
    }

    /// Seconds, fractional (Python's unit).
    pub fn as_secs_f64(self) -> f64 {
        self.0.as_secs_f64()
    }
}

impl From<Duration> for Interval {
    fn from(duration: Duration) -> Self {
        Interval(duration)
    }
}

impl From<Interval> for Duration {
    fn from(interval: Interval) -> Self {
        interval.0
    }
}

/// A count or an HTTP status as every language receives it: `i32`, since Java and Kotlin
/// callers have no unsigned integers (a larger count saturates).
pub(crate) fn host_int(count: impl TryInto<i32>) -> i32 {
    count.try_into().unwrap_or(i32::MAX)
}

#[cfg(feature = "napi")]
mod napi_values {
    use napi::bindgen_prelude::{ToNapiValue, TypeName, ValueType};
    use napi::sys;

    use super::Interval;
    use crate::models::{Amount, Timestamp};

    /// An amount is its exact decimal text in JavaScript, never a number.
    impl TypeName for Amount {
        fn type_name() -> &'static str {
            "string"
        }

        fn value_type() -> ValueType {
            ValueType::String
        }
    }

    impl ToNapiValue for Amount {
        unsafe fn to_napi_value(env: sys::napi_env, value: Self) -> napi::Result<sys::napi_value> {
            // SAFETY: called by napi-rs with a live env, as for any string.
            unsafe { String::to_napi_value(env, value.as_str().to_string()) }
        }
    }

    /// A timestamp is its epoch milliseconds in JavaScript (`Date` takes them as they are).
    impl TypeName for Timestamp {
        fn type_name() -> &'static str {
            "number"
        }

        fn value_type() -> ValueType {
            ValueType::Number
        }
    }

    impl ToNapiValue for Timestamp {
        unsafe fn to_napi_value(env: sys::napi_env, value: Self) -> napi::Result<sys::napi_value> {
            // SAFETY: called by napi-rs with a live env, as for any i64.
            unsafe { i64::to_napi_value(env, value.epoch_millis()) }
        }
    }

    impl TypeName for Interval {
        fn type_name() -> &'static str {
            "number"
        }

        fn value_type() -> ValueType {
            ValueType::Number
        }
    }

    impl ToNapiValue for Interval {
        unsafe fn to_napi_value(env: sys::napi_env, value: Self) -> napi::Result<sys::napi_value> {
            // SAFETY: called by napi-rs with a live env, as for any f64.
            unsafe { f64::to_napi_value(env, value.as_millis_f64()) }
        }
    }
}

/// Kotlin and Swift: an amount is a `String`, a timestamp epoch milliseconds, each map a
/// `Map`/`Dictionary` (uniffi knows no ordered map), and a measured span float seconds, which
/// `uniffi.toml` makes `java.time.Duration` and `TimeInterval`.
#[cfg(feature = "uniffi")]
mod uniffi_values {
    use std::collections::HashMap;
    use std::time::Duration;

    use super::Interval;

    use crate::models::{
        Amount, CustomerDefaultView, CustomerDefaultViews, CustomerDefaults, Link, Links, Metadata, Timestamp,
    };

    uniffi::custom_type!(Amount, String, {
        lower: |amount| amount.as_str().to_string(),
        try_lift: |text| Ok(Amount::new(text)),
    });

    uniffi::custom_type!(Interval, f64, {
        lower: |interval| interval.as_secs_f64(),
        try_lift: |seconds| Ok(Interval(Duration::try_from_secs_f64(seconds)?)),
    });

    // Epoch milliseconds, a `Long` as before.
    uniffi::custom_type!(Timestamp, i64, {
        lower: |timestamp| timestamp.epoch_millis(),
        try_lift: |millis| Ok(Timestamp::from_epoch_millis(millis)),
    });

    /// Declares a core map alias as a uniffi map, converted entry by entry.
    macro_rules! maps_as_host_maps {
        ($($alias:ident => $value:ty),* $(,)?) => {$(
            uniffi::custom_type!($alias, HashMap<String, $value>, {
                remote,
                lower: |map| map.into_iter().collect(),
                try_lift: |map| Ok(map.into_iter().collect()),
            });
        )*};
    }

    maps_as_host_maps!(
        Metadata => String,
        CustomerDefaults => crate::models::CustomerDefault,
        CustomerDefaultViews => CustomerDefaultView,
        Links => Link,
    );
}

/// Python: an amount is a `decimal.Decimal` (never a float), a timestamp an aware UTC
/// `datetime`, a direction the package's `imburse.Direction`, each taken back the same way by
/// a model's constructor.
#[cfg(feature = "python")]
mod python_values {
    use std::convert::Infallible;

    use pyo3::IntoPyObjectExt;
    use pyo3::inspect::PyStaticExpr;
    use pyo3::prelude::*;
    use pyo3::sync::PyOnceLock;
    use pyo3::types::{PyDateTime, PyDelta, PyDict, PyFloat, PyList, PyTzInfo};

    use super::Interval;
    use crate::models::{Amount, Direction, Timestamp};

    impl<'py> IntoPyObject<'py> for Interval {
        type Target = PyFloat;
        type Output = Bound<'py, PyFloat>;
        type Error = Infallible;

        const OUTPUT_TYPE: PyStaticExpr = pyo3::type_hint_identifier!("builtins", "float");

        fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
            Ok(PyFloat::new(py, self.as_secs_f64()))
        }
    }

    // What the generated stub names for them.
    const DECIMAL_HINT: PyStaticExpr = pyo3::type_hint_identifier!("decimal", "Decimal");
    const DATETIME_HINT: PyStaticExpr = pyo3::type_hint_identifier!("datetime", "datetime");
    const DIRECTION_HINT: PyStaticExpr = pyo3::type_hint_identifier!("imburse", "Direction");
    const STR_HINT: PyStaticExpr = pyo3::type_hint_identifier!("builtins", "str");
    const INT_HINT: PyStaticExpr = pyo3::type_hint_identifier!("builtins", "int");

    /// `left | right`.
    const fn either(left: &'static PyStaticExpr, right: &'static PyStaticExpr) -> PyStaticExpr {
        PyStaticExpr::BinOp { left, op: pyo3::inspect::PyStaticOperator::BitOr, right }
    }

    /// An attribute of a Python module, imported once per interpreter.
    fn imported<'py>(
        py: Python<'py>,
        cell: &'static PyOnceLock<Py<PyAny>>,
        module: &str,
        name: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let value = cell.get_or_try_init(py, || py.import(module)?.getattr(name).map(Bound::unbind))?;
        Ok(value.bind(py).clone())
    }

    impl<'py> IntoPyObject<'py> for Amount {
        type Target = PyAny;
        type Output = Bound<'py, PyAny>;
        type Error = PyErr;

        const OUTPUT_TYPE: PyStaticExpr = DECIMAL_HINT;

        fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
            static DECIMAL: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
            imported(py, &DECIMAL, "decimal", "Decimal")?.call1((self.as_str(),))
        }
    }

    /// 1970-01-01T00:00:00Z, made once per interpreter: every timestamp is counted from it.
    fn epoch(py: Python<'_>) -> PyResult<Bound<'_, PyDateTime>> {
        static EPOCH: PyOnceLock<Py<PyDateTime>> = PyOnceLock::new();
        let epoch = EPOCH.get_or_try_init(py, || {
            let utc = PyTzInfo::utc(py)?;
            PyDateTime::new(py, 1970, 1, 1, 0, 0, 0, 0, Some(&utc)).map(Bound::unbind)
        })?;
        Ok(epoch.bind(py).clone())
    }

    impl<'py> IntoPyObject<'py> for Timestamp {
        type Target = PyDateTime;
        type Output = Bound<'py, PyDateTime>;
        type Error = PyErr;

        const OUTPUT_TYPE: PyStaticExpr = DATETIME_HINT;

        /// Exact to the millisecond: the epoch plus a `timedelta`, no float in between.
        fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
            let millis = self.epoch_millis();
            let (days, rest) = (millis.div_euclid(86_400_000), millis.rem_euclid(86_400_000));
            let days = i32::try_from(days).map_err(|_| pyo3::exceptions::PyOverflowError::new_err("timestamp"))?;
            // Both below their limits: rest is under a day.
            let delta = PyDelta::new(py, days, (rest / 1000) as i32, ((rest % 1000) * 1000) as i32, false)?;
            Ok(epoch(py)?.add(delta)?.cast_into::<PyDateTime>()?)
        }
    }

    impl<'py> IntoPyObject<'py> for Direction {
        type Target = PyAny;
        type Output = Bound<'py, PyAny>;
        type Error = PyErr;

        const OUTPUT_TYPE: PyStaticExpr = DIRECTION_HINT;

        fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
            static DIRECTION: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
            imported(py, &DIRECTION, "imburse._models", "Direction")?.call1((self.as_str(),))
        }
    }

    impl<'a, 'py> FromPyObject<'a, 'py> for Amount {
        type Error = PyErr;

        const INPUT_TYPE: PyStaticExpr = either(&DECIMAL_HINT, &either(&STR_HINT, &INT_HINT));

        /// A `Decimal`, `str` or `int`, as a request's amounts are given; never a float.
        fn extract(value: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
            static DECIMAL: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
            let py = value.py();
            if value.is_instance(&imported(py, &DECIMAL, "decimal", "Decimal")?)? {
                return Ok(Amount::new(value.call_method1("__format__", ("f",))?.extract::<String>()?));
            }
            if let Ok(text) = value.extract::<String>() {
                return Ok(Amount::new(text));
            }
            if value.is_instance_of::<pyo3::types::PyInt>() && !value.is_instance_of::<pyo3::types::PyBool>() {
                return Ok(Amount::new(value.str()?.to_string()));
            }
            Err(pyo3::exceptions::PyTypeError::new_err("an amount must be a decimal.Decimal, a str or an int"))
        }
    }

    impl<'a, 'py> FromPyObject<'a, 'py> for Timestamp {
        type Error = PyErr;

        const INPUT_TYPE: PyStaticExpr = DATETIME_HINT;

        /// An aware `datetime`, to the millisecond.
        fn extract(value: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
            let py = value.py();
            let since = value.call_method1("__sub__", (epoch(py)?,))?;
            if since.is(py.NotImplemented()) {
                return Err(pyo3::exceptions::PyTypeError::new_err("a timestamp must be an aware datetime.datetime"));
            }
            let part = |name: &str| -> PyResult<i64> { since.getattr(name)?.extract() };
            Ok(Timestamp::from_epoch_millis(
                part("days")? * 86_400_000 + part("seconds")? * 1000 + part("microseconds")? / 1000,
            ))
        }
    }

    impl<'a, 'py> FromPyObject<'a, 'py> for Direction {
        type Error = PyErr;

        const INPUT_TYPE: PyStaticExpr = either(&DIRECTION_HINT, &STR_HINT);

        fn extract(value: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
            let text: String = value.str()?.extract()?;
            text.parse().map_err(pyo3::exceptions::PyValueError::new_err)
        }
    }

    /// `dict[key]` as a request field's type; a missing key is a `TypeError` naming it.
    pub(crate) fn python_item<'py, T>(dict: &Bound<'py, PyDict>, key: &str) -> PyResult<T>
    where
        T: for<'a> FromPyObject<'a, 'py, Error = PyErr>,
    {
        match dict.get_item(key)? {
            Some(value) => value.extract(),
            None => Err(pyo3::exceptions::PyTypeError::new_err(format!("missing field {key:?}"))),
        }
    }

    /// `repr()` of a field's Python value.
    pub(crate) fn python_repr<'py, T: IntoPyObject<'py>>(py: Python<'py>, value: T) -> PyResult<String> {
        Ok(value.into_bound_py_any(py)?.repr()?.to_string())
    }

    /// Sets `dict[key]` to a field's value with every model in it turned into its dict.
    pub(crate) fn python_set_plain<'py, T: IntoPyObject<'py>>(
        dict: &Bound<'py, PyDict>,
        key: &str,
        value: T,
    ) -> PyResult<()> {
        dict.set_item(key, plain(value.into_bound_py_any(dict.py())?)?)
    }

    fn plain(value: Bound<'_, PyAny>) -> PyResult<Bound<'_, PyAny>> {
        if let Ok(list) = value.cast::<PyList>() {
            let items = list.iter().map(plain).collect::<PyResult<Vec<_>>>()?;
            return Ok(PyList::new(value.py(), items)?.into_any());
        }
        if let Ok(dict) = value.cast::<PyDict>() {
            let out = PyDict::new(value.py());
            for (k, v) in dict.iter() {
                out.set_item(k, plain(v)?)?;
            }
            return Ok(out.into_any());
        }
        // A core model (module `imburse`, with `to_dict`); not a Decimal, datetime or str.
        if value.get_type().module()? == "imburse" && value.hasattr("to_dict")? {
            return value.call_method0("to_dict");
        }
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_unit_is_exact_for_whole_milliseconds() {
        let wait = Interval::from(Duration::from_millis(1500));
        assert_eq!(wait.as_millis_f64(), 1500.0);
        assert_eq!(wait.as_secs_f64(), 1.5);
        assert_eq!(Duration::from(wait), Duration::from_millis(1500));
    }
}
