//! How core values look in the host languages, for the types the core declares once and every
//! binding exposes as they are (behind the `napi`, `python` and `uniffi` features).
//!
//! A duration crosses as the host's own idiom: milliseconds as a number in JavaScript (fields
//! named `…Ms`), float seconds in Python (as `timeout=` arguments are), and `java.time.Duration`
//! on the JVM (the uniffi binding converts it). The conversion lives here, once, so an error's
//! `retry_after` and an attempt's `elapsed` cannot drift between languages. An amount is its
//! exact decimal text in every language.

use std::time::Duration;

/// A span of time as the core measured or was told it (a `Retry-After`, an attempt's duration).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Interval(pub Duration);

impl Interval {
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

#[cfg(feature = "napi")]
mod napi_values {
    use napi::bindgen_prelude::{ToNapiValue, TypeName, ValueType};
    use napi::sys;

    use super::Interval;
    use crate::models::Amount;

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

/// Kotlin and Swift: an amount is a `String` and each map a `Map`/`Dictionary` (uniffi knows
/// no ordered map); durations cross in the uniffi binding, which owns the platform type.
#[cfg(feature = "uniffi")]
mod uniffi_values {
    use std::collections::HashMap;

    use crate::models::{Amount, CustomerDefaultView, CustomerDefaultViews, CustomerDefaults, Link, Links, Metadata};

    uniffi::custom_type!(Amount, String, {
        lower: |amount| amount.as_str().to_string(),
        try_lift: |text| Ok(Amount::new(text)),
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

#[cfg(feature = "python")]
mod python_values {
    use std::convert::Infallible;

    use pyo3::prelude::*;
    use pyo3::types::PyFloat;

    use super::Interval;

    impl<'py> IntoPyObject<'py> for Interval {
        type Target = PyFloat;
        type Output = Bound<'py, PyFloat>;
        type Error = Infallible;

        fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
            Ok(PyFloat::new(py, self.as_secs_f64()))
        }
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
