//! Settings as a host language passes them: a duration is a plain number there (float seconds
//! in Python and on the JVM, milliseconds in JavaScript), a count may be negative, and each
//! setting has the language's own name. The rule for turning them into the core's types is here,
//! once, so the same bad value fails the same way, as a configuration error naming the setting
//! as the user wrote it, in every language; a binding only fills [`HostSettings`].

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use super::{ClientConfigBuilder, MAX_DURATION};
use crate::error::Error;

/// The language a binding serves: how it names settings and what unit its durations are in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostLanguage {
    /// snake_case keyword arguments; durations in float seconds (as `timeout=` is).
    Python,
    /// camelCase options, some nested (`timeouts.connectMs`); durations in milliseconds.
    JavaScript,
    /// camelCase properties (Kotlin, Swift, Java); durations cross as float seconds.
    Kotlin,
}

impl HostLanguage {
    /// The name a setting has in this language, from its core (snake_case) name.
    pub fn setting_name(self, setting: &str) -> String {
        match self {
            HostLanguage::Python => setting.to_string(),
            HostLanguage::Kotlin => camel_case(setting),
            HostLanguage::JavaScript => {
                javascript_setting_name(setting).map_or_else(|| camel_case(setting), str::to_string)
            }
        }
    }

    /// The name of an operation's method in this language, from its core (snake_case) name:
    /// `get_order` in Python, `getOrder` in JavaScript, Kotlin and Swift.
    pub fn method_name(self, operation: &str) -> String {
        match self {
            HostLanguage::Python => operation.to_string(),
            HostLanguage::JavaScript | HostLanguage::Kotlin => camel_case(operation),
        }
    }

    /// A duration as this language passes it, in seconds.
    fn seconds(self, value: f64) -> f64 {
        match self {
            HostLanguage::JavaScript => value / 1000.0,
            HostLanguage::Python | HostLanguage::Kotlin => value,
        }
    }
}

/// What to say about an option a host passed that is not one of `known` (the language's names
/// for a record of [`for_each_setting!`](crate::for_each_setting) or [`for_each_call_option!`](crate::for_each_call_option)), for languages where
/// options are a loose object (JavaScript): the first unknown name in `given`, with the nearest
/// known name when one is close. `None` when every name is known.
pub fn unknown_option<'a>(given: impl IntoIterator<Item = &'a str>, known: &[&str]) -> Option<String> {
    let unknown = given.into_iter().find(|name| !known.contains(name))?;
    let lowered = unknown.to_ascii_lowercase();
    let nearest = known
        .iter()
        .map(|name| (strsim::levenshtein(&lowered, &name.to_ascii_lowercase()), *name))
        .min()
        .filter(|(distance, _)| *distance <= 2.max(unknown.len() / 3));
    Some(match nearest {
        Some((_, name)) => format!("{unknown} is not an option; did you mean {name}?"),
        None => format!("{unknown} is not an option (the options are {})", known.join(", ")),
    })
}

/// `getOrder` → `get_order`; a snake_case name stays as it is.
fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Every client setting a binding takes, declared once: its name (snake_case; Kotlin and Swift
/// make it camelCase), the kind of value, and its name in JavaScript, which says the unit of a
/// duration. [`HostSettings`], each binding's settings record (Node's `ClientOptions`, Kotlin's
/// `ClientConfig`, Python's keyword arguments) and the names in configuration errors are
/// generated from this list. Kinds: `Text`, `Secret` (text never printed), `Environment`
/// (`sandbox` or `production`), `Duration` (the language's unit), `Count`, `Flag`, `Versions`
/// (API version by operation). Tokens in braces after the callback's name are passed before
/// the list (e.g. the record to declare).
#[macro_export]
macro_rules! for_each_setting {
    ($callback:ident $({ $($before:tt)* })?) => {
        $callback! {
            $($($before)*)?
            /// The API public key.
            public_key: Text => "publicKey",
            /// The API private key as issued (base64). A secret: never printed or logged.
            private_key: Secret => "privateKey",
            /// The account id (a UUID), sent as `x-account-id`.
            account_id: Text => "accountId",
            /// The default tenant id (a UUID) for tenant-scoped calls; a call may name another.
            tenant_id: Text => "tenantId",
            /// `sandbox` (the default) or `production`; a base URL wins when both are set.
            environment: Environment => "environment",
            /// Any other base URL (http or https): a dedicated environment, the emulator.
            base_url: Text => "baseUrl",
            /// Time allowed to open a connection (default 10 s).
            connect_timeout: Duration => "connectTimeoutMs",
            /// Time allowed for one attempt, body included (default 30 s); at most the call's.
            attempt_timeout: Duration => "attemptTimeoutMs",
            /// Time allowed for a whole call: every attempt, token refresh and wait (default 60 s).
            call_timeout: Duration => "callTimeoutMs",
            /// Attempts per call, the first included (default 3; 1 disables retries).
            max_attempts: Count => "maxAttempts",
            /// The wait before the first retry, doubled after each attempt, before jitter
            /// (default 0.5 s).
            backoff_base: Duration => "backoffBaseMs",
            /// The longest wait between attempts, before jitter (default 5 s).
            backoff_cap: Duration => "backoffCapMs",
            /// The longest `Retry-After` worth waiting for (default 20 s); a longer one ends the
            /// call with the server's value on the error.
            retry_after_cap: Duration => "retryAfterCapMs",
            /// Renew the access token this long before it expires (default 60 s).
            token_refresh_margin: Duration => "tokenRefreshMarginMs",
            /// An explicit proxy URL (http or https). A secret: it may carry `user:password@`.
            proxy: Secret => "proxy",
            /// Whether `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` are honoured (default true).
            use_env_proxy: Flag => "useEnvProxy",
            /// Certificate authorities (PEM text) trusted beside the system's, e.g. a
            /// TLS-inspecting proxy's.
            ca_bundle_pem: Text => "caBundlePem",
            /// A client certificate chain and its private key (PEM text), for servers that
            /// require one. A secret.
            client_identity_pem: Secret => "clientIdentityPem",
            /// API versions by operation instead of the ones the SDK declares, the operation
            /// named as the language names its methods (`get_order`, `getOrder`).
            api_versions: Versions => "apiVersions",
        }
    };
}

/// Every per-call option, declared once like [`for_each_setting!`](crate::for_each_setting): [`HostCallOptions`] and
/// each binding's call options come from this list.
#[macro_export]
macro_rules! for_each_call_option {
    ($callback:ident $({ $($before:tt)* })?) => {
        $callback! {
            $($($before)*)?
            /// Sent as `X-Correlation-ID` on every attempt of the call (otherwise a UUID).
            correlation_id: Text => "correlationId",
            /// A tenant id (UUID) to act for instead of the client's default.
            tenant_id: Text => "tenantId",
            /// The whole call's time: every attempt, token refresh and backoff.
            timeout: Duration => "timeoutMs",
            /// Each attempt's time, body included.
            attempt_timeout: Duration => "attemptTimeoutMs",
            /// Attempts for this call, the first included (1 disables retries).
            max_attempts: Count => "maxAttempts",
        }
    };
}

/// A setting's type as a host passes it, by kind ([`for_each_setting!`](crate::for_each_setting)): durations a number in
/// the host's unit ([`HostLanguage`]), counts any integer (a negative one is refused by name).
/// A binding whose language takes these types as they are uses it for its own record.
#[macro_export]
macro_rules! host_setting_type {
    (Text) => { ::std::string::String };
    (Secret) => { ::std::string::String };
    (Environment) => { ::std::string::String };
    (Duration) => { f64 };
    (Count) => { i64 };
    (Flag) => { bool };
    (Versions) => { ::std::collections::BTreeMap<::std::string::String, ::std::string::String> };
}

macro_rules! host_settings {
    ($($(#[$doc:meta])* $name:ident : $kind:ident => $js:literal,)*) => {
        /// Every client setting a binding accepts ([`for_each_setting!`](crate::for_each_setting)), as its user gave
        /// it; `None` keeps the core's default (or, on a builder from
        /// [`ClientConfigBuilder::from_env`], what the environment says).
        #[derive(Default)]
        pub struct HostSettings {
            $($(#[$doc])* pub $name: Option<$crate::host_setting_type!($kind)>,)*
        }

        /// A setting's JavaScript name, which says a duration's unit.
        fn javascript_setting_name(setting: &str) -> Option<&'static str> {
            match setting {
                $(stringify!($name) => Some($js),)*
                _ => None,
            }
        }
    };
}

crate::for_each_setting!(host_settings);

macro_rules! host_call_options {
    ($($(#[$doc:meta])* $name:ident : $kind:ident => $js:literal,)*) => {
        /// Per-call options as a host language passes them ([`for_each_call_option!`](crate::for_each_call_option)):
        /// durations in its unit ([`HostLanguage`]). Any number converts; the core then refuses
        /// one out of range (a negative or zero duration, zero attempts) as an `InvalidRequest`
        /// error before sending, the same in every language.
        #[derive(Clone, Debug, Default)]
        pub struct HostCallOptions {
            $($(#[$doc])* pub $name: Option<$crate::host_setting_type!($kind)>,)*
        }
    };
}

crate::for_each_call_option!(host_call_options);

/// A binding's value for a setting, as [`HostSettings`] holds it: the same value for most, and
/// a binding implements it for its own types (a platform duration, an enum).
pub trait IntoHostValue<T> {
    /// The value as the core's host record takes it.
    fn into_host_value(self) -> T;
}

impl<T> IntoHostValue<T> for T {
    fn into_host_value(self) -> T {
        self
    }
}

impl IntoHostValue<i64> for i32 {
    fn into_host_value(self) -> i64 {
        i64::from(self)
    }
}

impl IntoHostValue<String> for crate::Secret {
    fn into_host_value(self) -> String {
        self.expose_secret().to_string()
    }
}

impl<S: std::hash::BuildHasher> IntoHostValue<BTreeMap<String, String>> for HashMap<String, String, S> {
    fn into_host_value(self) -> BTreeMap<String, String> {
        self.into_iter().collect()
    }
}

impl std::fmt::Debug for HostSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The private key and the proxy (which may carry a password) are never shown.
        f.debug_struct("HostSettings")
            .field("environment", &self.environment)
            .field("base_url", &self.base_url)
            .field("account_id", &self.account_id)
            .finish_non_exhaustive()
    }
}

impl HostSettings {
    /// The settings applied to `builder`; a bad duration or count is a configuration error
    /// naming the setting as `language` spells it. Everything else is checked by `build()`.
    pub fn apply(self, mut builder: ClientConfigBuilder, language: HostLanguage) -> Result<ClientConfigBuilder, Error> {
        builder = builder.operation_names(language);
        let duration = |setting: &'static str, value: Option<f64>| {
            value.map(|v| host_duration(&language.setting_name(setting), language.seconds(v))).transpose()
        };
        if let Some(name) = self.environment {
            builder = builder.environment(name.parse()?);
        }
        // After the environment, so that a base URL wins, as it does in `from_env`.
        if let Some(url) = self.base_url {
            builder = builder.base_url(url);
        }
        if let Some(key) = self.public_key {
            builder = builder.public_key(key);
        }
        if let Some(key) = self.private_key {
            builder = builder.private_key(key);
        }
        if let Some(id) = self.account_id {
            builder = builder.account_id(id);
        }
        if let Some(id) = self.tenant_id {
            builder = builder.tenant_id(id);
        }
        if let Some(v) = duration("connect_timeout", self.connect_timeout)? {
            builder = builder.connect_timeout(v);
        }
        if let Some(v) = duration("attempt_timeout", self.attempt_timeout)? {
            builder = builder.attempt_timeout(v);
        }
        if let Some(v) = duration("call_timeout", self.call_timeout)? {
            builder = builder.call_timeout(v);
        }
        if let Some(v) = self.max_attempts {
            builder = builder.max_attempts(host_count(&language.setting_name("max_attempts"), v)?);
        }
        if let Some(v) = duration("backoff_base", self.backoff_base)? {
            builder = builder.backoff_base(v);
        }
        if let Some(v) = duration("backoff_cap", self.backoff_cap)? {
            builder = builder.backoff_cap(v);
        }
        if let Some(v) = duration("retry_after_cap", self.retry_after_cap)? {
            builder = builder.retry_after_cap(v);
        }
        if let Some(v) = duration("token_refresh_margin", self.token_refresh_margin)? {
            builder = builder.token_refresh_margin(v);
        }
        if let Some(proxy) = self.proxy {
            builder = builder.proxy(proxy);
        }
        if let Some(honour) = self.use_env_proxy {
            builder = builder.use_env_proxy(honour);
        }
        if let Some(pem) = self.ca_bundle_pem {
            builder = builder.ca_bundle_pem(pem);
        }
        if let Some(pem) = self.client_identity_pem {
            builder = builder.client_identity_pem(pem);
        }
        for (operation, version) in self.api_versions.unwrap_or_default() {
            builder = builder.api_version(snake_case(&operation), version);
        }
        Ok(builder)
    }
}

impl HostCallOptions {
    /// The core's options, durations read in `language`'s unit.
    pub fn into_core(self, language: HostLanguage) -> crate::CallOptions {
        let duration = |value: Option<f64>| {
            value.map(|v| {
                let seconds = language.seconds(v);
                // Negative and NaN become zero, too large more than a day: both refused.
                if seconds.is_nan() || seconds <= 0.0 {
                    Duration::ZERO
                } else {
                    Duration::try_from_secs_f64(seconds).unwrap_or(MAX_DURATION + Duration::from_secs(1))
                }
            })
        };
        crate::CallOptions {
            correlation_id: self.correlation_id,
            tenant_id: self.tenant_id,
            timeout: duration(self.timeout),
            attempt_timeout: duration(self.attempt_timeout),
            max_attempts: self.max_attempts.map(|n| u32::try_from(n.max(0)).unwrap_or(u32::MAX)),
        }
    }
}

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
    use crate::config::ClientConfig;

    #[test]
    fn an_unknown_option_is_named_with_the_nearest_known_one() {
        let known = ["publicKey", "baseUrl", "connectTimeoutMs", "maxAttempts"];
        let cases: [(&[&str], Option<&str>); 6] = [
            (&["publicKey", "baseUrl"], None),
            (&[], None),
            (&["baseURL"], Some("baseURL is not an option; did you mean baseUrl?")),
            (&["publicKey", "connectTimeout"], Some("connectTimeout is not an option; did you mean connectTimeoutMs?")),
            (&["maxAttempt", "retrys"], Some("maxAttempt is not an option; did you mean maxAttempts?")),
            (
                &["retrys"],
                Some("retrys is not an option (the options are publicKey, baseUrl, connectTimeoutMs, maxAttempts)"),
            ),
        ];
        for (given, expected) in cases {
            assert_eq!(unknown_option(given.iter().copied(), &known).as_deref(), expected, "{given:?}");
        }
    }

    const PUBLIC_KEY: &str = "a123456b-c12c-123d-1ab4-18bd8c8e88a3";
    const PRIVATE_KEY: &str = "AGHYR1aWYgHgyjhJLkVCd7b8XfAVeA4tuFwCQl3X64Y=";
    const ACCOUNT: &str = "6d2c1f0e-8a4b-4c3d-9e5f-a1b2c3d4e5f6";

    fn credentials() -> HostSettings {
        HostSettings {
            public_key: Some(PUBLIC_KEY.into()),
            private_key: Some(PRIVATE_KEY.into()),
            account_id: Some(ACCOUNT.into()),
            ..HostSettings::default()
        }
    }

    fn build(settings: HostSettings, language: HostLanguage) -> Result<ClientConfig, Error> {
        settings.apply(ClientConfig::builder(), language)?.build()
    }

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

    #[test]
    fn unset_settings_keep_the_core_defaults() {
        let config = build(credentials(), HostLanguage::Kotlin).unwrap();
        let defaults = ClientConfig::builder().public_key(PUBLIC_KEY).private_key(PRIVATE_KEY).account_id(ACCOUNT);
        let defaults = defaults.build().unwrap();
        assert_eq!(config.base_url(), defaults.base_url());
        assert_eq!(config.connect_timeout(), defaults.connect_timeout());
        assert_eq!(config.call_timeout(), defaults.call_timeout());
        assert_eq!(config.retry_policy(), defaults.retry_policy());
        assert_eq!(config.token_refresh_margin(), defaults.token_refresh_margin());
        assert!(config.use_env_proxy());
    }

    #[test]
    fn every_setting_reaches_the_core_in_the_languages_unit() {
        for (language, unit) in
            [(HostLanguage::Python, 1.0), (HostLanguage::Kotlin, 1.0), (HostLanguage::JavaScript, 1000.0)]
        {
            let settings = HostSettings {
                tenant_id: Some("0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c".into()),
                connect_timeout: Some(1.5 * unit),
                attempt_timeout: Some(2.5 * unit),
                call_timeout: Some(9.0 * unit),
                max_attempts: Some(5),
                backoff_base: Some(0.25 * unit),
                backoff_cap: Some(2.0 * unit),
                retry_after_cap: Some(3.0 * unit),
                token_refresh_margin: Some(5.0 * unit),
                proxy: Some("http://user:pw@127.0.0.1:3128".into()),
                use_env_proxy: Some(false),
                ..credentials()
            };
            let config = build(settings, language).unwrap();
            assert_eq!(config.tenant_id().unwrap().to_string(), "0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c");
            assert_eq!(config.connect_timeout(), Duration::from_millis(1500), "{language:?}");
            assert_eq!(config.attempt_timeout(), Duration::from_millis(2500));
            assert_eq!(config.call_timeout(), Duration::from_secs(9));
            assert_eq!(config.token_refresh_margin(), Duration::from_secs(5));
            let policy = config.retry_policy();
            assert_eq!(policy.max_attempts(), 5);
            assert_eq!(policy.backoff_base(), Duration::from_millis(250));
            assert_eq!(policy.backoff_cap(), Duration::from_secs(2));
            assert_eq!(policy.retry_after_cap(), Duration::from_secs(3));
            assert!(!config.use_env_proxy());
            assert_eq!(config.proxy().map(|u| u.host_str()), Some(Some("127.0.0.1")));
        }
    }

    #[test]
    fn the_base_url_wins_over_the_environment() {
        let settings = || HostSettings { environment: Some("production".into()), ..credentials() };
        let with_url = HostSettings { base_url: Some("http://127.0.0.1:9/".into()), ..settings() };
        assert_eq!(build(with_url, HostLanguage::Python).unwrap().base_url().as_str(), "http://127.0.0.1:9/");
        assert_eq!(
            build(settings(), HostLanguage::Python).unwrap().base_url().as_str(),
            "https://api.imbursepayments.com/"
        );
    }

    #[test]
    fn a_refused_number_is_named_as_the_language_spells_it() {
        let cases = [
            (HostLanguage::Python, "connect_timeout", "max_attempts"),
            (HostLanguage::Kotlin, "connectTimeout", "maxAttempts"),
            (HostLanguage::JavaScript, "connectTimeoutMs", "maxAttempts"),
        ];
        for (language, timeout_name, attempts_name) in cases {
            let error = build(HostSettings { connect_timeout: Some(-1.0), ..credentials() }, language).unwrap_err();
            assert_eq!(error.kind(), ErrorKind::Configuration);
            assert_eq!(error.message(), format!("{timeout_name}: must be a duration of zero or more"));
            let error = build(HostSettings { max_attempts: Some(-1), ..credentials() }, language).unwrap_err();
            assert_eq!(error.message(), format!("{attempts_name}: must not be negative"));
        }
        assert_eq!(HostLanguage::JavaScript.setting_name("token_refresh_margin"), "tokenRefreshMarginMs");
        assert_eq!(HostLanguage::Kotlin.setting_name("retry_after_cap"), "retryAfterCap");
        assert_eq!(HostLanguage::JavaScript.method_name("publish_collect_scheme_draft"), "publishCollectSchemeDraft");
        assert_eq!(HostLanguage::Python.method_name("get_order"), "get_order");
    }

    #[test]
    fn call_options_convert_from_each_languages_unit_and_bad_numbers_stay_refusable() {
        let python = HostCallOptions { timeout: Some(1.5), max_attempts: Some(1), ..HostCallOptions::default() };
        let options = python.into_core(HostLanguage::Python);
        assert_eq!(options.timeout, Some(Duration::from_millis(1500)));
        assert_eq!(options.max_attempts, Some(1));
        let node = HostCallOptions { attempt_timeout: Some(250.0), ..HostCallOptions::default() };
        assert_eq!(node.into_core(HostLanguage::JavaScript).attempt_timeout, Some(Duration::from_millis(250)));
        let bad = HostCallOptions {
            timeout: Some(-1.0),
            attempt_timeout: Some(f64::INFINITY),
            max_attempts: Some(-3),
            ..HostCallOptions::default()
        }
        .into_core(HostLanguage::Kotlin);
        assert_eq!(bad.timeout, Some(Duration::ZERO));
        assert!(bad.attempt_timeout.unwrap() > MAX_DURATION);
        assert_eq!(bad.max_attempts, Some(0));
    }

    #[test]
    fn api_versions_are_keyed_by_the_languages_method_names() {
        for (language, name) in [
            (HostLanguage::Python, "get_order"),
            (HostLanguage::JavaScript, "getOrder"),
            (HostLanguage::Kotlin, "getOrder"),
        ] {
            let versions = [(name.to_string(), "v2".to_string())].into_iter().collect();
            let settings = HostSettings { api_versions: Some(versions), ..credentials() };
            let config = settings.apply(ClientConfigBuilder::new(), language).unwrap().build().unwrap();
            assert_eq!(config.api_version_of(&crate::operations::GET_ORDER), "v2", "{language:?}");
            assert_eq!(config.api_version_of(&crate::operations::CREATE_ORDER), "v1", "{language:?}");
        }
    }

    #[test]
    fn debug_never_shows_the_private_key_or_the_proxy() {
        let settings = HostSettings { proxy: Some("http://user:hunter2@proxy:3128".into()), ..credentials() };
        let text = format!("{settings:?}");
        assert!(!text.contains("AGHYR1aW") && !text.contains("hunter2"), "{text}");
    }
}
