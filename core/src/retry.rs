//! When to try an HTTP call again, decided in one place so every binding
//! retries the same way and the policy can be read as a table.
//!
//! Imburse documents no idempotency key, so whether a replay is safe depends
//! on the operation: each operation declares an [`Idempotency`] class, and a
//! failure is retried only when replaying it cannot do the work twice.
//!
//! # Policy
//!
//! | Outcome of the attempt                                       | Safe  | Idempotent | IdempotentByReference | NonIdempotent |
//! |--------------------------------------------------------------|-------|------------|-----------------------|---------------|
//! | Connect failed, request not sent (refused, DNS, TLS)         | retry | retry      | retry                 | retry         |
//! | Reused keep-alive connection closed before any response byte | retry | retry      | retry                 | no            |
//! | HTTP 429, 503 (the server refused the work)                  | retry | retry      | retry                 | retry         |
//! | HTTP 500, 502, 504                                           | retry | retry      | retry                 | no            |
//! | Per-attempt timeout                                          | retry | retry      | retry                 | no            |
//! | Response body read failed or truncated                       | retry | retry      | retry                 | no            |
//! | Other I/O failure                                            | retry | retry      | retry                 | no            |
//! | HTTP 501, 401, any other 4xx, 1xx, 3xx                       | no    | no         | no                    | no            |
//! | HTTP 2xx                                                     | done  | done       | done                  | done          |
//!
//! HTTP 401 is "no" here on purpose: the auth layer refreshes the access
//! token once and replays the request itself, outside this table.
//!
//! A retry also needs attempts left (`max_attempts` counts the first one),
//! a `Retry-After` no longer than the configured cap, and time left: the
//! call stops when the next delay would end at or after the whole-call
//! budget.
//!
//! # Delay
//!
//! Retry `n` (1 for the first retry) waits
//! `min(base · 2^(n−1), cap) · jitter` with `jitter` uniform in [0.5, 1.0]
//! (the Stripe SDKs' shape; defaults 0.5 s and 5 s). When the server sent
//! `Retry-After`, the delay is the larger of that and the backoff.

use std::time::{Duration, SystemTime};

use rand::Rng;

/// How safe it is to send an operation's request again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Idempotency {
    /// Reads (GET): replaying changes nothing.
    Safe,
    /// Writes whose replay has the same effect as one call (PUT metadata,
    /// cancel an instruction).
    Idempotent,
    /// Creates keyed by a client reference (create order, create
    /// instruction): a replay that lands twice fails with
    /// `ORDER_ALREADY_EXISTS` / `INSTRUCTION_ALREADY_EXISTS`, which the
    /// resource layer reconciles into the first call's success.
    IdempotentByReference,
    /// Creates with no client key (create a mobile financial instrument):
    /// a replay could create a second resource.
    NonIdempotent,
}

impl Idempotency {
    /// Column of this class in [`RETRY_TABLE`].
    const fn column(self) -> usize {
        match self {
            Idempotency::Safe => 0,
            Idempotency::Idempotent => 1,
            Idempotency::IdempotentByReference => 2,
            Idempotency::NonIdempotent => 3,
        }
    }
}

/// What the retry layer is told about one finished attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code, reason = "produced by the HTTP transport, which builds on this module")]
pub(crate) enum AttemptOutcome {
    /// The server answered with this status (and maybe `Retry-After`).
    Response { status: u16, retry_after: Option<Duration> },
    /// The connection could not be made, so the request was certainly not
    /// sent: refused, DNS failure, TLS handshake failure.
    ConnectFailed,
    /// A reused keep-alive connection was closed or reset before any byte
    /// of the response arrived; the server most likely never saw the request.
    StaleConnectionReset,
    /// No response within the per-attempt timeout.
    AttemptTimedOut,
    /// The status arrived but the body could not be read to the end.
    BodyReadFailed,
    /// Any other I/O failure, where the request may or may not have arrived.
    OtherIo,
}

impl AttemptOutcome {
    fn retry_after(&self) -> Option<Duration> {
        match self {
            AttemptOutcome::Response { retry_after, .. } => *retry_after,
            _ => None,
        }
    }
}

/// What to do after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryDecision {
    /// Wait this long, then send the request again.
    RetryAfter(Duration),
    /// Do not send it again.
    Stop(StopReason),
}

/// Why no further attempt is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StopReason {
    /// The attempt succeeded (2xx).
    Succeeded,
    /// The failure is not retryable for this operation's idempotency class.
    NotRetryable,
    /// `max_attempts` attempts have been made.
    AttemptsExhausted,
    /// Waiting for the next attempt would pass the whole-call deadline.
    BudgetExhausted,
    /// The server's `Retry-After` is longer than the configured cap; the
    /// error carries it so the caller can decide to come back later.
    RetryAfterTooLong,
}

/// The retry settings of a client; built and validated by
/// [`ClientConfig`](crate::ClientConfig).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    backoff_base: Duration,
    backoff_cap: Duration,
    retry_after_cap: Duration,
    total_budget: Duration,
}

impl RetryPolicy {
    /// Assumes validated values (`max_attempts` ≥ 1, `base` > 0,
    /// `cap` ≥ `base`); the config builder checks them.
    pub(crate) fn new(
        max_attempts: u32,
        backoff_base: Duration,
        backoff_cap: Duration,
        retry_after_cap: Duration,
        total_budget: Duration,
    ) -> RetryPolicy {
        RetryPolicy { max_attempts, backoff_base, backoff_cap, retry_after_cap, total_budget }
    }

    /// This policy for one call with its own attempts and time budget.
    pub(crate) fn for_call(self, max_attempts: u32, total_budget: Duration) -> RetryPolicy {
        RetryPolicy { max_attempts, total_budget, ..self }
    }

    /// Attempts per call, the first one included.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// Delay before the first retry, before jitter.
    pub fn backoff_base(&self) -> Duration {
        self.backoff_base
    }

    /// Longest backoff delay, before jitter.
    pub fn backoff_cap(&self) -> Duration {
        self.backoff_cap
    }

    /// Longest `Retry-After` the client waits for; a longer one stops retrying.
    pub fn retry_after_cap(&self) -> Duration {
        self.retry_after_cap
    }

    /// Time for the whole call, every attempt and delay included.
    pub fn total_budget(&self) -> Duration {
        self.total_budget
    }

    /// The delay before retry number `retry` (1-based), with `jitter_unit`
    /// a uniform sample from [0, 1] that scales the delay into [50 %, 100 %].
    pub(crate) fn backoff(&self, retry: u32, jitter_unit: f64) -> Duration {
        let doublings = retry.saturating_sub(1).min(31);
        let exponential = self.backoff_base.checked_mul(1u32 << doublings).unwrap_or(self.backoff_cap);
        let unit = if jitter_unit.is_finite() { jitter_unit.clamp(0.0, 1.0) } else { 1.0 };
        exponential.min(self.backoff_cap).mul_f64(0.5 + 0.5 * unit)
    }
}

/// A source of uniform samples in [0, 1) for jitter; tests use a fixed one.
pub(crate) trait JitterSource {
    fn unit(&mut self) -> f64;
}

/// Jitter from the thread-local generator.
#[allow(dead_code, reason = "used by the HTTP transport, which builds on this module")]
pub(crate) struct RandomJitter;

impl JitterSource for RandomJitter {
    fn unit(&mut self) -> f64 {
        rand::rng().random::<f64>()
    }
}

/// Failure classes: the rows of [`RETRY_TABLE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    NotSent,
    StaleConnection,
    Refused,
    ServerError,
    AttemptTimeout,
    TruncatedBody,
    OtherIo,
    Rejected,
}

const RETRY: bool = true;
const NO: bool = false;

/// The policy table of the module docs, as data. Columns follow
/// [`Idempotency`]: Safe, Idempotent, IdempotentByReference, NonIdempotent.
const RETRY_TABLE: [(Failure, [bool; 4]); 8] = [
    (Failure::NotSent, [RETRY, RETRY, RETRY, RETRY]),
    (Failure::StaleConnection, [RETRY, RETRY, RETRY, NO]),
    (Failure::Refused, [RETRY, RETRY, RETRY, RETRY]),
    (Failure::ServerError, [RETRY, RETRY, RETRY, NO]),
    (Failure::AttemptTimeout, [RETRY, RETRY, RETRY, NO]),
    (Failure::TruncatedBody, [RETRY, RETRY, RETRY, NO]),
    (Failure::OtherIo, [RETRY, RETRY, RETRY, NO]),
    (Failure::Rejected, [NO, NO, NO, NO]),
];

/// The row an outcome falls in, or `None` for a success.
fn classify(outcome: &AttemptOutcome) -> Option<Failure> {
    let failure = match outcome {
        AttemptOutcome::Response { status, .. } => match status {
            200..=299 => return None,
            429 | 503 => Failure::Refused,
            500 | 502 | 504 => Failure::ServerError,
            // 401 included: the auth layer owns that replay.
            _ => Failure::Rejected,
        },
        AttemptOutcome::ConnectFailed => Failure::NotSent,
        AttemptOutcome::StaleConnectionReset => Failure::StaleConnection,
        AttemptOutcome::AttemptTimedOut => Failure::AttemptTimeout,
        AttemptOutcome::BodyReadFailed => Failure::TruncatedBody,
        AttemptOutcome::OtherIo => Failure::OtherIo,
    };
    Some(failure)
}

fn retryable(failure: Failure, idempotency: Idempotency) -> bool {
    RETRY_TABLE.iter().find(|(row, _)| *row == failure).is_some_and(|(_, columns)| columns[idempotency.column()])
}

/// Decides whether to retry after an attempt.
///
/// `attempts_made` counts the attempts so far, the one just finished
/// included; `elapsed` is the time since the call started.
#[allow(dead_code, reason = "called by the HTTP transport, which builds on this module")]
pub(crate) fn decide(
    policy: &RetryPolicy,
    outcome: &AttemptOutcome,
    idempotency: Idempotency,
    attempts_made: u32,
    elapsed: Duration,
    jitter: &mut dyn JitterSource,
) -> RetryDecision {
    let Some(failure) = classify(outcome) else {
        return RetryDecision::Stop(StopReason::Succeeded);
    };
    if !retryable(failure, idempotency) {
        return RetryDecision::Stop(StopReason::NotRetryable);
    }
    if attempts_made >= policy.max_attempts {
        return RetryDecision::Stop(StopReason::AttemptsExhausted);
    }
    let retry_after = outcome.retry_after();
    if retry_after.is_some_and(|wait| wait > policy.retry_after_cap) {
        return RetryDecision::Stop(StopReason::RetryAfterTooLong);
    }
    let backoff = policy.backoff(attempts_made, jitter.unit());
    let delay = retry_after.map_or(backoff, |wait| wait.max(backoff));
    if elapsed.saturating_add(delay) >= policy.total_budget {
        return RetryDecision::Stop(StopReason::BudgetExhausted);
    }
    RetryDecision::RetryAfter(delay)
}

/// Parses a `Retry-After` header: delta-seconds or an HTTP-date (a date in
/// the past means "now"). Anything else is ignored, as if absent.
#[allow(dead_code, reason = "called by the HTTP transport, which builds on this module")]
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    if value.bytes().all(|b| b.is_ascii_digit()) {
        // All digits but too large for u64 still means "a very long time".
        return Some(Duration::from_secs(value.parse().unwrap_or(u64::MAX)));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    use AttemptOutcome::*;
    use Idempotency::*;

    struct FixedJitter(f64);

    impl JitterSource for FixedJitter {
        fn unit(&mut self) -> f64 {
            self.0
        }
    }

    const fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    const fn millis(ms: u64) -> Duration {
        Duration::from_millis(ms)
    }

    fn default_policy() -> RetryPolicy {
        RetryPolicy::new(3, millis(500), secs(5), secs(20), secs(60))
    }

    fn status(code: u16) -> AttemptOutcome {
        Response { status: code, retry_after: None }
    }

    fn status_retry_after(code: u16, wait: Duration) -> AttemptOutcome {
        Response { status: code, retry_after: Some(wait) }
    }

    const ALL_CLASSES: [Idempotency; 4] = [Safe, Idempotent, IdempotentByReference, NonIdempotent];

    /// One row of the policy per case: outcome × class → retried or not, on
    /// the first attempt with plenty of budget and jitter fixed at 1.0.
    #[test]
    fn policy_table_case_by_case() {
        let first_retry = RetryDecision::RetryAfter(millis(500));
        let not_retryable = RetryDecision::Stop(StopReason::NotRetryable);
        let done = RetryDecision::Stop(StopReason::Succeeded);
        let cases: &[(&str, AttemptOutcome, Idempotency, RetryDecision)] = &[
            ("connect failure, safe", ConnectFailed, Safe, first_retry),
            ("connect failure, idempotent", ConnectFailed, Idempotent, first_retry),
            ("connect failure, by reference", ConnectFailed, IdempotentByReference, first_retry),
            ("connect failure, non-idempotent", ConnectFailed, NonIdempotent, first_retry),
            ("stale connection, safe", StaleConnectionReset, Safe, first_retry),
            ("stale connection, idempotent", StaleConnectionReset, Idempotent, first_retry),
            ("stale connection, by reference", StaleConnectionReset, IdempotentByReference, first_retry),
            ("stale connection, non-idempotent", StaleConnectionReset, NonIdempotent, not_retryable),
            ("429, safe", status(429), Safe, first_retry),
            ("429, idempotent", status(429), Idempotent, first_retry),
            ("429, by reference", status(429), IdempotentByReference, first_retry),
            ("429, non-idempotent", status(429), NonIdempotent, first_retry),
            ("503, safe", status(503), Safe, first_retry),
            ("503, idempotent", status(503), Idempotent, first_retry),
            ("503, by reference", status(503), IdempotentByReference, first_retry),
            ("503, non-idempotent", status(503), NonIdempotent, first_retry),
            ("500, safe", status(500), Safe, first_retry),
            ("500, idempotent", status(500), Idempotent, first_retry),
            ("500, by reference", status(500), IdempotentByReference, first_retry),
            ("500, non-idempotent", status(500), NonIdempotent, not_retryable),
            ("502, safe", status(502), Safe, first_retry),
            ("502, by reference", status(502), IdempotentByReference, first_retry),
            ("502, non-idempotent", status(502), NonIdempotent, not_retryable),
            ("504, idempotent", status(504), Idempotent, first_retry),
            ("504, non-idempotent", status(504), NonIdempotent, not_retryable),
            ("attempt timeout, safe", AttemptTimedOut, Safe, first_retry),
            ("attempt timeout, idempotent", AttemptTimedOut, Idempotent, first_retry),
            ("attempt timeout, by reference", AttemptTimedOut, IdempotentByReference, first_retry),
            ("attempt timeout, non-idempotent", AttemptTimedOut, NonIdempotent, not_retryable),
            ("truncated body, safe", BodyReadFailed, Safe, first_retry),
            ("truncated body, by reference", BodyReadFailed, IdempotentByReference, first_retry),
            ("truncated body, non-idempotent", BodyReadFailed, NonIdempotent, not_retryable),
            ("other I/O, safe", OtherIo, Safe, first_retry),
            ("other I/O, idempotent", OtherIo, Idempotent, first_retry),
            ("other I/O, non-idempotent", OtherIo, NonIdempotent, not_retryable),
            ("501, safe", status(501), Safe, not_retryable),
            ("505, safe", status(505), Safe, not_retryable),
            ("400, safe", status(400), Safe, not_retryable),
            ("401 belongs to the auth layer", status(401), Safe, not_retryable),
            ("403, safe", status(403), Safe, not_retryable),
            ("404, idempotent", status(404), Idempotent, not_retryable),
            ("408, safe", status(408), Safe, not_retryable),
            ("409, by reference", status(409), IdempotentByReference, not_retryable),
            ("422, safe", status(422), Safe, not_retryable),
            ("499, safe", status(499), Safe, not_retryable),
            ("1xx, safe", status(100), Safe, not_retryable),
            ("3xx, safe", status(302), Safe, not_retryable),
            ("200, safe", status(200), Safe, done),
            ("201, non-idempotent", status(201), NonIdempotent, done),
            ("202, by reference", status(202), IdempotentByReference, done),
            ("204, idempotent", status(204), Idempotent, done),
        ];
        for (name, outcome, class, expected) in cases {
            let decision = decide(&default_policy(), outcome, *class, 1, Duration::ZERO, &mut FixedJitter(1.0));
            assert_eq!(decision, *expected, "{name}");
        }
    }

    #[test]
    fn rejected_outcomes_are_never_retried_for_any_class() {
        let rejected = (100..200).chain(300..500).filter(|code| *code != 429).chain([501, 505, 511, 599]);
        for code in rejected {
            for class in ALL_CLASSES {
                let decision =
                    decide(&default_policy(), &status(code), class, 1, Duration::ZERO, &mut FixedJitter(1.0));
                assert_eq!(decision, RetryDecision::Stop(StopReason::NotRetryable), "{code} {class:?}");
            }
        }
    }

    #[test]
    fn the_table_covers_every_failure_once() {
        let failures = [
            Failure::NotSent,
            Failure::StaleConnection,
            Failure::Refused,
            Failure::ServerError,
            Failure::AttemptTimeout,
            Failure::TruncatedBody,
            Failure::OtherIo,
            Failure::Rejected,
        ];
        for failure in failures {
            let rows = RETRY_TABLE.iter().filter(|(row, _)| *row == failure).count();
            assert_eq!(rows, 1, "{failure:?}");
        }
    }

    /// Stop conditions other than the table, case by case.
    #[test]
    fn limits_case_by_case() {
        struct Case {
            name: &'static str,
            outcome: AttemptOutcome,
            attempts_made: u32,
            elapsed: Duration,
            expected: RetryDecision,
        }
        let cases = [
            Case {
                name: "second retry doubles the delay",
                outcome: status(503),
                attempts_made: 2,
                elapsed: secs(1),
                expected: RetryDecision::RetryAfter(secs(1)),
            },
            Case {
                name: "attempts exhausted at max_attempts",
                outcome: status(503),
                attempts_made: 3,
                elapsed: secs(1),
                expected: RetryDecision::Stop(StopReason::AttemptsExhausted),
            },
            Case {
                name: "attempts exhausted beyond max_attempts",
                outcome: ConnectFailed,
                attempts_made: 7,
                elapsed: Duration::ZERO,
                expected: RetryDecision::Stop(StopReason::AttemptsExhausted),
            },
            Case {
                name: "non-retryable wins over exhausted attempts",
                outcome: status(400),
                attempts_made: 3,
                elapsed: Duration::ZERO,
                expected: RetryDecision::Stop(StopReason::NotRetryable),
            },
            Case {
                name: "retry-after longer than backoff is honoured",
                outcome: status_retry_after(429, secs(3)),
                attempts_made: 1,
                elapsed: Duration::ZERO,
                expected: RetryDecision::RetryAfter(secs(3)),
            },
            Case {
                name: "retry-after shorter than backoff is raised to the backoff",
                outcome: status_retry_after(503, Duration::ZERO),
                attempts_made: 1,
                elapsed: Duration::ZERO,
                expected: RetryDecision::RetryAfter(millis(500)),
            },
            Case {
                name: "retry-after exactly at the cap is honoured",
                outcome: status_retry_after(429, secs(20)),
                attempts_made: 1,
                elapsed: Duration::ZERO,
                expected: RetryDecision::RetryAfter(secs(20)),
            },
            Case {
                name: "retry-after above the cap stops",
                outcome: status_retry_after(429, secs(21)),
                attempts_made: 1,
                elapsed: Duration::ZERO,
                expected: RetryDecision::Stop(StopReason::RetryAfterTooLong),
            },
            Case {
                name: "retry-after on a retryable 500",
                outcome: status_retry_after(500, secs(2)),
                attempts_made: 1,
                elapsed: Duration::ZERO,
                expected: RetryDecision::RetryAfter(secs(2)),
            },
            Case {
                name: "retry-after does not make a 4xx retryable",
                outcome: status_retry_after(400, secs(1)),
                attempts_made: 1,
                elapsed: Duration::ZERO,
                expected: RetryDecision::Stop(StopReason::NotRetryable),
            },
            Case {
                name: "delay ending exactly at the deadline stops",
                outcome: status(503),
                attempts_made: 1,
                elapsed: millis(59_500),
                expected: RetryDecision::Stop(StopReason::BudgetExhausted),
            },
            Case {
                name: "delay ending just before the deadline retries",
                outcome: status(503),
                attempts_made: 1,
                elapsed: millis(59_499),
                expected: RetryDecision::RetryAfter(millis(500)),
            },
            Case {
                name: "retry-after past the deadline stops",
                outcome: status_retry_after(429, secs(15)),
                attempts_made: 1,
                elapsed: secs(50),
                expected: RetryDecision::Stop(StopReason::BudgetExhausted),
            },
            Case {
                name: "elapsed beyond the budget stops",
                outcome: ConnectFailed,
                attempts_made: 1,
                elapsed: secs(120),
                expected: RetryDecision::Stop(StopReason::BudgetExhausted),
            },
            Case {
                name: "success on the last attempt is still success",
                outcome: status(200),
                attempts_made: 3,
                elapsed: secs(120),
                expected: RetryDecision::Stop(StopReason::Succeeded),
            },
        ];
        for case in cases {
            let decision =
                decide(&default_policy(), &case.outcome, Safe, case.attempts_made, case.elapsed, &mut FixedJitter(1.0));
            assert_eq!(decision, case.expected, "{}", case.name);
        }
    }

    #[test]
    fn one_attempt_means_no_retry() {
        let policy = RetryPolicy::new(1, millis(500), secs(5), secs(20), secs(60));
        let decision = decide(&policy, &ConnectFailed, Safe, 1, Duration::ZERO, &mut FixedJitter(1.0));
        assert_eq!(decision, RetryDecision::Stop(StopReason::AttemptsExhausted));
    }

    #[test]
    fn backoff_grows_exponentially_up_to_the_cap() {
        let policy = default_policy();
        let expected = [
            (1, millis(500)),
            (2, secs(1)),
            (3, secs(2)),
            (4, secs(4)),
            (5, secs(5)),
            (6, secs(5)),
            (32, secs(5)),
            (33, secs(5)),
            (u32::MAX, secs(5)),
        ];
        for (retry, delay) in expected {
            assert_eq!(policy.backoff(retry, 1.0), delay, "retry {retry}");
        }
        // Retry 0 is not a retry; treat it like the first.
        assert_eq!(policy.backoff(0, 1.0), millis(500));
    }

    #[test]
    fn jitter_scales_the_delay_between_half_and_all() {
        let policy = default_policy();
        let cases = [
            (0.0, millis(1000)),
            (0.5, millis(1500)),
            (1.0, millis(2000)),
            // Out-of-range samples are clamped, non-finite ones mean no jitter.
            (-3.0, millis(1000)),
            (7.0, millis(2000)),
            (f64::NAN, millis(2000)),
            (f64::INFINITY, millis(2000)),
        ];
        for (unit, delay) in cases {
            assert_eq!(policy.backoff(3, unit), delay, "unit {unit}");
        }
    }

    #[test]
    fn random_jitter_stays_in_range() {
        let policy = default_policy();
        let mut jitter = RandomJitter;
        for _ in 0..1000 {
            let unit = jitter.unit();
            assert!((0.0..1.0).contains(&unit));
            let delay = policy.backoff(4, unit);
            assert!(delay >= secs(2) && delay <= secs(4), "{delay:?}");
        }
    }

    #[test]
    fn huge_backoff_settings_do_not_overflow() {
        let policy = RetryPolicy::new(u32::MAX, secs(86_400), secs(86_400), secs(86_400), secs(86_400));
        assert_eq!(policy.backoff(u32::MAX, 1.0), secs(86_400));
        let decision = decide(
            &policy,
            &status_retry_after(503, Duration::from_secs(u64::MAX)),
            Safe,
            1,
            Duration::MAX,
            &mut FixedJitter(1.0),
        );
        assert_eq!(decision, RetryDecision::Stop(StopReason::RetryAfterTooLong));
        let decision = decide(&policy, &ConnectFailed, Safe, 1, Duration::MAX, &mut FixedJitter(1.0));
        assert_eq!(decision, RetryDecision::Stop(StopReason::BudgetExhausted));
    }

    #[test]
    fn parses_retry_after_values() {
        // 2015-10-21T07:28:00Z
        let now = SystemTime::UNIX_EPOCH + secs(1_445_412_480);
        let cases: &[(&str, Option<Duration>)] = &[
            ("0", Some(Duration::ZERO)),
            ("120", Some(secs(120))),
            (" 7 ", Some(secs(7))),
            ("99999999999999999999999", Some(Duration::from_secs(u64::MAX))),
            ("Wed, 21 Oct 2015 07:28:30 GMT", Some(secs(30))),
            ("Wednesday, 21-Oct-15 07:29:00 GMT", Some(secs(60))),
            ("Wed Oct 21 07:28:05 2015", Some(secs(5))),
            ("Wed, 21 Oct 2015 07:27:00 GMT", Some(Duration::ZERO)),
            ("", None),
            ("   ", None),
            ("-5", None),
            ("1.5", None),
            ("+3", None),
            ("soon", None),
            ("Wed, 32 Oct 2015 07:28:00 GMT", None),
            ("2015-10-21T07:28:30Z", None),
        ];
        for (value, expected) in cases {
            assert_eq!(parse_retry_after(value, now), *expected, "{value:?}");
        }
    }
}
