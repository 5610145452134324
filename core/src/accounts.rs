//! Account management (an account key: the account, its keys, its tenants and their keys) and
//! tenant self-management (a tenant key: its own keys), reference §3.8–§3.9.
//!
//! Every call here is one request whose answer is a model, or nothing (204); what differs is
//! the operation, the path's ids and the body, so each method names those and the shared steps
//! below do the rest. Creating a key or a tenant is never replayed once it may have been
//! processed (the server assigns the id, and a key's private key is shown only once).

use serde::de::DeserializeOwned;

use crate::client::{CallOptions, Client, Operation, Response, ResponseMeta, decode, encode};
use crate::error::Error;
use crate::models::{
    Account, AccountKeyList, AccountUpdate, ApiKey, ApiKeySettings, CreatedApiKey, IpAllowList, IpAllowListUpdate,
    LicenseHistory, LicenseUpgradeRequest, Tenant, TenantKeyList, TenantList, TenantSettings,
};
use crate::operations::{self, OperationSpec};
use crate::validation::{Validator, path_id};

impl Client {
    /// `GET /v1/account`: the account, its billing contact and licence.
    pub async fn get_account(&self, options: &CallOptions) -> Result<Response<Account>, Error> {
        self.fetch(&operations::GET_ACCOUNT, &[], Ok(()), options).await
    }

    /// `PUT /v1/account` (204).
    pub async fn update_account(&self, update: &AccountUpdate, options: &CallOptions) -> Result<ResponseMeta, Error> {
        self.change(&operations::UPDATE_ACCOUNT, &[], encode(update)?, Ok(()), options).await
    }

    /// `GET /v1/account/license/history`: the licences the account held.
    pub async fn get_license_history(&self, options: &CallOptions) -> Result<Response<LicenseHistory>, Error> {
        self.fetch(&operations::GET_LICENSE_HISTORY, &[], Ok(()), options).await
    }

    /// `POST /v1/account/license/upgrade` (202): asks Imburse for a bigger licence. Never
    /// replayed once it may have been processed.
    pub async fn request_license_upgrade(
        &self,
        request: &LicenseUpgradeRequest,
        options: &CallOptions,
    ) -> Result<ResponseMeta, Error> {
        let mut v = Validator::default();
        v.license_upgrade(request);
        self.change(&operations::REQUEST_LICENSE_UPGRADE, &[], encode(request)?, v.finish(), options).await
    }

    /// `GET /v1/account/ip-whitelist`: the IPv4 ranges API-key callers may come from.
    pub async fn get_ip_allow_list(&self, options: &CallOptions) -> Result<Response<IpAllowList>, Error> {
        self.fetch(&operations::GET_IP_ALLOW_LIST, &[], Ok(()), options).await
    }

    /// `PUT /v1/account/ip-whitelist` (204): replaces the allow list.
    pub async fn update_ip_allow_list(
        &self,
        allow_list: &IpAllowListUpdate,
        options: &CallOptions,
    ) -> Result<ResponseMeta, Error> {
        let mut v = Validator::default();
        v.ip_allow_list(allow_list);
        self.change(&operations::UPDATE_IP_ALLOW_LIST, &[], encode(allow_list)?, v.finish(), options).await
    }

    /// `GET /v1/account/keys`: the account's keys, never their private keys.
    pub async fn list_account_keys(&self, options: &CallOptions) -> Result<Response<AccountKeyList>, Error> {
        self.fetch(&operations::LIST_ACCOUNT_KEYS, &[], Ok(()), options).await
    }

    /// `GET /v1/account/keys/{publicKey}`.
    pub async fn get_account_key(&self, public_key: &str, options: &CallOptions) -> Result<Response<ApiKey>, Error> {
        self.fetch(&operations::GET_ACCOUNT_KEY, &[public_key], path_id("publicKey", public_key), options).await
    }

    /// `POST /v1/account/keys` (201): the new key with its private key, returned only this once.
    pub async fn create_account_key(
        &self,
        key: &ApiKeySettings,
        options: &CallOptions,
    ) -> Result<Response<CreatedApiKey>, Error> {
        self.create(&operations::CREATE_ACCOUNT_KEY, &[], encode(key)?, key_settings(&[], key), options).await
    }

    /// `PUT /v1/account/keys/{publicKey}` (204): the key's name and roles.
    pub async fn update_account_key(
        &self,
        public_key: &str,
        key: &ApiKeySettings,
        options: &CallOptions,
    ) -> Result<ResponseMeta, Error> {
        let invalid = key_settings(&[("publicKey", public_key)], key);
        self.change(&operations::UPDATE_ACCOUNT_KEY, &[public_key], encode(key)?, invalid, options).await
    }

    /// `DELETE /v1/account/keys/{publicKey}` (204).
    pub async fn delete_account_key(&self, public_key: &str, options: &CallOptions) -> Result<ResponseMeta, Error> {
        self.remove(&operations::DELETE_ACCOUNT_KEY, &[("publicKey", public_key)], options).await
    }

    /// `GET /v1/account/tenants`: the account's tenants.
    pub async fn list_tenants(&self, options: &CallOptions) -> Result<Response<TenantList>, Error> {
        self.fetch(&operations::LIST_TENANTS, &[], Ok(()), options).await
    }

    /// `GET /v1/account/tenants/{tenantId}`.
    pub async fn get_tenant(&self, tenant_id: &str, options: &CallOptions) -> Result<Response<Tenant>, Error> {
        self.fetch(&operations::GET_TENANT, &[tenant_id], path_id("tenantId", tenant_id), options).await
    }

    /// `POST /v1/account/tenants` (201): the new tenant.
    pub async fn create_tenant(
        &self,
        tenant: &TenantSettings,
        options: &CallOptions,
    ) -> Result<Response<Tenant>, Error> {
        self.create(&operations::CREATE_TENANT, &[], encode(tenant)?, tenant_settings(&[], tenant), options).await
    }

    /// `PUT /v1/account/tenants/{tenantId}` (204): the tenant's name and address.
    pub async fn update_tenant(
        &self,
        tenant_id: &str,
        tenant: &TenantSettings,
        options: &CallOptions,
    ) -> Result<ResponseMeta, Error> {
        let invalid = tenant_settings(&[("tenantId", tenant_id)], tenant);
        self.change(&operations::UPDATE_TENANT, &[tenant_id], encode(tenant)?, invalid, options).await
    }

    /// `GET /v1/account/tenants/{tenantId}/keys`: a tenant's keys.
    pub async fn list_account_tenant_keys(
        &self,
        tenant_id: &str,
        options: &CallOptions,
    ) -> Result<Response<TenantKeyList>, Error> {
        self.fetch(&operations::LIST_ACCOUNT_TENANT_KEYS, &[tenant_id], path_id("tenantId", tenant_id), options).await
    }

    /// `GET /v1/account/tenants/{tenantId}/keys/{publicKey}`.
    pub async fn get_account_tenant_key(
        &self,
        tenant_id: &str,
        public_key: &str,
        options: &CallOptions,
    ) -> Result<Response<ApiKey>, Error> {
        let invalid = ids(&[("tenantId", tenant_id), ("publicKey", public_key)]);
        self.fetch(&operations::GET_ACCOUNT_TENANT_KEY, &[tenant_id, public_key], invalid, options).await
    }

    /// `POST /v1/account/tenants/{tenantId}/keys` (201): a new key of the tenant with its
    /// private key, returned only this once.
    pub async fn create_account_tenant_key(
        &self,
        tenant_id: &str,
        key: &ApiKeySettings,
        options: &CallOptions,
    ) -> Result<Response<CreatedApiKey>, Error> {
        let invalid = key_settings(&[("tenantId", tenant_id)], key);
        self.create(&operations::CREATE_ACCOUNT_TENANT_KEY, &[tenant_id], encode(key)?, invalid, options).await
    }

    /// `PUT /v1/account/tenants/{tenantId}/keys/{publicKey}` (204).
    pub async fn update_account_tenant_key(
        &self,
        tenant_id: &str,
        public_key: &str,
        key: &ApiKeySettings,
        options: &CallOptions,
    ) -> Result<ResponseMeta, Error> {
        let invalid = key_settings(&[("tenantId", tenant_id), ("publicKey", public_key)], key);
        let spec = &operations::UPDATE_ACCOUNT_TENANT_KEY;
        self.change(spec, &[tenant_id, public_key], encode(key)?, invalid, options).await
    }

    /// `DELETE /v1/account/tenants/{tenantId}/keys/{publicKey}` (204).
    pub async fn delete_account_tenant_key(
        &self,
        tenant_id: &str,
        public_key: &str,
        options: &CallOptions,
    ) -> Result<ResponseMeta, Error> {
        let spec = &operations::DELETE_ACCOUNT_TENANT_KEY;
        self.remove(spec, &[("tenantId", tenant_id), ("publicKey", public_key)], options).await
    }

    /// `GET /v1/tenant/keys`: the tenant's own keys.
    pub async fn list_tenant_keys(&self, options: &CallOptions) -> Result<Response<TenantKeyList>, Error> {
        self.fetch(&operations::LIST_TENANT_KEYS, &[], Ok(()), options).await
    }

    /// `GET /v1/tenant/keys/{publicKey}`.
    pub async fn get_tenant_key(&self, public_key: &str, options: &CallOptions) -> Result<Response<ApiKey>, Error> {
        self.fetch(&operations::GET_TENANT_KEY, &[public_key], path_id("publicKey", public_key), options).await
    }

    /// `POST /v1/tenant/keys` (201): a new key of the tenant with its private key, returned only
    /// this once.
    pub async fn create_tenant_key(
        &self,
        key: &ApiKeySettings,
        options: &CallOptions,
    ) -> Result<Response<CreatedApiKey>, Error> {
        self.create(&operations::CREATE_TENANT_KEY, &[], encode(key)?, key_settings(&[], key), options).await
    }

    /// `PUT /v1/tenant/keys/{publicKey}` (204).
    pub async fn update_tenant_key(
        &self,
        public_key: &str,
        key: &ApiKeySettings,
        options: &CallOptions,
    ) -> Result<ResponseMeta, Error> {
        let invalid = key_settings(&[("publicKey", public_key)], key);
        self.change(&operations::UPDATE_TENANT_KEY, &[public_key], encode(key)?, invalid, options).await
    }

    /// `DELETE /v1/tenant/keys/{publicKey}` (204).
    pub async fn delete_tenant_key(&self, public_key: &str, options: &CallOptions) -> Result<ResponseMeta, Error> {
        self.remove(&operations::DELETE_TENANT_KEY, &[("publicKey", public_key)], options).await
    }

    /// A read: the answer decoded as `T`.
    pub(crate) async fn fetch<T: DeserializeOwned>(
        &self,
        spec: &'static OperationSpec,
        path: &[&str],
        valid: Result<(), Error>,
        options: &CallOptions,
    ) -> Result<Response<T>, Error> {
        let exchange = self.execute(Operation::new(spec, path, None, valid.err()), options).await?;
        Ok(Response { data: decode(&exchange)?, meta: exchange.meta })
    }

    /// A create: the body sent, the created entity decoded as `T`.
    async fn create<T: DeserializeOwned>(
        &self,
        spec: &'static OperationSpec,
        path: &[&str],
        body: bytes::Bytes,
        valid: Result<(), Error>,
        options: &CallOptions,
    ) -> Result<Response<T>, Error> {
        let exchange = self.execute(Operation::new(spec, path, Some(body), valid.err()), options).await?;
        Ok(Response { data: decode(&exchange)?, meta: exchange.meta })
    }

    /// An update answered with no body (204).
    pub(crate) async fn change(
        &self,
        spec: &'static OperationSpec,
        path: &[&str],
        body: bytes::Bytes,
        valid: Result<(), Error>,
        options: &CallOptions,
    ) -> Result<ResponseMeta, Error> {
        Ok(self.execute(Operation::new(spec, path, Some(body), valid.err()), options).await?.meta)
    }

    /// A call without a body on the entity the named path ids identify, answered with no body
    /// (a delete's 204, an app's install or uninstall).
    pub(crate) async fn remove(
        &self,
        spec: &'static OperationSpec,
        named: &[(&str, &str)],
        options: &CallOptions,
    ) -> Result<ResponseMeta, Error> {
        let path: Vec<&str> = named.iter().map(|(_, value)| *value).collect();
        Ok(self.execute(Operation::new(spec, &path, None, ids(named).err()), options).await?.meta)
    }
}

/// Every named path id present (the first missing one reported).
fn ids(named: &[(&str, &str)]) -> Result<(), Error> {
    named.iter().try_for_each(|(property, value)| path_id(property, value))
}

/// The path ids, then a key's name and roles; every problem listed.
fn key_settings(path: &[(&str, &str)], key: &ApiKeySettings) -> Result<(), Error> {
    ids(path)?;
    let mut v = Validator::default();
    v.api_key(key);
    v.finish()
}

/// The path ids, then a tenant's name and country; every problem listed.
fn tenant_settings(path: &[(&str, &str)], tenant: &TenantSettings) -> Result<(), Error> {
    ids(path)?;
    let mut v = Validator::default();
    v.tenant(tenant);
    v.finish()
}
