//! Who exists: the accounts, their tenants and the API keys, as configured at start and as the
//! Configuration API changes them (reference §3.8–§3.9). A key created through the API can sign
//! the HMAC exchange at once, with the roles and tenants it was given; a deleted key cannot.
//! Tokens already issued keep the roles they were issued with until they expire. Reset returns
//! to the configuration.

use std::collections::HashMap;
use std::sync::Mutex;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;

use crate::config::{EmulatorConfig, KeyConfig};

/// Account roles, as the reference lists them: what an account key may hold.
pub const ACCOUNT_ROLES: &[&str] =
    &["account-admin", "account-tenant-read", "account-tenant-write", "account-tenant-approval"];

/// Tenant roles, as the reference lists them (with the newer bridge and mandate roles).
pub const TENANT_ROLES: &[&str] = &[
    "tenant-admin",
    "tenant-management",
    "tenant-app-read",
    "tenant-app-write",
    "tenant-collect-scheme-read",
    "tenant-collect-scheme-write",
    "tenant-payout-scheme-read",
    "tenant-payout-scheme-write",
    "tenant-reward-group-read",
    "tenant-reward-group-write",
    "tenant-transaction-read",
    "tenant-transaction-write",
    "tenant-bridge-read",
    "tenant-bridge-write",
    "tenant-mandate-read",
    "tenant-mandate-write",
];

/// An API key: its configuration (credentials, account, tenants, roles), its name and the
/// decoded secret the HMAC is checked with.
#[derive(Clone)]
pub struct Key {
    pub config: KeyConfig,
    pub secret: Vec<u8>,
    /// The API's identity of the key (a UUID of its own).
    pub identity: String,
}

impl Key {
    fn new(config: KeyConfig) -> Self {
        let secret = BASE64.decode(&config.private_key).unwrap_or_default();
        let identity = uuid::Uuid::new_v4().to_string();
        Key { config, secret, identity }
    }

    /// An account key acts for the account; a tenant key for its tenants.
    pub fn is_account_key(&self) -> bool {
        self.config.tenant_ids.is_empty()
    }
}

/// A postal address as the API writes it.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub street_address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extended_address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locality: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// An account's IP allow list as the API writes it.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IpAllowList {
    pub enabled: bool,
    pub last_updated: Option<String>,
    pub rules: Vec<IpRule>,
}

#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IpRule {
    pub name: String,
    pub ip_v4_start: String,
    pub ip_v4_end: String,
}

#[derive(Clone)]
pub struct Tenant {
    pub tenant_id: String,
    pub name: String,
    pub address: Address,
    /// The collect schemes it starts with.
    pub scheme_ids: Vec<String>,
}

#[derive(Clone)]
pub struct Account {
    pub account_id: String,
    pub company_name: String,
    pub tenant_creation_approval_required: bool,
    /// Stored as the account sets it; not enforced (the emulator listens on loopback).
    pub ip_allow_list: IpAllowList,
    /// Licence upgrade requests received (answered 202, then nothing happens).
    pub upgrade_requests: usize,
    /// Whether its licence enables mandates (`license.enableMandates`).
    pub mandates_enabled: bool,
    /// In creation order.
    pub tenants: Vec<Tenant>,
}

#[derive(Clone, Default)]
struct Entries {
    accounts: Vec<Account>,
    /// By public key, plus the order they were added in (lists keep it).
    keys: HashMap<String, Key>,
    order: Vec<String>,
}

impl Entries {
    fn of(config: &EmulatorConfig) -> Self {
        let accounts = config
            .accounts
            .iter()
            .map(|a| Account {
                account_id: a.account_id.clone(),
                company_name: a.company_name.clone().unwrap_or_else(|| "Demo Company Ltd".into()),
                tenant_creation_approval_required: false,
                ip_allow_list: IpAllowList::default(),
                upgrade_requests: 0,
                mandates_enabled: a.mandates_enabled,
                tenants: a
                    .tenants
                    .iter()
                    .enumerate()
                    .map(|(i, t)| Tenant {
                        tenant_id: t.tenant_id.clone(),
                        name: t.name.clone().unwrap_or_else(|| format!("Tenant {}", i + 1)),
                        address: Address { country: Some("GB".into()), ..Address::default() },
                        scheme_ids: t.scheme_ids.clone(),
                    })
                    .collect(),
            })
            .collect();
        let mut entries = Entries { accounts, ..Entries::default() };
        for key in &config.keys {
            entries.insert(Key::new(key.clone()));
        }
        entries
    }

    fn insert(&mut self, key: Key) {
        let public_key = key.config.public_key.clone();
        if self.keys.insert(public_key.clone(), key).is_none() {
            self.order.push(public_key);
        }
    }
}

/// Accounts, tenants and keys behind one lock (short operations, never held across an await).
pub struct Directory {
    initial: Entries,
    entries: Mutex<Entries>,
}

impl Directory {
    pub fn new(config: &EmulatorConfig) -> Self {
        let initial = Entries::of(config);
        Directory { entries: Mutex::new(initial.clone()), initial }
    }

    /// Back to the configuration: keys and tenants created since are gone.
    pub fn reset(&self) {
        *self.lock() = self.initial.clone();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Entries> {
        self.entries.lock().expect("directory lock")
    }

    pub fn key(&self, public_key: &str) -> Option<Key> {
        let entries = self.lock();
        entries.keys.get(public_key).or_else(|| entries.keys.get(&public_key.to_ascii_lowercase())).cloned()
    }

    /// The keys `filter` keeps, in the order they were added.
    pub fn keys(&self, filter: impl Fn(&Key) -> bool) -> Vec<Key> {
        let entries = self.lock();
        entries.order.iter().filter_map(|k| entries.keys.get(k)).filter(|k| filter(k)).cloned().collect()
    }

    /// A new key with fresh credentials: a UUID public key and 32 random bytes as its private key.
    pub fn create_key(&self, account_id: &str, tenant_ids: Vec<String>, name: String, roles: Vec<String>) -> Key {
        let mut secret = Vec::with_capacity(32);
        secret.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
        secret.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
        let key = Key::new(KeyConfig {
            public_key: uuid::Uuid::new_v4().to_string(),
            private_key: BASE64.encode(&secret),
            account_id: account_id.to_string(),
            tenant_ids,
            roles,
            name: Some(name),
        });
        self.lock().insert(key.clone());
        key
    }

    /// Changes a key's name and roles; false when `matches` does not accept the key.
    pub fn update_key(
        &self,
        public_key: &str,
        matches: impl Fn(&Key) -> bool,
        name: String,
        roles: Vec<String>,
    ) -> bool {
        let mut entries = self.lock();
        match entries.keys.get_mut(public_key) {
            Some(key) if matches(key) => {
                key.config.name = Some(name);
                key.config.roles = roles;
                true
            }
            _ => false,
        }
    }

    /// Deletes a key; false when `matches` does not accept it.
    pub fn delete_key(&self, public_key: &str, matches: impl Fn(&Key) -> bool) -> bool {
        let mut entries = self.lock();
        if !entries.keys.get(public_key).is_some_and(matches) {
            return false;
        }
        entries.keys.remove(public_key);
        entries.order.retain(|k| k != public_key);
        true
    }

    /// Runs `f` on the account, if it exists.
    pub fn with_account<T>(&self, account_id: &str, f: impl FnOnce(&mut Account) -> T) -> Option<T> {
        let mut entries = self.lock();
        entries.accounts.iter_mut().find(|a| a.account_id.eq_ignore_ascii_case(account_id)).map(f)
    }

    /// A tenant the account has.
    pub fn tenant(&self, account_id: &str, tenant_id: &str) -> Option<Tenant> {
        self.with_account(account_id, |a| {
            a.tenants.iter().find(|t| t.tenant_id.eq_ignore_ascii_case(tenant_id)).cloned()
        })
        .flatten()
    }

    /// The collect schemes a tenant starts with: its configured ones (none for a tenant created
    /// through the API).
    pub fn configured_scheme_ids(&self, tenant_id: &str) -> Vec<String> {
        let entries = self.lock();
        let tenant = entries.accounts.iter().flat_map(|a| &a.tenants).find(|t| t.tenant_id == tenant_id);
        tenant.map(|t| t.scheme_ids.clone()).unwrap_or_default()
    }
}
