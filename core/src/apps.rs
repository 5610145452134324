//! The app marketplace (reference §3.7): the catalogue, installing an app in the tenant, its
//! configuration, uninstalling it. The paths are the 2019 docs' (the reference marks the
//! current ones uncertain); they are in `crate::operations` alone.

use bytes::Bytes;

use crate::client::{CallOptions, Client, Response, ResponseMeta};
use crate::error::Error;
use crate::models::{MarketplaceApp, MarketplaceAppList};
use crate::operations;
use crate::validation::{json_object, path_id};

impl Client {
    /// `GET /v1/marketplace/apps`: the app catalogue.
    pub async fn list_marketplace_apps(&self, options: &CallOptions) -> Result<Response<MarketplaceAppList>, Error> {
        self.fetch(&operations::LIST_MARKETPLACE_APPS, &[], Ok(()), options).await
    }

    /// `GET /v1/marketplace/apps/{appId}`.
    pub async fn get_marketplace_app(
        &self,
        app_id: &str,
        options: &CallOptions,
    ) -> Result<Response<MarketplaceApp>, Error> {
        self.fetch(&operations::GET_MARKETPLACE_APP, &[app_id], path_id("appId", app_id), options).await
    }

    /// `POST /v1/marketplace/apps/{appId}/install`: one instance per tenant.
    pub async fn install_app(&self, app_id: &str, options: &CallOptions) -> Result<ResponseMeta, Error> {
        self.remove(&operations::INSTALL_APP, &[("appId", app_id)], options).await
    }

    /// `POST /v1/apps/installed/{appId}/configuration`: the app's own settings, a JSON object
    /// given as text (sent as it is; it often holds the provider's credentials, and like every
    /// body it is never logged).
    pub async fn configure_app(
        &self,
        app_id: &str,
        configuration: &str,
        options: &CallOptions,
    ) -> Result<ResponseMeta, Error> {
        let valid = path_id("appId", app_id).and_then(|()| json_object("configuration", configuration));
        let body = Bytes::copy_from_slice(configuration.as_bytes());
        self.change(&operations::CONFIGURE_APP, &[app_id], body, valid, options).await
    }

    /// `POST /v1/apps/installed/{appId}/uninstall`: refused while a scheme names the app.
    pub async fn uninstall_app(&self, app_id: &str, options: &CallOptions) -> Result<ResponseMeta, Error> {
        self.remove(&operations::UNINSTALL_APP, &[("appId", app_id)], options).await
    }
}
