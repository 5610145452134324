//! The pace of reads repeated until something holds (a create confirmed by reading it back, an
//! instruction reaching a status): the client's backoff between them, from its base doubling to
//! its cap, within the call's deadline (its `timeout`, else the client's call timeout). One
//! rule, so the read-backs and the wait cannot drift apart.

use std::time::{Duration, Instant};

use crate::client::{CallOptions, Client};

pub(crate) struct Pacing {
    deadline: Instant,
    delay: Duration,
    cap: Duration,
}

impl Pacing {
    /// The pace of a call starting now.
    pub(crate) fn new(client: &Client, options: &CallOptions) -> Self {
        let config = client.config();
        let policy = config.retry_policy();
        Pacing {
            deadline: Instant::now() + options.timeout.unwrap_or(config.call_timeout()),
            delay: policy.backoff_base(),
            cap: policy.backoff_cap(),
        }
    }

    /// Sleeps before the next read and says `true`; says `false` at once when that read would
    /// start after the deadline.
    pub(crate) async fn pause(&mut self) -> bool {
        if Instant::now() + self.delay >= self.deadline {
            return false;
        }
        tokio::time::sleep(self.delay).await;
        self.delay = (self.delay * 2).min(self.cap);
        true
    }

    /// What is left of the call's time (at least a millisecond): the next read's own timeout.
    pub(crate) fn left(&self) -> Duration {
        self.deadline.saturating_duration_since(Instant::now()).max(Duration::from_millis(1))
    }
}
