//! Who may call the emulator and how strict it is.
//!
//! Imburse's hierarchy is account → tenants, with API keys that act either for an account or
//! for tenants, each carrying roles. The emulator needs the same facts to decide 401 vs 403 vs
//! 404, so they are configured up front: from a JSON file, from `--key` flags, or the built-in
//! demo identity (the reference's example key pair, so quickstarts work as written).
//! Where the API reference is uncertain (metadata limits, the not-found status), the value is a
//! setting here with the documented reading as its default.

use std::collections::BTreeSet;
use std::path::Path;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The demo account every quickstart uses. Fixed so documentation and tests can name it.
pub const DEMO_ACCOUNT_ID: &str = "6d2c1f0e-8a4b-4c3d-9e5f-a1b2c3d4e5f6";
/// The demo tenant inside [`DEMO_ACCOUNT_ID`].
pub const DEMO_TENANT_ID: &str = "0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c";
/// The example public key from the API reference.
pub const DEMO_PUBLIC_KEY: &str = "a123456b-c12c-123d-1ab4-18bd8c8e88a3";
/// The example private key from the API reference (base64 of 32 bytes).
pub const DEMO_PRIVATE_KEY: &str = "AGHYR1aWYgHgyjhJLkVCd7b8XfAVeA4tuFwCQl3X64Y=";
/// The demo account's account key (role `account-admin`): manages the account, its keys,
/// tenants and their keys. Fixed so documentation and tests can name it.
pub const DEMO_ACCOUNT_PUBLIC_KEY: &str = "c0ffee00-0a0a-4b0b-8c0c-00000000000a";
/// Its private key (base64 of 32 bytes).
pub const DEMO_ACCOUNT_PRIVATE_KEY: &str = "ZGVtby1hY2NvdW50LWFkbWluLWtleS0zMi1ieXRlcyE=";
/// Collect schemes configured on the demo tenant (32 uppercase hex characters, as in current
/// Imburse samples). Instructions must name one of these or get `SCHEME_ID_NOT_RECOGNISED`.
pub const DEMO_SCHEME_IDS: [&str; 2] = ["654EB81FF7F07F7CF5A1EE3FF6972E90", "EEAB9BBF6F8FA16D711798D14B65E066"];

/// Everything the emulator is configured with: the configuration file's format (every field
/// optional; its JSON schema is [`EmulatorConfig::json_schema`], checked in as
/// `emulator/config.schema.json`).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct EmulatorConfig {
    pub accounts: Vec<AccountConfig>,
    pub keys: Vec<KeyConfig>,
    /// Lifetime of issued access tokens. Short values let tests exercise expiry.
    pub token_ttl_seconds: u64,
    /// Allowed distance between an HMAC timestamp and the emulator's clock (documented: 5 min).
    pub hmac_timestamp_tolerance_seconds: u64,
    /// Status for a missing order, instruction, customer or financial instrument. The current
    /// reference documents 400 ("Order not found"); an older page said 404.
    pub not_found_status: u16,
    pub limits: Limits,
    /// How many received requests the log keeps (oldest dropped first).
    pub request_log_capacity: usize,
    /// Whether the control API (`/__emulator/...`: faults, reset, the request log, the demo
    /// credentials) answers. Off for a test server shared between people (`--no-control`);
    /// `/__emulator/health` answers either way.
    pub control_api: bool,
    pub connections: ConnectionLimits,
    /// Which reading the emulator follows where the API reference allows two.
    pub readings: Readings,
}

/// Where the API reference allows two readings, the one the emulator follows. Each default is
/// the documented (or the most recent) reading; the emulator's README lists every guess with
/// the reference's own words beside it.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Readings {
    /// Which API versions serve a route. `documented`: only those the reference documents the
    /// route in (a wrong version is 404 `ROUTE_NOT_FOUND`, as a missing route is); `any`: every
    /// route on `v1` and `v2` ("v1 and v2 coexist").
    pub api_versions: ApiVersions,
    /// HMAC timestamps ahead of the emulator's clock. `window`: refused past the same tolerance as
    /// old ones; `accepted`: any future timestamp passes (the reference only says requests "older
    /// than 5 minutes" are rejected).
    pub future_hmac_timestamps: FutureTimestamps,
    /// Whether an instruction must carry a scheme, its own or its customer default's (`true`:
    /// `SCHEME_IS_REQUIRED` is a documented code); `false` accepts it without one, scheme source
    /// `NONE` (the documented sources `TENANT` and `SYSTEM_GENERATED` suggest Imburse may choose).
    pub scheme_required: bool,
}

impl Default for Readings {
    fn default() -> Self {
        Self {
            api_versions: ApiVersions::Documented,
            future_hmac_timestamps: FutureTimestamps::Window,
            scheme_required: true,
        }
    }
}

/// [`Readings::api_versions`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ApiVersions {
    /// Each route only on the versions the reference documents it in.
    Documented,
    /// Every route on `v1` and `v2`.
    Any,
}

/// [`Readings::future_hmac_timestamps`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FutureTimestamps {
    /// Refused past `hmac_timestamp_tolerance_seconds`, as old ones are.
    Window,
    /// Any timestamp ahead of the clock passes.
    Accepted,
}

/// What one client may hold of the server: connections, header size and count, and the time
/// it may take to send its headers. Past them: 503 (connections), 431 (headers), a closed
/// connection (slow headers).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ConnectionLimits {
    /// Open connections served at once; one more is answered 503 `TOO_MANY_CONNECTIONS` and
    /// closed.
    pub max_connections: usize,
    /// Bytes of request line and headers (at least 8192).
    pub max_header_bytes: usize,
    /// Number of request headers.
    pub max_headers: usize,
    /// Time to receive a request's headers, in milliseconds.
    pub header_read_timeout_ms: u64,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        Self { max_connections: 1024, max_header_bytes: 64 * 1024, max_headers: 100, header_read_timeout_ms: 30_000 }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccountConfig {
    pub account_id: String,
    /// The company's name, as get account shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_name: Option<String>,
    /// Whether the account's licence enables mandates (`license.enableMandates`): when not,
    /// every mandate route answers 405 `SERVICE_UNAVAILABLE` (default true).
    #[serde(default = "enabled")]
    pub mandates_enabled: bool,
    #[serde(default)]
    pub tenants: Vec<TenantConfig>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TenantConfig {
    pub tenant_id: String,
    /// The tenant's name, as the tenant routes show it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default)]
    pub scheme_ids: Vec<String>,
    /// The creditor profiles mandates collect under, set up with Imburse (default: the demo's
    /// Bacs and SEPA profiles).
    #[serde(default = "demo_creditor_profiles")]
    pub creditor_profiles: Vec<CreditorProfileConfig>,
}

/// A creditor profile of a tenant.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreditorProfileConfig {
    /// 1 to 50 characters of `[a-zA-Z0-9-_.]` (the reference's samples: 32 lowercase hex).
    pub creditor_profile_ref: String,
    /// The profile's name.
    pub profile_name: String,
    /// The network whose mandates it collects: `BACS`, `SEPA`, `BECS_AU`, `BECS_NZ` or `ACH`.
    pub network: String,
}

/// The demo tenant's Bacs creditor profile.
pub const DEMO_BACS_CREDITOR_PROFILE_REF: &str = "5f0c3b1e9a7d4c2b8e6f1a0d3c5b7e9f";
/// The demo tenant's SEPA creditor profile.
pub const DEMO_SEPA_CREDITOR_PROFILE_REF: &str = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

fn demo_creditor_profiles() -> Vec<CreditorProfileConfig> {
    vec![
        CreditorProfileConfig {
            creditor_profile_ref: DEMO_BACS_CREDITOR_PROFILE_REF.into(),
            profile_name: "Demo Bacs profile".into(),
            network: "BACS".into(),
        },
        CreditorProfileConfig {
            creditor_profile_ref: DEMO_SEPA_CREDITOR_PROFILE_REF.into(),
            profile_name: "Demo SEPA profile".into(),
            network: "SEPA".into(),
        },
    ]
}

fn enabled() -> bool {
    true
}

/// An API key: a public key (UUID), a base64 private key, the account it belongs to, the
/// tenants it may act for (empty for an account key) and its roles.
#[derive(Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyConfig {
    pub public_key: String,
    pub private_key: String,
    pub account_id: String,
    #[serde(default)]
    pub tenant_ids: Vec<String>,
    pub roles: Vec<String>,
    /// The key's name, as the key routes show it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl std::fmt::Debug for KeyConfig {
    // The private key is a credential: never print it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyConfig")
            .field("public_key", &self.public_key)
            .field("private_key", &"<redacted>")
            .field("account_id", &self.account_id)
            .field("tenant_ids", &self.tenant_ids)
            .field("roles", &self.roles)
            .field("name", &self.name)
            .finish()
    }
}

/// Validation limits the reference marks uncertain; defaults are the documented readings.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// References (`orderRef`, `instructionRef`, `customerRef`): 1..=50 characters.
    pub reference_max_length: usize,
    /// At most 100 instructions per order (QA sent 100 → 202, 101 → 400).
    pub max_instructions_per_order: usize,
    /// Metadata key length: the sandbox accepted keys up to 100 characters.
    pub metadata_key_max_length: usize,
    /// Metadata value length: "must not exceed 256" (current Customer-Vault reference).
    pub metadata_value_max_length: usize,
    /// Number of metadata keys (2019 docs: up to 50).
    pub metadata_max_keys: usize,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            reference_max_length: 50,
            max_instructions_per_order: 100,
            metadata_key_max_length: 100,
            metadata_value_max_length: 256,
            metadata_max_keys: 50,
            max_body_bytes: 4 * 1024 * 1024,
        }
    }
}

impl Default for EmulatorConfig {
    fn default() -> Self {
        Self::demo()
    }
}

/// A configuration that cannot be served, with the reason.
#[derive(Debug, thiserror::Error)]
#[error("invalid emulator configuration: {0}")]
pub struct ConfigError(pub String);

impl EmulatorConfig {
    /// The built-in demo: one account, one tenant with two collect schemes, and the reference's
    /// example key pair as a `tenant-admin` key of that tenant.
    pub fn demo() -> Self {
        Self {
            accounts: vec![AccountConfig {
                account_id: DEMO_ACCOUNT_ID.into(),
                company_name: Some("Demo Company Ltd".into()),
                mandates_enabled: true,
                tenants: vec![TenantConfig {
                    tenant_id: DEMO_TENANT_ID.into(),
                    name: Some("Demo tenant".into()),
                    scheme_ids: DEMO_SCHEME_IDS.iter().map(|s| s.to_string()).collect(),
                    creditor_profiles: demo_creditor_profiles(),
                }],
            }],
            keys: vec![
                KeyConfig {
                    public_key: DEMO_PUBLIC_KEY.into(),
                    private_key: DEMO_PRIVATE_KEY.into(),
                    account_id: DEMO_ACCOUNT_ID.into(),
                    tenant_ids: vec![DEMO_TENANT_ID.into()],
                    roles: vec!["tenant-admin".into()],
                    name: Some("Demo tenant key".into()),
                },
                KeyConfig {
                    public_key: DEMO_ACCOUNT_PUBLIC_KEY.into(),
                    private_key: DEMO_ACCOUNT_PRIVATE_KEY.into(),
                    account_id: DEMO_ACCOUNT_ID.into(),
                    tenant_ids: vec![],
                    roles: vec!["account-admin".into()],
                    name: Some("Demo account key".into()),
                },
            ],
            token_ttl_seconds: 3600,
            hmac_timestamp_tolerance_seconds: 300,
            not_found_status: 400,
            limits: Limits::default(),
            request_log_capacity: 10_000,
            control_api: true,
            connections: ConnectionLimits::default(),
            readings: Readings::default(),
        }
    }

    /// The configuration file's JSON schema (draft 2020-12), pretty-printed: what
    /// `imburse-emulator --print-config-schema` prints and `emulator/config.schema.json` holds.
    pub fn json_schema() -> String {
        let schema = schemars::schema_for!(EmulatorConfig);
        serde_json::to_string_pretty(&schema).expect("a schema is plain JSON")
    }

    /// Reads a JSON configuration file. Fields left out take the demo's values, so a file can
    /// add keys and tenants without restating everything.
    pub fn from_file(path: &Path) -> Result<Self, ConfigError> {
        let text =
            std::fs::read_to_string(path).map_err(|e| ConfigError(format!("cannot read {}: {e}", path.display())))?;
        Self::from_json(&text).map_err(|e| ConfigError(format!("{}: {}", path.display(), e.0)))
    }

    /// Reads a configuration from JSON text, as [`EmulatorConfig::from_file`] reads a file.
    pub fn from_json(text: &str) -> Result<Self, ConfigError> {
        let config: Self = serde_json::from_str(text).map_err(|e| ConfigError(e.to_string()))?;
        config.validate()?;
        Ok(config)
    }

    /// Parses a `--key` flag: `PUBLIC_KEY:PRIVATE_KEY_BASE64:ACCOUNT_ID:TENANT_IDS:ROLES`, where
    /// tenant ids and roles are comma-separated (tenant ids empty for an account key).
    pub fn parse_key_flag(flag: &str) -> Result<KeyConfig, ConfigError> {
        let parts: Vec<&str> = flag.split(':').collect();
        let [public_key, private_key, account_id, tenants, roles] = parts[..] else {
            return Err(ConfigError("--key expects PUBLIC_KEY:PRIVATE_KEY_BASE64:ACCOUNT_ID:TENANT_IDS:ROLES".into()));
        };
        let list = |s: &str| -> Vec<String> {
            s.split(',').map(str::trim).filter(|v| !v.is_empty()).map(String::from).collect()
        };
        Ok(KeyConfig {
            public_key: public_key.into(),
            private_key: private_key.into(),
            account_id: account_id.into(),
            tenant_ids: list(tenants),
            roles: list(roles),
            name: None,
        })
    }

    /// Adds a key, creating its account and tenants when they are not configured yet.
    pub fn add_key(&mut self, key: KeyConfig) {
        let account = match self.accounts.iter_mut().position(|a| a.account_id == key.account_id) {
            Some(i) => &mut self.accounts[i],
            None => {
                self.accounts.push(AccountConfig {
                    account_id: key.account_id.clone(),
                    company_name: None,
                    mandates_enabled: true,
                    tenants: vec![],
                });
                self.accounts.last_mut().expect("just pushed")
            }
        };
        for tenant_id in &key.tenant_ids {
            if !account.tenants.iter().any(|t| &t.tenant_id == tenant_id) {
                account.tenants.push(TenantConfig {
                    tenant_id: tenant_id.clone(),
                    name: None,
                    scheme_ids: DEMO_SCHEME_IDS.iter().map(|s| s.to_string()).collect(),
                    creditor_profiles: demo_creditor_profiles(),
                });
            }
        }
        self.keys.retain(|k| k.public_key != key.public_key);
        self.keys.push(key);
    }

    /// Checks everything a request would otherwise trip over later.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let mut accounts = BTreeSet::new();
        let mut tenants = BTreeSet::new();
        for account in &self.accounts {
            check_uuid("account_id", &account.account_id)?;
            if !accounts.insert(account.account_id.as_str()) {
                return Err(ConfigError(format!("account {} is listed twice", account.account_id)));
            }
            for tenant in &account.tenants {
                check_uuid("tenant_id", &tenant.tenant_id)?;
                if !tenants.insert(tenant.tenant_id.as_str()) {
                    return Err(ConfigError(format!("tenant {} is listed twice", tenant.tenant_id)));
                }
                let mut profiles = BTreeSet::new();
                for profile in &tenant.creditor_profiles {
                    let reference = profile.creditor_profile_ref.as_str();
                    let shaped = (1..=50).contains(&reference.len())
                        && reference.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b));
                    if !shaped || !profiles.insert(reference) {
                        return Err(ConfigError(format!(
                            "tenant {}: creditor_profile_ref {reference:?} is not 1 to 50 of [a-zA-Z0-9-_.] or is listed twice",
                            tenant.tenant_id
                        )));
                    }
                    if !crate::store::MANDATE_NETWORKS.contains(&profile.network.as_str()) {
                        return Err(ConfigError(format!(
                            "tenant {}: creditor profile {reference}: network must be one of {:?}",
                            tenant.tenant_id,
                            crate::store::MANDATE_NETWORKS
                        )));
                    }
                }
            }
        }
        let mut public_keys = BTreeSet::new();
        for key in &self.keys {
            check_uuid("public_key", &key.public_key)?;
            if !public_keys.insert(key.public_key.as_str()) {
                return Err(ConfigError(format!("key {} is listed twice", key.public_key)));
            }
            match BASE64.decode(&key.private_key) {
                Ok(bytes) if !bytes.is_empty() => {}
                _ => {
                    return Err(ConfigError(format!("key {}: private_key must be non-empty base64", key.public_key)));
                }
            }
            let Some(account) = self.accounts.iter().find(|a| a.account_id == key.account_id) else {
                return Err(ConfigError(format!(
                    "key {}: account {} is not configured",
                    key.public_key, key.account_id
                )));
            };
            for tenant_id in &key.tenant_ids {
                if !account.tenants.iter().any(|t| &t.tenant_id == tenant_id) {
                    return Err(ConfigError(format!(
                        "key {}: tenant {tenant_id} is not a tenant of account {}",
                        key.public_key, key.account_id
                    )));
                }
            }
            if key.roles.is_empty() {
                return Err(ConfigError(format!("key {}: no roles", key.public_key)));
            }
        }
        if self.token_ttl_seconds == 0 {
            return Err(ConfigError("token_ttl_seconds must be at least 1".into()));
        }
        if !(400..=499).contains(&self.not_found_status) {
            return Err(ConfigError("not_found_status must be a 4xx status".into()));
        }
        let c = &self.connections;
        if c.max_connections == 0 || c.max_headers == 0 || c.header_read_timeout_ms == 0 {
            return Err(ConfigError("connections: every limit must be at least 1".into()));
        }
        // The HTTP parser's buffer cannot be smaller than 8 KiB.
        if c.max_header_bytes < 8192 {
            return Err(ConfigError("connections.max_header_bytes must be at least 8192".into()));
        }
        Ok(())
    }

    /// The first configured key with its account and first tenant, printed at start-up so a
    /// harness in any language knows how to connect.
    pub fn primary_key(&self) -> Option<&KeyConfig> {
        self.keys.iter().find(|k| k.public_key == DEMO_PUBLIC_KEY).or(self.keys.first())
    }
}

fn check_uuid(field: &str, value: &str) -> Result<(), ConfigError> {
    uuid::Uuid::parse_str(value).map(|_| ()).map_err(|_| ConfigError(format!("{field} {value:?} is not a UUID")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_is_valid_and_uses_the_reference_key_pair() {
        let config = EmulatorConfig::demo();
        config.validate().unwrap();
        let key = config.primary_key().unwrap();
        assert_eq!(key.public_key, DEMO_PUBLIC_KEY);
        assert_eq!(key.private_key, DEMO_PRIVATE_KEY);
    }

    #[test]
    fn key_flag_parses_and_creates_account_and_tenant() {
        let mut config = EmulatorConfig::demo();
        let key = EmulatorConfig::parse_key_flag(
            "11111111-2222-3333-4444-555555555555:AAECAw==:22222222-2222-2222-2222-222222222222:33333333-3333-3333-3333-333333333333:tenant-transaction-read,tenant-transaction-write",
        )
        .unwrap();
        assert_eq!(key.roles, ["tenant-transaction-read", "tenant-transaction-write"]);
        config.add_key(key);
        config.validate().unwrap();
        assert_eq!(config.accounts.len(), 2);
    }

    #[test]
    fn bad_configurations_are_refused_with_the_reason() {
        type Mutation = fn(&mut EmulatorConfig);
        let cases: [(&str, Mutation); 5] = [
            ("private_key must be non-empty base64", |c| c.keys[0].private_key = "***".into()),
            ("is not a UUID", |c| c.keys[0].public_key = "nope".into()),
            ("is not configured", |c| c.keys[0].account_id = "99999999-9999-9999-9999-999999999999".into()),
            ("no roles", |c| c.keys[0].roles.clear()),
            ("token_ttl_seconds", |c| c.token_ttl_seconds = 0),
        ];
        for (expected, mutate) in cases {
            let mut config = EmulatorConfig::demo();
            mutate(&mut config);
            let err = config.validate().unwrap_err().to_string();
            assert!(err.contains(expected), "{err:?} should mention {expected:?}");
            assert!(!err.contains(DEMO_PRIVATE_KEY));
        }
    }

    #[test]
    fn debug_never_prints_a_private_key() {
        let text = format!("{:?}", EmulatorConfig::demo());
        assert!(!text.contains(DEMO_PRIVATE_KEY));
    }
}
