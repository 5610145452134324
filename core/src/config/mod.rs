//! Client settings, checked once in [`ClientConfigBuilder::build`] so the
//! transport can trust them, and so every binding reports a bad key, id or
//! URL the same way: an [`ErrorKind::Configuration`](crate::ErrorKind)
//! error whose message names the field. The private key is decoded here and
//! kept in a wrapper that never prints; no error message echoes an input
//! value, so a key pasted into the wrong field cannot leak either.
//!
//! - `builder`: collects settings and checks them all in `build()`.
//! - `env`: fills a builder from the `IMBURSE_*` environment variables.
//! - `checks`: the rule for each setting.
//! - `host`: settings as a host language passes them (numbers of its own unit).
//! - `user_agent`: what the `User-Agent` header says.

mod builder;
mod checks;
mod env;
mod host;
mod user_agent;

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use url::Url;
use uuid::Uuid;

use crate::error::Error;
use crate::retry::RetryPolicy;
use crate::secret::{REDACTED, SecretBytes};
pub use builder::ClientConfigBuilder;
pub(crate) use checks::decode_private_key;
use checks::validate_base_url;
pub use host::{HostCallOptions, HostLanguage, HostSettings, IntoHostValue, host_count, host_duration, unknown_option};
#[cfg(test)]
use std::ffi::OsString;

/// Base URL of the sandbox REST API.
pub const SANDBOX_BASE_URL: &str = "https://sandbox-api.imbursepayments.com";
/// Base URL of the production REST API.
pub const PRODUCTION_BASE_URL: &str = "https://api.imbursepayments.com";

/// Environment variables read by [`ClientConfigBuilder::from_env`].
pub const ENV_PUBLIC_KEY: &str = "IMBURSE_PUBLIC_KEY";
/// See [`ENV_PUBLIC_KEY`].
pub const ENV_PRIVATE_KEY: &str = "IMBURSE_PRIVATE_KEY";
/// See [`ENV_PUBLIC_KEY`].
pub const ENV_ACCOUNT_ID: &str = "IMBURSE_ACCOUNT_ID";
/// See [`ENV_PUBLIC_KEY`].
pub const ENV_TENANT_ID: &str = "IMBURSE_TENANT_ID";
/// See [`ENV_PUBLIC_KEY`]. Takes precedence over [`ENV_ENVIRONMENT`].
pub const ENV_BASE_URL: &str = "IMBURSE_BASE_URL";
/// See [`ENV_PUBLIC_KEY`]. `sandbox` or `production`.
pub const ENV_ENVIRONMENT: &str = "IMBURSE_ENVIRONMENT";

/// Time allowed to open a connection (TCP, TLS, proxy).
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Time allowed for one attempt, from sending to the end of the body.
pub const DEFAULT_ATTEMPT_TIMEOUT: Duration = Duration::from_secs(30);
/// Time allowed for a whole call, retries and delays included.
pub const DEFAULT_CALL_TIMEOUT: Duration = Duration::from_secs(60);
/// Attempts per call, the first included: two retries.
pub const DEFAULT_MAX_ATTEMPTS: u32 = 3;
/// Backoff before the first retry, before jitter.
pub const DEFAULT_BACKOFF_BASE: Duration = Duration::from_millis(500);
/// Longest backoff, before jitter.
pub const DEFAULT_BACKOFF_CAP: Duration = Duration::from_secs(5);
/// Longest `Retry-After` the client waits for.
pub const DEFAULT_RETRY_AFTER_CAP: Duration = Duration::from_secs(20);
/// How long before the access token's `expires` it is renewed.
pub const DEFAULT_TOKEN_REFRESH_MARGIN: Duration = Duration::from_secs(60);
/// Upper bound for every duration setting: large enough for any real use,
/// small enough that deadline arithmetic can never overflow.
pub const MAX_DURATION: Duration = Duration::from_secs(24 * 60 * 60);

/// The compiler that built the core, reported in the User-Agent.
pub(crate) const RUSTC_VERSION: &str = env!("IMBURSE_RUSTC_VERSION");

/// Which Imburse deployment the client talks to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Environment {
    /// `https://sandbox-api.imbursepayments.com`; the default, so a client
    /// that forgot to choose cannot move real money.
    #[default]
    Sandbox,
    /// `https://api.imbursepayments.com`.
    Production,
    /// Any other base URL (http or https): a dedicated environment or a
    /// local emulator. A path prefix is kept.
    Custom(Url),
}

impl Environment {
    /// A custom environment from a base URL, validated as `build()` would.
    pub fn custom(base_url: &str) -> Result<Environment, Error> {
        let url =
            Url::parse(base_url.trim()).map_err(|_| Error::configuration("base_url", "is not a valid absolute URL"))?;
        Ok(Environment::Custom(validate_base_url(url)?))
    }

    /// The base URL requests are resolved against, ending in `/`.
    pub fn base_url(&self) -> Url {
        match self {
            Environment::Sandbox => Url::parse(SANDBOX_BASE_URL).expect("constant URL parses"),
            Environment::Production => Url::parse(PRODUCTION_BASE_URL).expect("constant URL parses"),
            Environment::Custom(url) => url.clone(),
        }
    }

    /// `sandbox`, `production` or `custom`.
    pub fn name(&self) -> &'static str {
        match self {
            Environment::Sandbox => "sandbox",
            Environment::Production => "production",
            Environment::Custom(_) => "custom",
        }
    }
}

impl FromStr for Environment {
    type Err = Error;

    /// `sandbox` or `production`, any case; a custom environment is made
    /// from a URL with [`Environment::custom`].
    fn from_str(name: &str) -> Result<Environment, Error> {
        match name.trim().to_ascii_lowercase().as_str() {
            "sandbox" => Ok(Environment::Sandbox),
            "production" => Ok(Environment::Production),
            _ => Err(Error::configuration(
                "environment",
                "must be \"sandbox\" or \"production\" (use base_url for any other endpoint)",
            )),
        }
    }
}

impl fmt::Display for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Environment::Custom(url) => write!(f, "custom ({url})"),
            known => f.write_str(known.name()),
        }
    }
}

/// Validated client settings. Build one with [`ClientConfig::builder`] or
/// [`ClientConfig::from_env`]; it is immutable and cheap to clone.
#[derive(Clone)]
pub struct ClientConfig {
    pub(super) environment: Environment,
    pub(super) base_url: Url,
    pub(super) public_key: String,
    pub(super) private_key: SecretBytes,
    pub(super) account_id: Uuid,
    pub(super) tenant_id: Option<Uuid>,
    pub(super) connect_timeout: Duration,
    pub(super) attempt_timeout: Duration,
    pub(super) call_timeout: Duration,
    pub(super) retry_policy: RetryPolicy,
    pub(super) token_refresh_margin: Duration,
    pub(super) host_language: String,
    /// How attempt events name operations (`None`: the core's snake_case names).
    pub(super) operation_names: Option<HostLanguage>,
    pub(super) host_version: String,
    pub(super) user_agent: String,
    pub(super) proxy: Option<Url>,
    pub(super) use_env_proxy: bool,
    /// The CA bundle's certificates, parsed when the configuration was built.
    pub(super) tls_roots: Vec<reqwest::Certificate>,
    /// The client identity, parsed likewise; it holds a private key.
    pub(super) tls_identity: Option<reqwest::Identity>,
    pub(super) api_versions: BTreeMap<String, String>,
}

impl ClientConfig {
    /// A builder with every default set and no credentials.
    pub fn builder() -> ClientConfigBuilder {
        ClientConfigBuilder::new()
    }

    /// `ClientConfigBuilder::from_env().build()`.
    pub fn from_env() -> Result<ClientConfig, Error> {
        ClientConfigBuilder::from_env().build()
    }

    /// The environment the client talks to.
    pub fn environment(&self) -> &Environment {
        &self.environment
    }

    /// The base URL, ending in `/`.
    pub fn base_url(&self) -> &Url {
        &self.base_url
    }

    /// The URL for a path below the base URL, one segment per element.
    /// Each segment is percent-encoded, `/` included, so a reference such as
    /// an `orderRef` can never change the path's shape.
    pub fn endpoint(&self, segments: &[&str]) -> Url {
        let mut url = self.base_url.clone();
        // Only URLs that cannot be a base refuse segments; http(s) always can.
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty().extend(segments);
        }
        url
    }

    /// The API public key (not secret).
    pub fn public_key(&self) -> &str {
        &self.public_key
    }

    /// The decoded private key, for the HMAC signer only.
    pub(crate) fn private_key(&self) -> &SecretBytes {
        &self.private_key
    }

    /// Sent as `x-account-id` on every call.
    pub fn account_id(&self) -> Uuid {
        self.account_id
    }

    /// Sent as `x-tenant-id` on tenant-scoped calls unless a call names
    /// another tenant.
    pub fn tenant_id(&self) -> Option<Uuid> {
        self.tenant_id
    }

    /// Time allowed to open a connection.
    pub fn connect_timeout(&self) -> Duration {
        self.connect_timeout
    }

    /// Time allowed for one attempt.
    pub fn attempt_timeout(&self) -> Duration {
        self.attempt_timeout
    }

    /// Time allowed for a whole call, retries included.
    pub fn call_timeout(&self) -> Duration {
        self.call_timeout
    }

    /// The retry settings; its total budget is the call timeout.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.retry_policy
    }

    /// How long before `expires` the access token is renewed.
    pub fn token_refresh_margin(&self) -> Duration {
        self.token_refresh_margin
    }

    /// The host language the SDK runs in (`rust`, `python`, `node`, …).
    pub fn host_language(&self) -> &str {
        &self.host_language
    }

    /// An operation's name as attempt events give it: the method's name in the language the
    /// client serves (`getOrder` in JavaScript and Kotlin), else the core's (`get_order`).
    pub fn operation_name(&self, operation: &str) -> String {
        match self.operation_names {
            Some(language) => language.method_name(operation),
            None => operation.to_string(),
        }
    }

    /// The host language's version.
    pub fn host_version(&self) -> &str {
        &self.host_version
    }

    /// The `User-Agent` header value, e.g.
    /// `imburse-sdk/0.1.0 (python/3.12.1; rust/1.88.0; linux-x86_64)`.
    pub fn user_agent(&self) -> &str {
        &self.user_agent
    }

    /// The explicit proxy, when one was set.
    pub fn proxy(&self) -> Option<&Url> {
        self.proxy.as_ref()
    }

    /// Whether `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` are honoured.
    pub fn use_env_proxy(&self) -> bool {
        self.use_env_proxy
    }

    /// The certificate authorities trusted beside the system's (from the CA bundle).
    pub(crate) fn tls_roots(&self) -> &[reqwest::Certificate] {
        &self.tls_roots
    }

    /// The API version `spec` is called on: the declared one, unless
    /// [`ClientConfigBuilder::api_version`] overrode it.
    pub fn api_version_of(&self, spec: &crate::operations::OperationSpec) -> &str {
        self.api_versions.get(spec.name).map_or(spec.version, String::as_str)
    }

    /// The client identity, for the transport only: it holds a private key.
    pub(crate) fn tls_identity(&self) -> Option<&reqwest::Identity> {
        self.tls_identity.as_ref()
    }
}

impl fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientConfig")
            .field("environment", &self.environment.name())
            .field("base_url", &self.base_url.as_str())
            .field("public_key", &self.public_key)
            .field("private_key", &self.private_key)
            .field("account_id", &self.account_id)
            .field("tenant_id", &self.tenant_id)
            .field("connect_timeout", &self.connect_timeout)
            .field("attempt_timeout", &self.attempt_timeout)
            .field("call_timeout", &self.call_timeout)
            .field("retry_policy", &self.retry_policy)
            .field("token_refresh_margin", &self.token_refresh_margin)
            .field("user_agent", &self.user_agent)
            .field("proxy", &self.proxy.as_ref().map(redact_url))
            .field("use_env_proxy", &self.use_env_proxy)
            .field("tls_roots", &self.tls_roots.len())
            .field("tls_identity", &self.tls_identity.as_ref().map(|_| REDACTED))
            .field("api_versions", &self.api_versions)
            .finish()
    }
}

/// The URL with any password replaced, for `Debug`.
fn redact_url(url: &Url) -> String {
    if url.password().is_none() {
        return url.to_string();
    }
    let mut copy = url.clone();
    // Cannot fail: the URL already has a host, since it has a password.
    let _ = copy.set_password(Some("redacted"));
    copy.to_string()
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::ErrorKind;

    const PUBLIC_KEY: &str = "a123456b-c12c-123d-1ab4-18bd8c8e88a3";
    const PRIVATE_KEY: &str = "AGHYR1aWYgHgyjhJLkVCd7b8XfAVeA4tuFwCQl3X64Y=";
    const ACCOUNT_ID: &str = "6f1c2b9e-8d4a-4c3b-9a7e-1f2d3c4b5a69";
    const TENANT_ID: &str = "0b6f7a52-3c1e-4f4e-9d7a-2a4c2f7c1e55";

    fn valid() -> ClientConfigBuilder {
        ClientConfig::builder().public_key(PUBLIC_KEY).private_key(PRIVATE_KEY).account_id(ACCOUNT_ID)
    }

    fn config_error(builder: ClientConfigBuilder) -> Error {
        let error = builder.build().expect_err("build should fail");
        assert_eq!(error.kind(), ErrorKind::Configuration, "{error}");
        error
    }

    /// The error names `field` and says `words`.
    fn assert_rejects(builder: ClientConfigBuilder, field: &str, words: &str) {
        let error = config_error(builder);
        let text = error.to_string();
        assert!(text.starts_with(&format!("Invalid configuration: {field}: ")), "{text}");
        assert!(text.contains(words), "{text}");
    }

    fn from_vars(vars: &[(&str, &str)]) -> ClientConfigBuilder {
        let map: HashMap<String, OsString> = vars.iter().map(|(k, v)| ((*k).to_owned(), OsString::from(v))).collect();
        ClientConfigBuilder::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn attempt_events_name_operations_as_the_clients_language_spells_its_methods() {
        let named = |language: Option<HostLanguage>| {
            let builder = valid();
            let builder = match language {
                Some(language) => builder.operation_names(language),
                None => builder,
            };
            builder.build().unwrap().operation_name("get_or_create_customer")
        };
        assert_eq!(named(None), "get_or_create_customer");
        assert_eq!(named(Some(HostLanguage::Python)), "get_or_create_customer");
        assert_eq!(named(Some(HostLanguage::JavaScript)), "getOrCreateCustomer");
        assert_eq!(named(Some(HostLanguage::Kotlin)), "getOrCreateCustomer");
    }

    #[test]
    fn defaults() {
        let config = valid().build().expect("valid config");
        assert_eq!(config.environment(), &Environment::Sandbox);
        assert_eq!(config.base_url().as_str(), "https://sandbox-api.imbursepayments.com/");
        assert_eq!(config.public_key(), PUBLIC_KEY);
        assert_eq!(config.account_id().to_string(), ACCOUNT_ID);
        assert_eq!(config.tenant_id(), None);
        assert_eq!(config.connect_timeout(), Duration::from_secs(10));
        assert_eq!(config.attempt_timeout(), Duration::from_secs(30));
        assert_eq!(config.call_timeout(), Duration::from_secs(60));
        let policy = config.retry_policy();
        assert_eq!(policy.max_attempts(), 3);
        assert_eq!(policy.backoff_base(), Duration::from_millis(500));
        assert_eq!(policy.backoff_cap(), Duration::from_secs(5));
        assert_eq!(policy.retry_after_cap(), Duration::from_secs(20));
        assert_eq!(policy.total_budget(), config.call_timeout());
        assert_eq!(config.token_refresh_margin(), Duration::from_secs(60));
        assert_eq!(config.host_language(), "rust");
        assert_eq!(config.proxy(), None);
        assert!(config.use_env_proxy());
        assert_eq!(config.private_key().expose().len(), 32);
    }

    #[test]
    fn every_setting_is_applied() {
        let config = valid()
            .environment(Environment::Production)
            .tenant_id(TENANT_ID)
            .connect_timeout(Duration::from_secs(2))
            .attempt_timeout(Duration::from_secs(5))
            .call_timeout(Duration::from_secs(9))
            .max_attempts(1)
            .backoff_base(Duration::from_millis(100))
            .backoff_cap(Duration::from_millis(100))
            .retry_after_cap(Duration::ZERO)
            .token_refresh_margin(Duration::ZERO)
            .host("python", "3.12.1")
            .proxy("http://user:pw@proxy.internal:3128")
            .use_env_proxy(false)
            .build()
            .expect("valid config");
        assert_eq!(config.base_url().as_str(), "https://api.imbursepayments.com/");
        assert_eq!(config.tenant_id().map(|t| t.to_string()).as_deref(), Some(TENANT_ID));
        assert_eq!(config.connect_timeout(), Duration::from_secs(2));
        assert_eq!(config.attempt_timeout(), Duration::from_secs(5));
        assert_eq!(config.call_timeout(), Duration::from_secs(9));
        assert_eq!(config.retry_policy().max_attempts(), 1);
        assert_eq!(config.retry_policy().backoff_cap(), Duration::from_millis(100));
        assert_eq!(config.retry_policy().retry_after_cap(), Duration::ZERO);
        assert_eq!(config.retry_policy().total_budget(), Duration::from_secs(9));
        assert_eq!(config.token_refresh_margin(), Duration::ZERO);
        assert_eq!(config.host_language(), "python");
        assert_eq!(config.host_version(), "3.12.1");
        assert_eq!(config.proxy().map(Url::as_str), Some("http://user:pw@proxy.internal:3128/"));
        assert!(!config.use_env_proxy());
    }

    #[test]
    fn environments_and_base_urls() {
        let cases: &[(ClientConfigBuilder, &str, &str)] = &[
            (valid(), "sandbox", "https://sandbox-api.imbursepayments.com/"),
            (valid().environment(Environment::Production), "production", "https://api.imbursepayments.com/"),
            (valid().base_url("http://127.0.0.1:8080"), "custom", "http://127.0.0.1:8080/"),
            (
                valid().base_url(" https://dedicated.example.com/imburse "),
                "custom",
                "https://dedicated.example.com/imburse/",
            ),
            (
                valid().base_url("https://dedicated.example.com/imburse/"),
                "custom",
                "https://dedicated.example.com/imburse/",
            ),
            (
                valid().environment(Environment::Custom(Url::parse("http://localhost:9000/api").expect("url"))),
                "custom",
                "http://localhost:9000/api/",
            ),
            (valid().base_url("HTTPS://[::1]:8443"), "custom", "https://[::1]:8443/"),
        ];
        for (builder, name, url) in cases {
            let config = builder.clone().build().expect("valid config");
            assert_eq!(config.environment().name(), *name);
            assert_eq!(config.base_url().as_str(), *url);
        }
    }

    #[test]
    fn bad_base_urls_are_rejected() {
        let cases = [
            ("", "not a valid absolute URL"),
            ("sandbox-api.imbursepayments.com", "not a valid absolute URL"),
            ("/v1/identity", "not a valid absolute URL"),
            ("ftp://example.com", "http or https"),
            ("file:///etc/passwd", "http or https"),
            ("mailto:someone@example.com", "http or https"),
            ("https://user:secret@example.com", "user name or password"),
            ("https://user@example.com", "user name or password"),
            ("https://example.com/?tenant=1", "query or fragment"),
            ("https://example.com/#top", "query or fragment"),
            ("http://exa mple.com", "not a valid absolute URL"),
        ];
        for (url, words) in cases {
            assert_rejects(valid().base_url(url), "base_url", words);
        }
        assert_rejects(
            valid().environment(Environment::Custom(Url::parse("ftp://x.example").expect("url"))),
            "base_url",
            "http or https",
        );
    }

    #[test]
    fn base_url_errors_do_not_echo_credentials() {
        let error = config_error(valid().base_url("https://admin:hunter2@example.com"));
        assert!(!error.to_string().contains("hunter2"));
        assert!(!format!("{error:?}").contains("hunter2"));
    }

    #[test]
    fn environment_names_parse() {
        for (text, expected) in [
            ("sandbox", Environment::Sandbox),
            ("SANDBOX", Environment::Sandbox),
            (" production ", Environment::Production),
            ("Production", Environment::Production),
        ] {
            assert_eq!(text.parse::<Environment>().expect(text), expected);
        }
        for text in ["", "prod", "live", "staging", "https://api.imbursepayments.com"] {
            let error = text.parse::<Environment>().expect_err(text);
            assert_eq!(error.kind(), ErrorKind::Configuration);
            assert!(error.to_string().contains("environment: "), "{error}");
        }
        assert_eq!(Environment::Sandbox.to_string(), "sandbox");
        assert_eq!(Environment::custom("http://localhost:1").expect("url").to_string(), "custom (http://localhost:1/)");
    }

    #[test]
    fn credentials_are_required() {
        let cases = [
            (
                ClientConfig::builder().private_key(PRIVATE_KEY).account_id(ACCOUNT_ID),
                "public_key",
                "IMBURSE_PUBLIC_KEY",
            ),
            (
                ClientConfig::builder().public_key(PUBLIC_KEY).account_id(ACCOUNT_ID),
                "private_key",
                "IMBURSE_PRIVATE_KEY",
            ),
            (
                ClientConfig::builder().public_key(PUBLIC_KEY).private_key(PRIVATE_KEY),
                "account_id",
                "IMBURSE_ACCOUNT_ID",
            ),
            (valid().public_key("   "), "public_key", "is required"),
            (valid().private_key(""), "private_key", "is required"),
            (valid().private_key(" \n"), "private_key", "is required"),
        ];
        for (builder, field, words) in cases {
            assert_rejects(builder, field, words);
        }
    }

    #[test]
    fn public_key_rules() {
        let ok = valid().public_key(format!(" {PUBLIC_KEY} ")).build().expect("trimmed");
        assert_eq!(ok.public_key(), PUBLIC_KEY);
        for key in ["key.with_under-score", "ABC123"] {
            valid().public_key(key).build().expect(key);
        }
        let cases = [
            ("a:b", "may contain only"),
            ("has space", "may contain only"),
            ("new\nline", "may contain only"),
            ("AGHYR1aWYgHgyjhJLkVCd7b8XfAVeA4tuFwCQl3X64Y=", "may contain only"),
            ("ключ", "may contain only"),
        ];
        for (key, words) in cases {
            assert_rejects(valid().public_key(key), "public_key", words);
        }
        assert_rejects(valid().public_key("a".repeat(129)), "public_key", "at most 128");
    }

    #[test]
    fn private_key_rules() {
        let config = valid().private_key(format!("  {PRIVATE_KEY}\n")).build().expect("trimmed");
        assert_eq!(config.private_key().expose().len(), 32);
        let unpadded = PRIVATE_KEY.trim_end_matches('=');
        let config = valid().private_key(unpadded).build().expect("unpadded");
        assert_eq!(config.private_key().expose().len(), 32);

        let cases = [
            ("not base64!", "standard base64"),
            ("AGHYR1aWYgHgyjhJ-kVCd7b8XfAVeA4tuFwCQl3X64Y=", "standard base64"),
            ("AGHYR1aWYgHgyjhJ_kVCd7b8XfAVeA4tuFwCQl3X64Y=", "standard base64"),
            ("A", "standard base64"),
            ("AGHY R1aW", "standard base64"),
            ("====", "standard base64"),
        ];
        for (key, words) in cases {
            assert_rejects(valid().private_key(key), "private_key", words);
        }
    }

    #[test]
    fn private_key_never_appears_in_debug_or_errors() {
        // A bad key that is mostly the real one: the error must not show
        // any part of it, nor the byte the decoder tripped over.
        let bad_key = "AGHYR1aWYgHgyjhJLkVCd7b8XfAVeA4tuFwCQl3X64Y$";
        let error = config_error(valid().private_key(bad_key));
        for text in [error.to_string(), format!("{error:?}"), format!("{error:#?}")] {
            assert!(!text.contains("AGHYR1"), "{text}");
            assert!(!text.contains("X64Y"), "{text}");
            assert!(!text.contains('$'), "{text}");
            assert!(!text.contains("36"), "decoder detail leaked: {text}");
        }

        // A valid key in the wrong field is not echoed either.
        let error = config_error(valid().account_id(PRIVATE_KEY));
        assert!(!error.to_string().contains("AGHYR1"));
        let error = config_error(valid().public_key(PRIVATE_KEY));
        assert!(!error.to_string().contains("AGHYR1"));

        let builder = valid().proxy("http://u:proxy-pass@proxy:3128");
        let config = builder.clone().build().expect("valid");
        let decoded = config.private_key().expose().to_vec();
        for text in [format!("{builder:?}"), format!("{builder:#?}"), format!("{config:?}"), format!("{config:#?}")] {
            assert!(!text.contains(PRIVATE_KEY), "{text}");
            assert!(!text.contains("AGHYR1"), "{text}");
            assert!(!text.contains(&format!("{decoded:?}")), "{text}");
            assert!(!text.contains("proxy-pass"), "{text}");
            assert!(text.contains(REDACTED) || text.contains("redacted"), "{text}");
        }
    }

    #[test]
    fn ids_must_be_uuids() {
        let config = valid()
            .account_id("6F1C2B9E8D4A4C3B9A7E1F2D3C4B5A69")
            .tenant_id(format!(" {TENANT_ID} "))
            .build()
            .expect("simple and padded forms");
        // Headers use the canonical lowercase hyphenated form.
        assert_eq!(config.account_id().to_string(), ACCOUNT_ID);
        assert_eq!(config.tenant_id().map(|t| t.to_string()).as_deref(), Some(TENANT_ID));

        for id in
            ["", "123", "not-a-uuid", "6f1c2b9e-8d4a-4c3b-9a7e-1f2d3c4b5a6", "6f1c2b9e-8d4a-4c3b-9a7e-1f2d3c4b5a69x"]
        {
            assert_rejects(valid().account_id(id), "account_id", "must be a UUID");
            assert_rejects(valid().tenant_id(id), "tenant_id", "must be a UUID");
        }
    }

    #[test]
    fn timeout_rules() {
        let second = Duration::from_secs(1);
        let day_and_a_bit = MAX_DURATION + Duration::from_nanos(1);
        let cases = [
            (valid().connect_timeout(Duration::ZERO), "connect_timeout", "greater than zero"),
            (valid().attempt_timeout(Duration::ZERO), "attempt_timeout", "greater than zero"),
            (valid().call_timeout(Duration::ZERO), "call_timeout", "greater than zero"),
            (valid().connect_timeout(Duration::MAX), "connect_timeout", "at most 24 hours"),
            (valid().connect_timeout(day_and_a_bit), "connect_timeout", "at most 24 hours"),
            (valid().attempt_timeout(Duration::MAX).call_timeout(Duration::MAX), "attempt_timeout", "at most 24 hours"),
            (valid().call_timeout(Duration::MAX), "call_timeout", "at most 24 hours"),
            (valid().attempt_timeout(second * 61), "attempt_timeout", "must not be longer than call_timeout"),
            (valid().call_timeout(second * 10), "attempt_timeout", "must not be longer than call_timeout"),
        ];
        for (builder, field, words) in cases {
            assert_rejects(builder, field, words);
        }
        let config = valid()
            .attempt_timeout(second * 5)
            .call_timeout(second * 5)
            .connect_timeout(Duration::from_nanos(1))
            .build()
            .expect("attempt == call is allowed");
        assert_eq!(config.attempt_timeout(), config.call_timeout());
        valid()
            .attempt_timeout(MAX_DURATION)
            .call_timeout(MAX_DURATION)
            .build()
            .expect("the maximum itself is allowed");
    }

    #[test]
    fn retry_rules() {
        let cases = [
            (valid().max_attempts(0), "max_attempts", "at least 1"),
            (valid().backoff_base(Duration::ZERO), "backoff_base", "greater than zero"),
            (valid().backoff_base(Duration::MAX), "backoff_base", "at most 24 hours"),
            (valid().backoff_cap(Duration::MAX), "backoff_cap", "at most 24 hours"),
            (
                valid().backoff_base(Duration::from_secs(2)).backoff_cap(Duration::from_secs(1)),
                "backoff_cap",
                "must not be shorter than backoff_base",
            ),
            (valid().retry_after_cap(Duration::MAX), "retry_after_cap", "at most 24 hours"),
            (valid().token_refresh_margin(Duration::MAX), "token_refresh_margin", "at most 24 hours"),
        ];
        for (builder, field, words) in cases {
            assert_rejects(builder, field, words);
        }
        let config = valid().max_attempts(10).build().expect("more attempts");
        assert_eq!(config.retry_policy().max_attempts(), 10);
    }

    #[test]
    fn user_agent_names_sdk_host_and_compiler() {
        let rust = valid().build().expect("valid");
        let expected_os = format!("{}-{}", std::env::consts::OS, std::env::consts::ARCH);
        assert_eq!(rust.user_agent(), format!("imburse-sdk/{} (rust/{RUSTC_VERSION}; {expected_os})", crate::VERSION));

        let python = valid().host("python", "3.12.1").build().expect("valid");
        assert_eq!(
            python.user_agent(),
            format!("imburse-sdk/{} (python/3.12.1; rust/{RUSTC_VERSION}; {expected_os})", crate::VERSION)
        );
        let node = valid().host("node", "v22.3.0").build().expect("valid");
        assert!(node.user_agent().contains("(node/v22.3.0; rust/"));
        let jvm = valid().host("kotlin", "2.0.0+jvm21").build().expect("valid");
        assert!(jvm.user_agent().contains("kotlin/2.0.0+jvm21"));

        assert!(
            RUSTC_VERSION == "unknown" || RUSTC_VERSION.chars().next().is_some_and(|c| c.is_ascii_digit()),
            "{RUSTC_VERSION}"
        );
        assert!(rust.user_agent().is_ascii());
    }

    #[test]
    fn host_rules() {
        let cases = [
            (valid().host("", "1.0"), "host_language", "must not be empty"),
            (valid().host("python", ""), "host_version", "must not be empty"),
            (valid().host("py thon", "1"), "host_language", "may contain only"),
            (valid().host("python", "3.12 (main)"), "host_version", "may contain only"),
            (valid().host("python", "3;evil"), "host_version", "may contain only"),
            (valid().host("py/thon", "3"), "host_language", "may contain only"),
            (valid().host("python", "3\r\nX-Injected: 1"), "host_version", "may contain only"),
            (valid().host("a".repeat(33), "1"), "host_language", "at most 32"),
            (valid().host("python", "1".repeat(65)), "host_version", "at most 64"),
        ];
        for (builder, field, words) in cases {
            assert_rejects(builder, field, words);
        }
    }

    #[test]
    fn proxy_rules() {
        for proxy in ["http://proxy:3128", "https://proxy.example.com", "http://u:p@10.0.0.1:8080"] {
            valid().proxy(proxy).build().expect(proxy);
        }
        let cases = [
            ("proxy:3128", "http or https"),
            ("", "not a valid absolute URL"),
            ("//proxy", "not a valid absolute URL"),
            ("socks5://proxy:1080", "http or https"),
            ("ftp://proxy", "http or https"),
        ];
        for (proxy, words) in cases {
            assert_rejects(valid().proxy(proxy), "proxy", words);
        }
        let error = config_error(valid().proxy("socks5://user:topsecret@proxy:1080"));
        assert!(!format!("{error} {error:?}").contains("topsecret"));
    }

    #[test]
    fn endpoint_encodes_each_segment() {
        let config = valid().base_url("https://dedicated.example.com/prefix").build().expect("valid");
        let cases: &[(&[&str], &str)] = &[
            (&["v1", "identity", "hmac"], "https://dedicated.example.com/prefix/v1/identity/hmac"),
            (
                &["v2", "order-management", "REF/../1?x#y", "instruction", "a b"],
                "https://dedicated.example.com/prefix/v2/order-management/REF%2F..%2F1%3Fx%23y/instruction/a%20b",
            ),
            (&[], "https://dedicated.example.com/prefix"),
        ];
        for (segments, expected) in cases {
            assert_eq!(config.endpoint(segments).as_str(), *expected);
        }
        let sandbox = valid().build().expect("valid");
        assert_eq!(
            sandbox.endpoint(&["v1", "identity", "hmac"]).as_str(),
            "https://sandbox-api.imbursepayments.com/v1/identity/hmac"
        );
    }

    #[test]
    fn from_env_reads_every_variable() {
        let config = from_vars(&[
            (ENV_PUBLIC_KEY, PUBLIC_KEY),
            (ENV_PRIVATE_KEY, PRIVATE_KEY),
            (ENV_ACCOUNT_ID, ACCOUNT_ID),
            (ENV_TENANT_ID, TENANT_ID),
            (ENV_ENVIRONMENT, "production"),
        ])
        .build()
        .expect("valid env");
        assert_eq!(config.public_key(), PUBLIC_KEY);
        assert_eq!(config.account_id().to_string(), ACCOUNT_ID);
        assert_eq!(config.tenant_id().map(|t| t.to_string()).as_deref(), Some(TENANT_ID));
        assert_eq!(config.environment(), &Environment::Production);
    }

    #[test]
    fn from_env_base_url_wins_over_environment() {
        let config = from_vars(&[
            (ENV_PUBLIC_KEY, PUBLIC_KEY),
            (ENV_PRIVATE_KEY, PRIVATE_KEY),
            (ENV_ACCOUNT_ID, ACCOUNT_ID),
            (ENV_ENVIRONMENT, "production"),
            (ENV_BASE_URL, "http://127.0.0.1:4010"),
        ])
        .build()
        .expect("valid env");
        assert_eq!(config.base_url().as_str(), "http://127.0.0.1:4010/");
    }

    #[test]
    fn from_env_blank_variables_count_as_unset_and_builder_overrides() {
        let config = from_vars(&[
            (ENV_PUBLIC_KEY, PUBLIC_KEY),
            (ENV_PRIVATE_KEY, PRIVATE_KEY),
            (ENV_ACCOUNT_ID, "  "),
            (ENV_TENANT_ID, ""),
            (ENV_ENVIRONMENT, ""),
        ])
        .account_id(ACCOUNT_ID)
        .build()
        .expect("builder fills the gap");
        assert_eq!(config.tenant_id(), None);
        assert_eq!(config.environment(), &Environment::Sandbox);

        assert_rejects(from_vars(&[]), "public_key", "IMBURSE_PUBLIC_KEY");
    }

    #[test]
    fn from_env_bad_values_are_configuration_errors() {
        let base = [(ENV_PUBLIC_KEY, PUBLIC_KEY), (ENV_PRIVATE_KEY, PRIVATE_KEY), (ENV_ACCOUNT_ID, ACCOUNT_ID)];
        let with = |extra: (&'static str, &'static str)| {
            let mut vars = base.to_vec();
            vars.retain(|(name, _)| *name != extra.0);
            vars.push(extra);
            from_vars(&vars)
        };
        assert_rejects(with((ENV_ENVIRONMENT, "staging")), "environment", "sandbox");
        assert_rejects(with((ENV_BASE_URL, "not a url")), "base_url", "valid absolute URL");
        assert_rejects(with((ENV_TENANT_ID, "t1")), "tenant_id", "UUID");
        assert_rejects(with((ENV_PRIVATE_KEY, "%%%")), "private_key", "base64");
    }

    #[cfg(unix)]
    #[test]
    fn from_env_non_utf8_variable_is_reported_not_ignored() {
        use std::os::unix::ffi::OsStringExt;
        let builder = ClientConfigBuilder::from_lookup(|name| match name {
            ENV_PRIVATE_KEY => Some(OsString::from_vec(vec![0x41, 0xFF, 0x42])),
            ENV_PUBLIC_KEY => Some(PUBLIC_KEY.into()),
            ENV_ACCOUNT_ID => Some(ACCOUNT_ID.into()),
            _ => None,
        });
        assert_rejects(builder, "IMBURSE_PRIVATE_KEY", "not valid UTF-8");
    }

    #[test]
    fn redact_url_hides_only_the_password() {
        let url = Url::parse("http://user:pw@proxy:3128").expect("url");
        assert_eq!(redact_url(&url), "http://user:redacted@proxy:3128/");
        let url = Url::parse("http://proxy:3128").expect("url");
        assert_eq!(redact_url(&url), "http://proxy:3128/");
    }

    #[test]
    fn config_is_send_sync_clone() {
        fn assert_traits<T: Send + Sync + Clone + 'static>() {}
        assert_traits::<ClientConfig>();
        assert_traits::<ClientConfigBuilder>();
    }
}
