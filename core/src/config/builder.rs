//! Collects client settings from code (and, through `env`, from the environment) and checks
//! every one of them in [`ClientConfigBuilder::build`], so a bad setting surfaces in one place.

use std::fmt;
use std::time::Duration;

use super::checks::*;
use super::user_agent::user_agent;
use super::*;
use crate::secret::SecretString;

/// Where the environment setting came from; raw values are checked in
/// `build()` so that every error surfaces in one place.
#[derive(Debug, Clone)]
pub(super) enum EnvironmentSource {
    Chosen(Environment),
    BaseUrl(String),
    Named(String),
}

/// Collects settings; nothing is checked until [`build`](Self::build).
#[derive(Clone)]
pub struct ClientConfigBuilder {
    pub(super) environment: EnvironmentSource,
    pub(super) public_key: Option<String>,
    pub(super) private_key: Option<SecretString>,
    pub(super) account_id: Option<String>,
    pub(super) tenant_id: Option<String>,
    pub(super) connect_timeout: Duration,
    pub(super) attempt_timeout: Duration,
    pub(super) call_timeout: Duration,
    pub(super) max_attempts: u32,
    pub(super) backoff_base: Duration,
    pub(super) backoff_cap: Duration,
    pub(super) retry_after_cap: Duration,
    pub(super) token_refresh_margin: Duration,
    pub(super) host_language: String,
    pub(super) operation_names: Option<HostLanguage>,
    pub(super) host_version: String,
    pub(super) proxy: Option<String>,
    pub(super) use_env_proxy: bool,
    pub(super) ca_bundle_pem: Option<String>,
    pub(super) client_identity_pem: Option<SecretString>,
    pub(super) api_versions: BTreeMap<String, String>,
    /// An environment variable that was set but not UTF-8; reported by
    /// `build()` rather than silently ignored.
    pub(super) non_utf8_env_var: Option<&'static str>,
}

impl Default for ClientConfigBuilder {
    fn default() -> Self {
        ClientConfigBuilder {
            environment: EnvironmentSource::Chosen(Environment::Sandbox),
            public_key: None,
            private_key: None,
            account_id: None,
            tenant_id: None,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            attempt_timeout: DEFAULT_ATTEMPT_TIMEOUT,
            call_timeout: DEFAULT_CALL_TIMEOUT,
            max_attempts: DEFAULT_MAX_ATTEMPTS,
            backoff_base: DEFAULT_BACKOFF_BASE,
            backoff_cap: DEFAULT_BACKOFF_CAP,
            retry_after_cap: DEFAULT_RETRY_AFTER_CAP,
            token_refresh_margin: DEFAULT_TOKEN_REFRESH_MARGIN,
            host_language: "rust".to_owned(),
            operation_names: None,
            host_version: RUSTC_VERSION.to_owned(),
            proxy: None,
            use_env_proxy: true,
            ca_bundle_pem: None,
            client_identity_pem: None,
            api_versions: BTreeMap::new(),
            non_utf8_env_var: None,
        }
    }
}

impl ClientConfigBuilder {
    /// A builder with every default set and no credentials.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sandbox (the default), production or a custom base URL.
    pub fn environment(mut self, environment: Environment) -> Self {
        self.environment = EnvironmentSource::Chosen(environment);
        self
    }

    /// A custom base URL (dedicated environment or emulator), checked at
    /// `build()`.
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.environment = EnvironmentSource::BaseUrl(base_url.into());
        self
    }

    /// The API public key (required).
    pub fn public_key(mut self, public_key: impl Into<String>) -> Self {
        self.public_key = Some(public_key.into());
        self
    }

    /// The API private key as issued, in base64 (required).
    pub fn private_key(mut self, private_key: impl Into<String>) -> Self {
        self.private_key = Some(SecretString::new(private_key.into()));
        self
    }

    /// The account id, a UUID (required).
    pub fn account_id(mut self, account_id: impl Into<String>) -> Self {
        self.account_id = Some(account_id.into());
        self
    }

    /// The default tenant id, a UUID (optional).
    pub fn tenant_id(mut self, tenant_id: impl Into<String>) -> Self {
        self.tenant_id = Some(tenant_id.into());
        self
    }

    /// Time allowed to open a connection (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Time allowed for one attempt (default 30 s); at most the call timeout.
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.attempt_timeout = timeout;
        self
    }

    /// Time allowed for a whole call, retries included (default 60 s). It
    /// is also the retry budget.
    pub fn call_timeout(mut self, timeout: Duration) -> Self {
        self.call_timeout = timeout;
        self
    }

    /// Attempts per call, the first included (default 3; 1 disables retries).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts;
        self
    }

    /// Backoff before the first retry (default 0.5 s).
    pub fn backoff_base(mut self, base: Duration) -> Self {
        self.backoff_base = base;
        self
    }

    /// Longest backoff (default 5 s); at least the base.
    pub fn backoff_cap(mut self, cap: Duration) -> Self {
        self.backoff_cap = cap;
        self
    }

    /// Longest `Retry-After` worth waiting for (default 20 s); a longer one
    /// ends the call with the server's value on the error.
    pub fn retry_after_cap(mut self, cap: Duration) -> Self {
        self.retry_after_cap = cap;
        self
    }

    /// Renew the access token this long before it expires (default 60 s).
    pub fn token_refresh_margin(mut self, margin: Duration) -> Self {
        self.token_refresh_margin = margin;
        self
    }

    /// The language a binding runs in and its version, for the User-Agent
    /// (default `rust` and the compiler version). Letters, digits and
    /// `. _ + -` only.
    pub fn host(mut self, language: impl Into<String>, version: impl Into<String>) -> Self {
        self.host_language = language.into();
        self.host_version = version.into();
        self
    }

    /// How attempt events name operations: as `language` spells their methods (`getOrder` in
    /// JavaScript and Kotlin, `get_order` in Python); the core's snake_case names otherwise.
    /// Bindings set it through [`super::HostSettings::apply`].
    pub fn operation_names(mut self, language: HostLanguage) -> Self {
        self.operation_names = Some(language);
        self
    }

    /// An explicit proxy URL (http or https; may carry `user:password@`).
    pub fn proxy(mut self, proxy: impl Into<String>) -> Self {
        self.proxy = Some(proxy.into());
        self
    }

    /// Whether to honour `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY`
    /// (default true). An explicit proxy applies either way.
    pub fn use_env_proxy(mut self, honour: bool) -> Self {
        self.use_env_proxy = honour;
        self
    }

    /// Certificate authorities (PEM, one or more) trusted beside the system's, e.g. a
    /// TLS-inspecting proxy's.
    pub fn ca_bundle_pem(mut self, pem: impl Into<String>) -> Self {
        self.ca_bundle_pem = Some(pem.into());
        self
    }

    /// Calls `operation` (its SDK name, e.g. `get_order`) on API `version` (e.g. `v2`) instead of
    /// the version the SDK declares for it (`imburse::operations`), e.g. to follow a version
    /// the reference marks uncertain. The path is the declared one; only its version changes.
    pub fn api_version(mut self, operation: impl Into<String>, version: impl Into<String>) -> Self {
        self.api_versions.insert(operation.into(), version.into());
        self
    }

    /// A client certificate chain and its private key (PEM), for servers or proxies that
    /// require one (mutual TLS). A secret, like the API key.
    pub fn client_identity_pem(mut self, pem: impl Into<String>) -> Self {
        self.client_identity_pem = Some(SecretString::new(pem.into()));
        self
    }

    /// Checks every setting and returns the config, or the first problem
    /// found as a configuration error naming the field.
    pub fn build(self) -> Result<ClientConfig, Error> {
        if let Some(name) = self.non_utf8_env_var {
            return Err(Error::configuration(name, "is set but is not valid UTF-8"));
        }

        let environment = match self.environment {
            EnvironmentSource::Chosen(Environment::Custom(url)) => Environment::Custom(validate_base_url(url)?),
            EnvironmentSource::Chosen(known) => known,
            EnvironmentSource::BaseUrl(text) => Environment::custom(&text)?,
            EnvironmentSource::Named(name) => name.parse()?,
        };
        let base_url = environment.base_url();

        let public_key = match self.public_key.as_deref() {
            Some(key) => validate_public_key(key)?,
            None => return Err(required("public_key", ENV_PUBLIC_KEY)),
        };
        let private_key = match &self.private_key {
            Some(key) => decode_private_key(key.expose())?,
            None => return Err(required("private_key", ENV_PRIVATE_KEY)),
        };
        let account_id = match self.account_id.as_deref() {
            Some(id) => parse_uuid("account_id", id)?,
            None => return Err(required("account_id", ENV_ACCOUNT_ID)),
        };
        let tenant_id = self.tenant_id.as_deref().map(|id| parse_uuid("tenant_id", id)).transpose()?;

        check_positive("connect_timeout", self.connect_timeout)?;
        check_positive("attempt_timeout", self.attempt_timeout)?;
        check_positive("call_timeout", self.call_timeout)?;
        if self.attempt_timeout > self.call_timeout {
            return Err(Error::configuration("attempt_timeout", "must not be longer than call_timeout"));
        }

        if self.max_attempts == 0 {
            return Err(Error::configuration("max_attempts", "must be at least 1 (1 means no retries)"));
        }
        check_positive("backoff_base", self.backoff_base)?;
        check_bounded("backoff_cap", self.backoff_cap)?;
        if self.backoff_cap < self.backoff_base {
            return Err(Error::configuration("backoff_cap", "must not be shorter than backoff_base"));
        }
        check_bounded("retry_after_cap", self.retry_after_cap)?;
        check_bounded("token_refresh_margin", self.token_refresh_margin)?;

        check_token("host_language", &self.host_language, HOST_LANGUAGE_MAX_LEN)?;
        check_token("host_version", &self.host_version, HOST_VERSION_MAX_LEN)?;
        let user_agent = user_agent(&self.host_language, &self.host_version);

        let proxy = self.proxy.as_deref().map(parse_proxy).transpose()?;
        let tls_roots = self.ca_bundle_pem.as_deref().map(parse_ca_bundle).transpose()?.unwrap_or_default();
        let tls_identity =
            self.client_identity_pem.as_ref().map(|pem| parse_client_identity(pem.expose())).transpose()?;
        for (operation, version) in &self.api_versions {
            check_api_version(operation, version)?;
        }

        Ok(ClientConfig {
            environment,
            base_url,
            public_key,
            private_key,
            account_id,
            tenant_id,
            connect_timeout: self.connect_timeout,
            attempt_timeout: self.attempt_timeout,
            call_timeout: self.call_timeout,
            retry_policy: RetryPolicy::new(
                self.max_attempts,
                self.backoff_base,
                self.backoff_cap,
                self.retry_after_cap,
                self.call_timeout,
            ),
            token_refresh_margin: self.token_refresh_margin,
            host_language: self.host_language,
            operation_names: self.operation_names,
            host_version: self.host_version,
            user_agent,
            proxy,
            use_env_proxy: self.use_env_proxy,
            tls_roots,
            tls_identity,
            api_versions: self.api_versions,
        })
    }
}

impl fmt::Debug for ClientConfigBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The proxy is unchecked text that may carry a password: show only
        // whether it is set.
        f.debug_struct("ClientConfigBuilder")
            .field("environment", &self.environment)
            .field("public_key", &self.public_key)
            .field("private_key", &self.private_key.as_ref().map(|_| REDACTED))
            .field("account_id", &self.account_id)
            .field("tenant_id", &self.tenant_id)
            .field("connect_timeout", &self.connect_timeout)
            .field("attempt_timeout", &self.attempt_timeout)
            .field("call_timeout", &self.call_timeout)
            .field("max_attempts", &self.max_attempts)
            .field("backoff_base", &self.backoff_base)
            .field("backoff_cap", &self.backoff_cap)
            .field("retry_after_cap", &self.retry_after_cap)
            .field("token_refresh_margin", &self.token_refresh_margin)
            .field("host_language", &self.host_language)
            .field("host_version", &self.host_version)
            .field("proxy", &self.proxy.as_ref().map(|_| "[set]"))
            .field("use_env_proxy", &self.use_env_proxy)
            .field("ca_bundle_pem", &self.ca_bundle_pem.as_ref().map(|_| "[set]"))
            .field("client_identity_pem", &self.client_identity_pem)
            .field("api_versions", &self.api_versions)
            .finish()
    }
}
