//! The app marketplace (Configuration API, reference §3.7): the catalogue of apps (payment
//! providers and payout services) a tenant may install, with the payment methods, countries and
//! currencies each supports. The reference takes these shapes from its 2019 pages and marks the
//! current paths uncertain (they are kept in `crate::operations` alone).

use serde::Deserialize;

crate::foreign::response_models! {
/// An app of the catalogue.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MarketplaceApp {
    /// E.g. `STRIPE`, `BRAINTREE_SDK`, `TANGOCARD_RAAS`.
    pub app_id: String,
    /// The app's name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its developer's id.
    #[serde(default)]
    pub developer_id: Option<String>,
    /// Its developer's name.
    #[serde(default)]
    pub developer_name: Option<String>,
    /// What the app does.
    #[serde(default)]
    pub description: Option<String>,
    /// An icon's URL.
    #[serde(default)]
    pub icon_url: Option<String>,
    /// Catalogue tags, e.g. `collect`, `payout`.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The payment methods it offers.
    #[serde(default)]
    pub supported_payment_methods: Vec<PaymentMethod>,
    /// ISO 3166-1 alpha-2 codes.
    #[serde(default)]
    pub supported_countries: Vec<String>,
    /// ISO 4217 codes.
    #[serde(default)]
    pub supported_currencies: Vec<String>,
}

/// A payment method an app offers.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PaymentMethod {
    /// E.g. `CARD`, `APPLE_PAY`.
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// An icon's URL.
    #[serde(default)]
    pub icon_url: Option<String>,
    /// Catalogue tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Whether it is a credit card.
    #[serde(default)]
    pub is_credit_card: Option<bool>,
    /// Whether it supports one-off sales.
    #[serde(default)]
    pub supports_direct_sale: Option<bool>,
    /// Whether it supports recurring payments.
    #[serde(default)]
    pub supports_recurring: Option<bool>,
    /// Whether the provider's warning must be shown.
    #[serde(default)]
    pub provider_warning_required: Option<bool>,
}

/// The catalogue. The reference does not show the list's wrapper: a bare list and `{apps: […]}`
/// are both read.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(from = "super::Listed<MarketplaceApp>")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MarketplaceAppList {
    /// The apps, in the server's order.
    pub apps: Vec<MarketplaceApp>,
}
}

impl From<super::Listed<MarketplaceApp>> for MarketplaceAppList {
    fn from(listed: super::Listed<MarketplaceApp>) -> Self {
        MarketplaceAppList { apps: listed.into() }
    }
}
