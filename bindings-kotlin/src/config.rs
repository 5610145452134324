//! The client settings and per-call options as Kotlin/Swift see them, turned into the core's
//! builder calls.
//!
//! Every setting is optional except the credentials and the account: an unset one is simply not
//! passed to the core's builder, so the defaults and every check stay in the core
//! (`ClientConfigBuilder::build`), and a bad setting comes back as the core's configuration
//! error. Secrets are held in [`Secret`], an object whose text form never shows the value, so a
//! logged `ClientConfig` (a Kotlin data class, a Swift struct) cannot leak the private key.

use std::collections::HashMap;
use std::path::Path;

use imburse::config::{HostCallOptions, HostLanguage, HostSettings};

use crate::duration::HostDuration;

/// The runtime that loaded the library, for the User-Agent. One native library serves the JVM
/// and Swift and cannot ask its host, so it reads the running program: a JVM runs the `java`
/// launcher from `<java.home>/bin`, whose `release` file names the version (`JAVA_VERSION`);
/// Android runs `app_process`; anything else is a Swift (or other native) program.
fn host_runtime() -> (&'static str, String) {
    let exe = std::env::current_exe().ok();
    let name = exe.as_deref().and_then(Path::file_stem).and_then(|n| n.to_str()).unwrap_or_default();
    if name.starts_with("app_process") {
        return ("android", "unknown".to_string());
    }
    if name != "java" {
        return ("swift", "unknown".to_string());
    }
    let release = exe.as_deref().and_then(Path::parent).and_then(Path::parent).map(|home| home.join("release"));
    let version = release
        .and_then(|path| std::fs::read_to_string(path).ok())
        .and_then(|text| {
            text.lines().find_map(|line| line.strip_prefix("JAVA_VERSION=").map(|v| v.trim_matches('"').to_string()))
        })
        .filter(|v| {
            !v.is_empty() && v.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '+' | '-'))
        });
    ("jvm", version.unwrap_or_else(|| "unknown".to_string()))
}

/// Secret settings (the private key, a proxy URL with a password, a client identity) are the
/// core's [`Secret`]: in Kotlin and Swift an object (`Secret("…")`) whose `toString()` /
/// `description` is always `[redacted]`.
pub use imburse::Secret;

/// A named Imburse deployment. For anything else (a dedicated environment, the emulator) set
/// `baseUrl`.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Environment {
    Sandbox,
    Production,
}

/// Client settings. Unset (null) values take the core's defaults: sandbox, 10 s connect,
/// 30 s per attempt, 60 s per call, 3 attempts, 0.5 s backoff capped at 5 s, Retry-After
/// honoured up to 20 s, token renewed 60 s before it expires, proxy from the environment.
#[derive(uniffi::Record, Debug)]
pub struct ClientConfig {
    /// The API public key.
    pub public_key: String,
    /// The API private key as issued (base64).
    pub private_key: Secret,
    /// The account id (a UUID), sent as `x-account-id`.
    pub account_id: String,
    /// The default tenant id (a UUID) for tenant-scoped calls; a call may name another.
    #[uniffi(default)]
    pub tenant_id: Option<String>,
    /// Sandbox or production; `baseUrl` wins when both are set.
    #[uniffi(default)]
    pub environment: Option<Environment>,
    /// Any other base URL (http or https), e.g. the emulator's.
    #[uniffi(default)]
    pub base_url: Option<String>,
    /// Time allowed to open a connection.
    #[uniffi(default)]
    pub connect_timeout: Option<HostDuration>,
    /// Time allowed for one attempt, body included; at most `callTimeout`.
    #[uniffi(default)]
    pub attempt_timeout: Option<HostDuration>,
    /// Time allowed for the whole call: every attempt, token refresh and backoff.
    #[uniffi(default)]
    pub call_timeout: Option<HostDuration>,
    /// Attempts per call, the first included (1 disables retries).
    #[uniffi(default)]
    pub max_attempts: Option<i32>,
    /// The wait before the first retry, before jitter.
    #[uniffi(default)]
    pub backoff_base: Option<HostDuration>,
    /// The longest wait between attempts, before jitter.
    #[uniffi(default)]
    pub backoff_cap: Option<HostDuration>,
    /// The longest Retry-After worth waiting for; a longer one ends the call with its value.
    #[uniffi(default)]
    pub retry_after_cap: Option<HostDuration>,
    /// Renew the access token this long before it expires.
    #[uniffi(default)]
    pub token_refresh_margin: Option<HostDuration>,
    /// An explicit proxy URL (may carry `user:password@`, hence a secret).
    #[uniffi(default)]
    pub proxy: Option<Secret>,
    /// Whether `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` are honoured.
    #[uniffi(default)]
    pub use_env_proxy: Option<bool>,
    /// Certificate authorities (PEM text) trusted beside the system's, e.g. a TLS-inspecting
    /// proxy's.
    #[uniffi(default)]
    pub ca_bundle_pem: Option<String>,
    /// A client certificate chain and its private key (PEM text), for servers that require
    /// one.
    #[uniffi(default)]
    pub client_identity_pem: Option<Secret>,
    /// API versions by operation (`getOrder` to `v2`), instead of the ones the SDK declares.
    #[uniffi(default)]
    pub api_versions: Option<HashMap<String, String>>,
}

impl ClientConfig {
    /// The core's validated configuration, or its configuration error naming the setting as
    /// Kotlin spells it.
    pub(crate) fn to_core(&self) -> Result<imburse::ClientConfig, imburse::Error> {
        let seconds = |value: Option<HostDuration>| value.map(f64::from);
        let settings = HostSettings {
            environment: self.environment.map(|e| e.core().name().to_string()),
            base_url: self.base_url.clone(),
            public_key: Some(self.public_key.clone()),
            private_key: Some(self.private_key.expose_secret().to_string()),
            account_id: Some(self.account_id.clone()),
            tenant_id: self.tenant_id.clone(),
            connect_timeout: seconds(self.connect_timeout),
            attempt_timeout: seconds(self.attempt_timeout),
            call_timeout: seconds(self.call_timeout),
            max_attempts: self.max_attempts.map(i64::from),
            backoff_base: seconds(self.backoff_base),
            backoff_cap: seconds(self.backoff_cap),
            retry_after_cap: seconds(self.retry_after_cap),
            token_refresh_margin: seconds(self.token_refresh_margin),
            proxy: self.proxy.as_ref().map(|p| p.expose_secret().to_string()),
            use_env_proxy: self.use_env_proxy,
            ca_bundle_pem: self.ca_bundle_pem.clone(),
            client_identity_pem: self.client_identity_pem.as_ref().map(|p| p.expose_secret().to_string()),
            api_versions: self.api_versions.clone().map(|versions| versions.into_iter().collect()),
        };
        let (host_language, host_version) = host_runtime();
        let builder = imburse::ClientConfig::builder().host(host_language, host_version);
        settings.apply(builder, HostLanguage::Kotlin)?.build()
    }
}

impl Environment {
    fn core(self) -> imburse::Environment {
        match self {
            Environment::Sandbox => imburse::Environment::Sandbox,
            Environment::Production => imburse::Environment::Production,
        }
    }
}

/// Per-call options: the caller's correlation id (otherwise the SDK generates a UUID), a
/// tenant to act for instead of the client's default, and this call's own limits instead of
/// the client's (a value out of range throws `ImburseException.InvalidRequest`, nothing sent).
#[derive(uniffi::Record, Clone, Debug, Default)]
pub struct CallOptions {
    #[uniffi(default)]
    pub correlation_id: Option<String>,
    #[uniffi(default)]
    pub tenant_id: Option<String>,
    /// The whole call's time: every attempt, token refresh and backoff.
    #[uniffi(default)]
    pub timeout: Option<HostDuration>,
    /// Each attempt's time, body included.
    #[uniffi(default)]
    pub attempt_timeout: Option<HostDuration>,
    /// Attempts for this call, the first included (1 disables retries).
    #[uniffi(default)]
    pub max_attempts: Option<i32>,
}

impl CallOptions {
    pub(crate) fn to_core(options: Option<CallOptions>) -> imburse::CallOptions {
        let o = options.unwrap_or_default();
        let host = HostCallOptions {
            correlation_id: o.correlation_id,
            tenant_id: o.tenant_id,
            timeout: o.timeout.map(f64::from),
            attempt_timeout: o.attempt_timeout.map(f64::from),
            max_attempts: o.max_attempts.map(i64::from),
        };
        host.into_core(HostLanguage::Kotlin)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn config() -> ClientConfig {
        ClientConfig {
            public_key: "a123456b-c12c-123d-1ab4-18bd8c8e88a3".into(),
            private_key: Secret::new("AGHYR1aWYgHgyjhJLkVCd7b8XfAVeA4tuFwCQl3X64Y="),
            account_id: "6d2c1f0e-8a4b-4c3d-9e5f-a1b2c3d4e5f6".into(),
            tenant_id: None,
            environment: None,
            base_url: None,
            connect_timeout: None,
            attempt_timeout: None,
            call_timeout: None,
            max_attempts: None,
            backoff_base: None,
            backoff_cap: None,
            retry_after_cap: None,
            token_refresh_margin: None,
            proxy: None,
            use_env_proxy: None,
            ca_bundle_pem: None,
            client_identity_pem: None,
            api_versions: None,
        }
    }

    #[test]
    fn the_user_agent_names_the_host_runtime() {
        // Tests run in a Rust program, which is not a JVM.
        let core = config().to_core().unwrap();
        assert!(core.user_agent().contains("(swift/unknown;"), "{}", core.user_agent());
    }

    #[test]
    fn every_setting_reaches_the_core() {
        let mut settings = config();
        settings.environment = Some(Environment::Production);
        settings.tenant_id = Some("0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c".into());
        settings.connect_timeout = Some(HostDuration(1.5));
        settings.attempt_timeout = Some(HostDuration(2.5));
        settings.call_timeout = Some(HostDuration(9.0));
        settings.max_attempts = Some(5);
        settings.backoff_base = Some(HostDuration(0.25));
        settings.backoff_cap = Some(HostDuration(2.0));
        settings.retry_after_cap = Some(HostDuration(3.0));
        settings.token_refresh_margin = Some(HostDuration(5.0));
        settings.use_env_proxy = Some(false);
        settings.proxy = Some(Secret::new("http://user:pw@127.0.0.1:3128"));
        let core = settings.to_core().unwrap();
        assert_eq!(core.base_url().as_str(), "https://api.imbursepayments.com/");
        assert_eq!(core.tenant_id().unwrap().to_string(), "0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c");
        assert_eq!(core.connect_timeout(), Duration::from_millis(1500));
        assert_eq!(core.attempt_timeout(), Duration::from_millis(2500));
        assert_eq!(core.call_timeout(), Duration::from_millis(9000));
        assert_eq!(core.token_refresh_margin(), Duration::from_millis(5000));
        let policy = core.retry_policy();
        assert_eq!(policy.max_attempts(), 5);
        assert_eq!(policy.backoff_base(), Duration::from_millis(250));
        assert_eq!(policy.backoff_cap(), Duration::from_secs(2));
        assert_eq!(policy.retry_after_cap(), Duration::from_secs(3));
        assert!(!core.use_env_proxy());
        assert_eq!(core.proxy().map(|u| u.host_str()), Some(Some("127.0.0.1")));
    }

    #[test]
    fn a_refused_setting_is_the_cores_configuration_error_in_kotlin_terms() {
        let mut settings = config();
        settings.connect_timeout = Some(HostDuration(-1.0));
        let error = settings.to_core().unwrap_err();
        assert_eq!(error.kind(), imburse::ErrorKind::Configuration);
        assert_eq!(error.message(), "connectTimeout: must be a duration of zero or more");
    }

    #[test]
    fn secrets_never_show() {
        let mut settings = config();
        settings.proxy = Some(Secret::new("http://user:hunter2@proxy:3128"));
        let text = format!("{settings:?}");
        assert!(!text.contains("AGHYR1aW"), "{text}");
        assert!(!text.contains("hunter2"), "{text}");
        assert!(text.contains("[redacted]"), "{text}");
    }
}
