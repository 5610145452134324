//! Mandates and creditor profiles (Transaction API v2, reference §3.4): what the paged lists
//! hold, one page of each with the API's totals, and the answer to registering a mandate.
//!
//! Timestamps here are ISO-8601 text, as the Mandates API writes them (not the epoch
//! milliseconds of order management).

use serde::Deserialize;

use super::{Metadata, string_map_lenient};

// --------------------------------------------------------------- responses

crate::foreign::response_models! {
/// A creditor profile: who collects under a mandate (e.g. a Bacs service user), set up with
/// Imburse for the tenant.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CreditorProfile {
    /// The profile's reference (32 lowercase hex characters in the reference's samples).
    pub creditor_profile_ref: String,
    /// Its name.
    #[serde(default)]
    pub profile_name: Option<String>,
    /// The payment network, e.g. `BACS`, `SEPA`, as the server wrote it.
    #[serde(default)]
    pub network: Option<String>,
    /// Its status, as the server wrote it.
    #[serde(default)]
    pub status: Option<String>,
    /// Key-value data; values that are not strings are kept as their JSON text.
    #[serde(default, deserialize_with = "string_map_lenient")]
    pub metadata: Metadata,
    /// When it was created (ISO-8601 text).
    #[serde(default)]
    pub created: Option<String>,
}

/// A mandate: a customer's standing permission to collect from their bank account.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Mandate {
    /// The mandate's id (a UUID).
    pub mandate_id: String,
    /// The reference the network knows it by.
    #[serde(default)]
    pub mandate_ref: Option<String>,
    /// The payment network, e.g. `BACS`.
    #[serde(default)]
    pub network: Option<String>,
    /// E.g. `BacsB2C`, `SepaCoreB2C`, `BecsAuB2C`, as the server wrote it.
    #[serde(default)]
    pub mandate_type: Option<String>,
    /// Your reference for the customer.
    #[serde(default)]
    pub customer_ref: Option<String>,
    /// E.g. `Draft`, `Active`, as the server wrote it (unknown values kept as they are).
    #[serde(default)]
    pub status: Option<String>,
    /// The creditor profile it collects under.
    #[serde(default)]
    pub creditor_profile_ref: Option<String>,
    /// The financial instrument that stands for it in the customer vault.
    #[serde(default)]
    pub financial_instrument_id: Option<String>,
    /// When it was created (ISO-8601 text).
    #[serde(default)]
    pub created: Option<String>,
    /// Key-value data; values that are not strings are kept as their JSON text.
    #[serde(default, deserialize_with = "string_map_lenient")]
    pub metadata: Metadata,
}

/// A creditor's postal address, as a SEPA creditor profile gives it (the fields of a mandate
/// debtor's address).
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CreditorAddress {
    /// E.g. `12` or `Rose Cottage`.
    #[serde(default)]
    pub house_number_or_name: Option<String>,
    /// The street.
    #[serde(default)]
    pub street_address: Option<String>,
    /// The postcode.
    #[serde(default)]
    pub postcode: Option<String>,
    /// The town or city.
    #[serde(default)]
    pub city: Option<String>,
    /// ISO 3166-1 alpha-2, e.g. `DE`.
    #[serde(default)]
    pub country: Option<String>,
}

/// A SEPA creditor profile as the deprecated network-specific route shows it: who collects
/// SEPA direct debits, under which creditor identifier.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SepaCreditorProfile {
    /// The profile's reference (what mandates name as their `creditorProfileRef`).
    pub creditor_profile_ref: String,
    /// Its name.
    #[serde(default)]
    pub profile_name: Option<String>,
    /// The SEPA creditor identifier, e.g. `DE98ZZZ09999999999`.
    #[serde(default)]
    pub identifier: Option<String>,
    /// The creditor's name, as debtors see it.
    #[serde(default)]
    pub name: Option<String>,
    /// The creditor's address.
    #[serde(default)]
    pub address: Option<CreditorAddress>,
    /// Key-value data; values that are not strings are kept as their JSON text.
    #[serde(default, deserialize_with = "string_map_lenient")]
    pub metadata: Metadata,
}

/// A Bacs creditor profile as the deprecated network-specific route shows it: the service user
/// that collects Bacs direct debits.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BacsCreditorProfile {
    /// The profile's reference (what mandates name as their `creditorProfileRef`).
    pub creditor_profile_ref: String,
    /// Its name.
    #[serde(default)]
    pub profile_name: Option<String>,
    /// The Bacs service user number (six digits).
    #[serde(default)]
    pub service_user_number: Option<String>,
    /// The service user's organisation name.
    #[serde(default)]
    pub organization_name: Option<String>,
    /// Key-value data; values that are not strings are kept as their JSON text.
    #[serde(default, deserialize_with = "string_map_lenient")]
    pub metadata: Metadata,
}

/// The bank details check made when a mandate is registered.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VerificationCheck {
    /// E.g. `VERIFIED`, as the server wrote it.
    #[serde(default)]
    pub status: Option<String>,
    /// Why, when it was not verified.
    #[serde(default)]
    pub reason: Option<String>,
}

/// The answer to registering a mandate.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CreatedMandate {
    /// The new mandate's id.
    pub mandate_id: String,
    /// The financial instrument that stands for it (use it in instructions).
    #[serde(default)]
    pub financial_instrument_id: Option<String>,
    /// The bank details check.
    #[serde(default)]
    pub verification_check: Option<VerificationCheck>,
}

}

/// A page of the API's paged envelope: what [`crate::Pager`] needs to walk a list.
pub trait Page: serde::de::DeserializeOwned + Send + 'static {
    /// What the page lists.
    type Item: Send + 'static;
    /// How many items this page holds (its `results`, whatever `rowCount` says).
    fn rows(&self) -> usize;
    /// How many items the whole list holds.
    fn total_count(&self) -> i64;
    /// The page's items.
    fn into_results(self) -> Vec<Self::Item>;
}

/// Declares each page model (the API's envelope around one kind of item; uniffi and napi types
/// cannot be generic) with its [`Page`] implementation.
macro_rules! page_models {
    ($($(#[$doc:meta])* $page:ident of $item:ident;)*) => {$(
        crate::foreign::response_models! {
        $(#[$doc])*
        #[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
        #[derive(Clone, Debug, PartialEq, Deserialize)]
        #[serde(rename_all = "camelCase")]
        #[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
        pub struct $page {
            /// This page's number, as the server counts (1 for the first).
            #[serde(default)]
            pub current_page: i64,
            /// How many pages the list has at this page size.
            #[serde(default)]
            pub page_count: i64,
            /// The page size asked for (`take`).
            #[serde(default)]
            pub page_size: i64,
            /// How many items this page holds.
            #[serde(default)]
            pub row_count: i64,
            /// How many items the whole list holds.
            #[serde(default)]
            pub total_count: i64,
            /// This page's items, in the server's order.
            #[serde(default)]
            pub results: Vec<$item>,
        }
        }

        impl Page for $page {
            type Item = $item;
            fn rows(&self) -> usize {
                self.results.len()
            }
            fn total_count(&self) -> i64 {
                self.total_count
            }
            fn into_results(self) -> Vec<$item> {
                self.results
            }
        }
    )*};
}

page_models! {
    /// One page of mandates, with the API's totals.
    MandatePage of Mandate;
    /// One page of creditor profiles, with the API's totals.
    CreditorProfilePage of CreditorProfile;
}
