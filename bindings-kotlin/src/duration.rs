//! Durations a Kotlin or Swift caller gives (settings, call options): `java.time.Duration` on
//! the JVM and `TimeInterval` in Swift (the mapping is in `uniffi.toml`), carried across as
//! float seconds so that a negative or absurd value reaches the core, which refuses it as it
//! does in every language. Durations the core reports are its own `Interval`.

use std::time::Duration;

/// A duration crossing the boundary, in seconds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HostDuration(pub f64);

impl From<HostDuration> for f64 {
    fn from(duration: HostDuration) -> f64 {
        duration.0
    }
}

impl From<f64> for HostDuration {
    fn from(seconds: f64) -> Self {
        HostDuration(seconds)
    }
}

impl From<Duration> for HostDuration {
    fn from(duration: Duration) -> Self {
        HostDuration(duration.as_secs_f64())
    }
}

impl imburse::config::IntoHostValue<f64> for HostDuration {
    fn into_host_value(self) -> f64 {
        self.0
    }
}

uniffi::custom_type!(HostDuration, f64);
