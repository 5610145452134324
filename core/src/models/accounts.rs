//! The account, its tenants and API keys (Configuration API, reference §3.8–§3.9): what an
//! account key manages, and a tenant key manages of itself.
//!
//! Timestamps and dates here are ISO-8601 text, as the Configuration API writes them; licence
//! limits are whole numbers where `-1` means unlimited. A created key's private key is a
//! [`Secret`]: the API returns it once, and no text form of a result ever shows it.

use serde::Deserialize;

use crate::secret::Secret;

crate::foreign::response_models! {
/// The account (`GET /v1/account`): company, billing contact and licence.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Account {
    /// The account's id (UUID), as `x-account-id` names it.
    pub account_id: String,
    /// Imburse's reference for the account.
    #[serde(default)]
    pub imburse_account_ref: Option<String>,
    /// The company's name.
    #[serde(default)]
    pub company_name: Option<String>,
    /// The billing contact's first name.
    #[serde(default)]
    pub billing_contact_first_name: Option<String>,
    /// The billing contact's last name.
    #[serde(default)]
    pub billing_contact_last_name: Option<String>,
    /// Whether a new tenant waits for approval (role `account-tenant-approval`).
    #[serde(default)]
    pub tenant_creation_approval_required: bool,
    /// The billing contact's address.
    #[serde(default)]
    pub billing_contact_address: Option<Address>,
    /// The account's licence and its limits.
    #[serde(default)]
    pub license: Option<License>,
}

/// A postal address (an account's billing contact, a tenant's).
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Address {
    /// The street and number.
    #[serde(default)]
    pub street_address: Option<String>,
    /// More of the street address (the 2019 tenant body calls it `extendedStreetAddress`).
    #[serde(default, alias = "extendedStreetAddress")]
    pub extended_address: Option<String>,
    /// The town or city.
    #[serde(default)]
    pub locality: Option<String>,
    /// The county, state or region.
    #[serde(default)]
    pub region: Option<String>,
    /// The postcode.
    #[serde(default)]
    pub post_code: Option<String>,
    /// ISO 3166-1 alpha-2.
    #[serde(default)]
    pub country: Option<String>,
}

/// An account's licence: its limits (`-1` = unlimited) and period.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct License {
    /// The licence's id.
    #[serde(default)]
    pub license_id: Option<String>,
    /// The licence's name.
    #[serde(default)]
    pub license_name: Option<String>,
    /// Tenants allowed (`-1` = unlimited).
    #[serde(default)]
    pub max_tenants: Option<i64>,
    /// Transactions allowed (`-1` = unlimited).
    #[serde(default)]
    pub max_transactions: Option<i64>,
    /// Collect apps allowed (`-1` = unlimited).
    #[serde(default)]
    pub max_collect_apps: Option<i64>,
    /// Payout apps allowed (`-1` = unlimited).
    #[serde(default)]
    pub max_payout_apps: Option<i64>,
    /// ISO-8601 text.
    #[serde(default)]
    pub license_period_start_date: Option<String>,
    /// ISO-8601 text.
    #[serde(default)]
    pub license_period_end_date: Option<String>,
    /// Tenants in use.
    #[serde(default)]
    pub tenant_usage: Option<i64>,
    /// Whether mandates are enabled for the account.
    #[serde(default)]
    pub enable_mandates: Option<bool>,
}

/// An API key as the API lists it: never its private key.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ApiKey {
    /// The key's public part (UUID), as the HMAC header and the key's paths name it.
    pub public_key: String,
    /// Your name for the key.
    #[serde(default)]
    pub name: Option<String>,
    /// Its roles, e.g. `tenant-transaction-read`.
    #[serde(default)]
    pub roles: Vec<String>,
    /// The API's identity of the key.
    #[serde(default)]
    pub identity: Option<String>,
    /// A tenant key's tenant, where the answer names it.
    #[serde(default)]
    pub tenant_id: Option<String>,
}

/// A key just created: its public key, and its private key, which the API returns only this
/// once (a [`Secret`]: store it, e.g. in a vault; no text form of this result shows it).
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CreatedApiKey {
    /// The key's public part (UUID).
    pub public_key: String,
    /// The key's private part (base64 of 32 bytes), returned only at creation.
    pub private_key: Secret,
    /// Your name for the key.
    #[serde(default)]
    pub name: Option<String>,
    /// Its roles.
    #[serde(default)]
    pub roles: Vec<String>,
    /// The API's identity of the key.
    #[serde(default)]
    pub identity: Option<String>,
    /// A tenant key's tenant, where the answer names it.
    #[serde(default)]
    pub tenant_id: Option<String>,
}

/// The account's keys (`{accountKeys: […]}`).
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AccountKeyList {
    /// The keys, in the server's order.
    #[serde(default)]
    pub account_keys: Vec<ApiKey>,
}

/// A tenant's keys (`{tenantKeys: […]}`).
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TenantKeyList {
    /// The keys, in the server's order.
    #[serde(default)]
    pub tenant_keys: Vec<ApiKey>,
}

/// A tenant of the account.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Tenant {
    /// The tenant's id (UUID), as `x-tenant-id` names it.
    pub tenant_id: String,
    /// Its account.
    #[serde(default)]
    pub account_id: Option<String>,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its address.
    #[serde(default)]
    pub address: Option<Address>,
}

/// The account's tenants (`{tenants: […]}`: the wrapper's name is the reference's reading of
/// its other list answers).
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TenantList {
    /// The tenants, in the server's order.
    #[serde(default)]
    pub tenants: Vec<Tenant>,
}

/// The account's licensing history (`{accountHistory: […]}`), oldest first.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LicenseHistory {
    /// One entry per licence change.
    #[serde(default)]
    pub account_history: Vec<LicenseHistoryEntry>,
}

/// A licence the account held from `timestamp` on (limits `-1` = unlimited).
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LicenseHistoryEntry {
    /// ISO-8601 text: when this licence took effect.
    #[serde(default)]
    pub timestamp: Option<String>,
    /// The licence's id.
    #[serde(default)]
    pub license_id: Option<String>,
    /// The licence's name.
    #[serde(default)]
    pub license_name: Option<String>,
    /// Tenants allowed (`-1` = unlimited).
    #[serde(default)]
    pub max_tenants: Option<i64>,
    /// Transactions allowed (`-1` = unlimited).
    #[serde(default)]
    pub max_transactions: Option<i64>,
    /// Collect apps allowed (`-1` = unlimited).
    #[serde(default)]
    pub max_collect_apps: Option<i64>,
    /// Payout apps allowed (`-1` = unlimited).
    #[serde(default)]
    pub max_payout_apps: Option<i64>,
}

/// The IPv4 ranges API-key callers of the account may come from (the reference's "IP
/// whitelist"), when enabled.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct IpAllowList {
    /// Whether the ranges are enforced.
    #[serde(default)]
    pub enabled: bool,
    /// ISO-8601 text: when it last changed.
    #[serde(default)]
    pub last_updated: Option<String>,
    /// The allowed ranges.
    #[serde(default)]
    pub rules: Vec<IpRule>,
}

/// One allowed IPv4 range, both ends included.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct IpRule {
    /// Your name for the range.
    #[serde(default)]
    pub name: Option<String>,
    /// The range's first address, e.g. `203.0.113.0`.
    pub ip_v4_start: String,
    /// The range's last address, e.g. `203.0.113.255`.
    pub ip_v4_end: String,
}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_created_key_reads_its_private_key_as_a_secret_that_never_prints() {
        let json = r#"{"identity":"id-1","name":"ci","publicKey":"a123456b-c12c-123d-1ab4-18bd8c8e88a3",
            "privateKey":"AGHYR1aWYgHgyjhJLkVCd7b8XfAVeA4tuFwCQl3X64Y=","roles":["tenant-admin"]}"#;
        let key: CreatedApiKey = serde_json::from_str(json).unwrap();
        assert_eq!(key.private_key.expose_secret(), "AGHYR1aWYgHgyjhJLkVCd7b8XfAVeA4tuFwCQl3X64Y=");
        let text = format!("{key:?}");
        assert!(!text.contains("AGHYR1a"), "{text}");
        assert!(text.contains("private_key: [redacted]"), "{text}");
    }

    #[test]
    fn an_account_reads_its_licence_with_unlimited_as_minus_one() {
        let json = r#"{"accountId":"6d2c1f0e-8a4b-4c3d-9e5f-a1b2c3d4e5f6","companyName":"Demo Ltd",
            "tenantCreationApprovalRequired":true,"billingContactAddress":{"streetAddress":"1 High St","country":"GB"},
            "license":{"licenseId":"L1","maxTenants":-1,"maxTransactions":1000,"enableMandates":false},"unknownField":1}"#;
        let account: Account = serde_json::from_str(json).unwrap();
        assert!(account.tenant_creation_approval_required);
        assert_eq!(account.license.as_ref().unwrap().max_tenants, Some(-1));
        assert_eq!(account.billing_contact_address.unwrap().country.as_deref(), Some("GB"));
    }
}
