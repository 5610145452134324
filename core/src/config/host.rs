//! Settings as a host language passes them: a duration is a plain number there (float seconds
//! in Python, milliseconds in JavaScript) and a count may be negative. The rule for turning them
//! into the core's types is here, once, so the same bad value fails the same way, as a
//! configuration error, in every language; `field` is the setting's name in the host language.

use std::time::Duration;

use super::MAX_DURATION;
use crate::error::Error;

/// A duration the binding has converted to seconds: refused unless finite and not negative.
/// Values above a day are kept above a day, so `build()` refuses them with its own message.
pub fn host_duration(field: &str, seconds: f64) -> Result<Duration, Error> {
    if !seconds.is_finite() || seconds < 0.0 {
        return Err(Error::configuration(field, "must be a duration of zero or more"));
    }
    Ok(Duration::try_from_secs_f64(seconds).unwrap_or(MAX_DURATION + Duration::from_secs(1)))
}

/// A count such as the attempts per call: refused when negative, saturated above `u32::MAX`.
pub fn host_count(field: &str, value: i64) -> Result<u32, Error> {
    if value < 0 {
        return Err(Error::configuration(field, "must not be negative"));
    }
    Ok(u32::try_from(value).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn host_numbers_become_core_values_or_configuration_errors() {
        assert_eq!(host_duration("timeout", 1.5).unwrap(), Duration::from_millis(1500));
        assert_eq!(host_duration("timeout", 0.0).unwrap(), Duration::ZERO);
        assert!(host_duration("timeout", 1e300).unwrap() > MAX_DURATION);
        for bad in [-0.001, f64::NAN, f64::INFINITY] {
            let error = host_duration("connectMs", bad).unwrap_err();
            assert_eq!(error.kind(), ErrorKind::Configuration);
            assert_eq!(error.message(), "connectMs: must be a duration of zero or more");
        }
        assert_eq!(host_count("maxAttempts", 3).unwrap(), 3);
        assert_eq!(host_count("maxAttempts", i64::MAX).unwrap(), u32::MAX);
        assert_eq!(host_count("max_attempts", -1).unwrap_err().message(), "max_attempts: must not be negative");
    }
}
