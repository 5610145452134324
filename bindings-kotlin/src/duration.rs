//! Durations as Kotlin and Swift see them: `java.time.Duration` on the JVM and `TimeInterval`
//! in Swift (the mapping is in `uniffi.toml`), carried across as float seconds so that a
//! negative or absurd value reaches the core, which refuses it as it does in every language.

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

impl From<imburse::Interval> for HostDuration {
    fn from(interval: imburse::Interval) -> Self {
        HostDuration::from(interval.as_duration())
    }
}

uniffi::custom_type!(HostDuration, f64);
