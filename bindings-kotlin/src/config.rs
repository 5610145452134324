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

use imburse::config::{HostCallOptions, HostLanguage, HostSettings, IntoHostValue};

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

/// Declares a Kotlin/Swift settings record from one of the core's lists
/// (`imburse::for_each_setting!`, `imburse::for_each_call_option!`): every entry optional
/// (null by default), in the platform's types, and its conversion into the core's host record.
/// Nothing is checked here: the core checks every value, and names a bad one as Kotlin does.
macro_rules! kotlin_record {
    (
        $(#[$record_doc:meta])* $record:ident => $host:ident,
        $($(#[$doc:meta])* $name:ident : $kind:ident => $js:literal,)*
    ) => {
        $(#[$record_doc])*
        #[derive(uniffi::Record, Clone, Debug, Default)]
        pub struct $record {
            $(
                $(#[$doc])*
                #[uniffi(default)]
                pub $name: Option<kotlin_type!($kind)>,
            )*
        }

        impl From<$record> for imburse::config::$host {
            fn from(record: $record) -> Self {
                use imburse::config::IntoHostValue;
                imburse::config::$host { $($name: record.$name.map(IntoHostValue::into_host_value),)* }
            }
        }
    };
}

/// A setting's type on the Kotlin and Swift side: secrets are [`Secret`] (never shown),
/// durations the platform's own type.
macro_rules! kotlin_type {
    (Text) => { String };
    (Secret) => { Secret };
    (Environment) => { Environment };
    (Duration) => { HostDuration };
    (Count) => { i32 };
    (Flag) => { bool };
    (Versions) => { HashMap<String, String> };
}

imburse::for_each_setting!(kotlin_record {
    /// Client settings. Unset (null) values take the core's defaults: sandbox, 10 s connect,
    /// 30 s per attempt, 60 s per call, 3 attempts, 0.5 s backoff capped at 5 s, Retry-After
    /// honoured up to 20 s, token renewed 60 s before it expires, proxy from the environment.
    /// The credentials and the account are required: without them the client throws
    /// `ImburseException.Configuration` naming the missing setting.
    ClientConfig => HostSettings,
});

imburse::for_each_call_option!(kotlin_record {
    /// Per-call options: the caller's correlation id (otherwise the SDK generates a UUID), a
    /// tenant to act for instead of the client's default, and this call's own limits instead of
    /// the client's (a value out of range throws `ImburseException.InvalidRequest`, nothing
    /// sent).
    CallOptions => HostCallOptions,
});

impl IntoHostValue<String> for Environment {
    fn into_host_value(self) -> String {
        match self {
            Environment::Sandbox => imburse::Environment::Sandbox,
            Environment::Production => imburse::Environment::Production,
        }
        .name()
        .to_string()
    }
}

impl ClientConfig {
    /// The core's validated configuration, or its configuration error naming the setting as
    /// Kotlin spells it.
    pub(crate) fn to_core(&self) -> Result<imburse::ClientConfig, imburse::Error> {
        let (host_language, host_version) = host_runtime();
        let builder = imburse::ClientConfig::builder().host(host_language, host_version);
        HostSettings::from(self.clone()).apply(builder, HostLanguage::Kotlin)?.build()
    }
}

impl CallOptions {
    pub(crate) fn to_core(options: Option<CallOptions>) -> imburse::CallOptions {
        HostCallOptions::from(options.unwrap_or_default()).into_core(HostLanguage::Kotlin)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn config() -> ClientConfig {
        ClientConfig {
            public_key: Some("a123456b-c12c-123d-1ab4-18bd8c8e88a3".into()),
            private_key: Some(Secret::new("AGHYR1aWYgHgyjhJLkVCd7b8XfAVeA4tuFwCQl3X64Y=")),
            account_id: Some("6d2c1f0e-8a4b-4c3d-9e5f-a1b2c3d4e5f6".into()),
            ..ClientConfig::default()
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

    #[test]
    fn missing_credentials_are_the_cores_configuration_error() {
        let settings = ClientConfig { public_key: None, ..config() };
        let error = settings.to_core().unwrap_err();
        assert_eq!(error.kind(), imburse::ErrorKind::Configuration);
        assert!(error.message().contains("public"), "{}", error.message());
    }
}
