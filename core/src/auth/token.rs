//! The bearer token cache: one token per client, reused until shortly before it expires, and
//! refreshed by exactly one caller at a time (single flight) however many calls are waiting.
//!
//! A 401 on a resource call invalidates the token that call used, and only that one: when a
//! hundred calls see the same expired token, the first refresh serves them all.

use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use crate::error::Error;
use crate::secret::SecretString;

/// An access token and when it stops being valid.
pub(crate) struct AccessToken {
    value: SecretString,
    obtained_at: SystemTime,
    expires_at: SystemTime,
}

impl AccessToken {
    pub(crate) fn new(value: String, obtained_at: SystemTime, expires_at: SystemTime) -> Self {
        Self { value: SecretString::new(value), obtained_at, expires_at }
    }

    pub(crate) fn bearer(&self) -> &str {
        self.value.expose()
    }

    /// Usable for at least `margin` more, where the margin is at most half the token's lifetime
    /// (so a short-lived token is not refreshed on every call).
    fn is_fresh(&self, now: SystemTime, margin: Duration) -> bool {
        let lifetime = self.expires_at.duration_since(self.obtained_at).unwrap_or_default();
        let margin = margin.min(lifetime / 2);
        now + margin < self.expires_at
    }
}

impl std::fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccessToken").field("value", &self.value).field("expires_at", &self.expires_at).finish()
    }
}

pub(crate) struct TokenCache {
    current: RwLock<Option<Arc<AccessToken>>>,
    refresh: tokio::sync::Mutex<()>,
    margin: Duration,
}

impl TokenCache {
    pub(crate) fn new(margin: Duration) -> Self {
        Self { current: RwLock::new(None), refresh: tokio::sync::Mutex::new(()), margin }
    }

    fn fresh_token(&self) -> Option<Arc<AccessToken>> {
        let current = self.current.read().expect("token lock").clone()?;
        current.is_fresh(SystemTime::now(), self.margin).then_some(current)
    }

    /// The current token, fetching a new one with `fetch` when there is none fit for use. Only
    /// one fetch runs at a time; callers that waited for it use its result.
    pub(crate) async fn get<F, Fut>(&self, fetch: F) -> Result<Arc<AccessToken>, Error>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<AccessToken, Error>>,
    {
        if let Some(token) = self.fresh_token() {
            return Ok(token);
        }
        let _single_flight = self.refresh.lock().await;
        if let Some(token) = self.fresh_token() {
            return Ok(token);
        }
        let token = Arc::new(fetch().await?);
        *self.current.write().expect("token lock") = Some(token.clone());
        Ok(token)
    }

    /// Forgets `used` if it is still the current token (the server refused it).
    pub(crate) fn invalidate(&self, used: &Arc<AccessToken>) {
        let mut current = self.current.write().expect("token lock");
        if current.as_ref().is_some_and(|c| Arc::ptr_eq(c, used)) {
            *current = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    fn token(valid_for: Duration) -> AccessToken {
        let now = SystemTime::now();
        AccessToken::new("secret-token-value".into(), now, now + valid_for)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_callers_share_one_fetch() {
        let cache = Arc::new(TokenCache::new(Duration::from_secs(60)));
        let fetches = Arc::new(AtomicU32::new(0));
        let calls = (0..100).map(|_| {
            let cache = cache.clone();
            let fetches = fetches.clone();
            tokio::spawn(async move {
                cache
                    .get(|| async {
                        fetches.fetch_add(1, Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        Ok(token(Duration::from_secs(3600)))
                    })
                    .await
                    .unwrap()
            })
        });
        for call in calls {
            call.await.unwrap();
        }
        assert_eq!(fetches.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn refreshes_within_the_margin_and_after_invalidation_only_of_the_current_token() {
        let cache = TokenCache::new(Duration::from_secs(60));
        let first = cache.get(|| async { Ok(token(Duration::from_secs(3600))) }).await.unwrap();
        let again = cache.get(|| async { panic!("still fresh") }).await.unwrap();
        assert!(Arc::ptr_eq(&first, &again));
        cache.invalidate(&first);
        let second = cache.get(|| async { Ok(token(Duration::from_secs(3600))) }).await.unwrap();
        cache.invalidate(&first); // a stale 401 must not throw away the new token
        let still = cache.get(|| async { panic!("second is current") }).await.unwrap();
        assert!(Arc::ptr_eq(&second, &still));

        // 30 s left of a one-hour token is inside the 60 s margin: refresh.
        let cache = TokenCache::new(Duration::from_secs(60));
        let now = SystemTime::now();
        let old = AccessToken::new("t".into(), now - Duration::from_secs(3570), now + Duration::from_secs(30));
        cache.get(|| async { Ok(old) }).await.unwrap();
        let fetched = AtomicU32::new(0);
        cache
            .get(|| async {
                fetched.fetch_add(1, Ordering::SeqCst);
                Ok(token(Duration::from_secs(3600)))
            })
            .await
            .unwrap();
        assert_eq!(fetched.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn short_lived_tokens_are_not_refreshed_on_every_call() {
        let t = token(Duration::from_secs(10));
        assert!(t.is_fresh(SystemTime::now(), Duration::from_secs(60)));
        assert!(!format!("{t:?}").contains("secret-token-value"));
    }
}
