//! Collect and payout schemes (Configuration API): which apps and payment methods serve which
//! currencies, countries and amounts. A scheme is a set of drafts, one of them published; a
//! draft holds rules, evaluated narrowest first.
//!
//! The reference shows currencies and countries as codes in requests and as expanded objects
//! in the create response; whether a read returns codes or objects is not captured, so both are
//! read (a bare code becomes an object with only its code).

use serde::Deserialize;

use super::Amount;

// --------------------------------------------------------------- responses

crate::foreign::response_models! {
/// A collect or payout scheme with its drafts.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Scheme {
    /// 32 uppercase hex characters, as instructions name it.
    pub scheme_id: String,
    /// The draft in force, if one is published.
    #[serde(default)]
    pub published_draft_id: Option<String>,
    /// Every draft, the published one included.
    #[serde(default)]
    pub drafts: Vec<SchemeDraft>,
}

/// One version of a scheme's rules.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SchemeDraft {
    /// The draft's id.
    pub draft_id: String,
    /// The scheme's name in this draft.
    #[serde(default)]
    pub name: Option<String>,
    /// Your code for the scheme.
    #[serde(default)]
    pub code: Option<String>,
    /// E.g. `SingleUse`.
    #[serde(default)]
    pub agreement_type: Option<String>,
    /// Its rules, evaluated narrowest first.
    #[serde(default)]
    pub rules: Vec<SchemeRule>,
    /// ISO-8601 text, as the Configuration API writes it.
    #[serde(default)]
    pub last_modified: Option<String>,
}

/// A rule of a draft, with the apps that serve it.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SchemeRule {
    /// The rule's rank among the draft's rules.
    #[serde(default)]
    pub priority: Option<i64>,
    /// The currencies it covers.
    #[serde(default)]
    pub currencies: Vec<Currency>,
    /// The countries it covers.
    #[serde(default)]
    pub countries: Vec<Country>,
    /// Exact decimal text.
    #[serde(default)]
    #[cfg_attr(feature = "napi", napi(ts_type = "string"))]
    pub low_value_inclusive: Option<Amount>,
    /// Exact decimal text.
    #[serde(default)]
    #[cfg_attr(feature = "napi", napi(ts_type = "string"))]
    pub high_value_inclusive: Option<Amount>,
    /// The apps serving it.
    #[serde(default)]
    pub apps: Vec<SchemeApp>,
}

/// An app in a rule, with the payment methods it offers there and those excluded.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SchemeApp {
    /// E.g. `STRIPE`.
    #[serde(default)]
    pub app_id: String,
    /// The payment methods the app offers here.
    #[serde(default)]
    pub available_payment_methods: Vec<String>,
    /// The payment methods the rule excludes.
    #[serde(default)]
    pub excluded_payment_methods: Vec<String>,
}

/// A currency as the API expands it (`{id, code, numeric, name, symbol,
/// numberOfDecimalPlaces}`), or only its code when it sent the bare code.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(from = "CodeOr<CurrencyObject>")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Currency {
    /// ISO 4217, e.g. `GBP`.
    pub code: String,
    /// ISO 4217 numeric code.
    pub numeric: Option<String>,
    /// The currency's name.
    pub name: Option<String>,
    /// E.g. `£`.
    pub symbol: Option<String>,
    /// Digits after the decimal point in its amounts.
    pub number_of_decimal_places: Option<i64>,
}

/// A country as the API expands it (`{id, code, numeric, name, currency}`), or only its code.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(from = "CodeOr<CountryObject>")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Country {
    /// ISO 3166-1 alpha-2, e.g. `GB`.
    pub code: String,
    /// ISO 3166-1 numeric code.
    pub numeric: Option<String>,
    /// The country's name.
    pub name: Option<String>,
    /// The country's currency code.
    pub currency: Option<String>,
}

/// A payout (reward) option a payout scheme offers for an amount, currency and country.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PayoutOption {
    /// The reward's id.
    pub reward_id: String,
    /// E.g. `Amazon.co.uk Gift Card`.
    #[serde(default)]
    pub reward_name: Option<String>,
    /// The kind of reward.
    #[serde(default)]
    pub reward_type: Option<String>,
    /// E.g. `ACTIVE`.
    #[serde(default)]
    pub status: Option<String>,
    /// ISO 3166-1 alpha-2 codes it is offered in.
    #[serde(default)]
    pub countries: Vec<String>,
    /// ISO 4217.
    #[serde(default)]
    pub currency_code: Option<String>,
    /// `VARIABLE_VALUE` (any amount between the bounds) or `FIXED_VALUE`.
    #[serde(default)]
    pub value_type: Option<String>,
    /// A fixed-value reward's amount, exact decimal text.
    #[serde(default)]
    #[cfg_attr(feature = "napi", napi(ts_type = "string"))]
    pub fixed_value: Option<Amount>,
    /// A variable reward's lowest amount, exact decimal text.
    #[serde(default)]
    #[cfg_attr(feature = "napi", napi(ts_type = "string"))]
    pub min_value: Option<Amount>,
    /// A variable reward's highest amount, exact decimal text.
    #[serde(default)]
    #[cfg_attr(feature = "napi", napi(ts_type = "string"))]
    pub max_value: Option<Amount>,
    /// How the recipient redeems it.
    #[serde(default)]
    pub redemption_instructions: Option<String>,
    /// The app that pays it out.
    #[serde(default)]
    pub app: Option<PayoutOptionApp>,
}

/// The app behind a payout option.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PayoutOptionApp {
    /// E.g. `TANGOCARD_RAAS`.
    pub app_id: String,
    /// The app's name.
    #[serde(default)]
    pub name: Option<String>,
}

/// The payout options for a lookup. The reference does not show the answer's wrapper: a bare
/// list and an object holding the list (`options`, `payoutOptions`, `rewards`) are both read.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(from = "super::Listed<PayoutOption>")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PayoutOptionList {
    /// The options, in the server's order.
    pub options: Vec<PayoutOption>,
}

/// The answer to listing schemes (`{schemes: […]}`).
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SchemeList {
    /// The schemes, in the server's order.
    #[serde(default)]
    pub schemes: Vec<Scheme>,
}
}

/// A value the API sends either as a bare code or as an object.
#[derive(Deserialize)]
#[serde(untagged)]
enum CodeOr<T> {
    Code(String),
    Object(T),
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CurrencyObject {
    #[serde(default)]
    code: String,
    #[serde(default, deserialize_with = "super::text_lenient")]
    numeric: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    symbol: Option<String>,
    #[serde(default)]
    number_of_decimal_places: Option<i64>,
}

#[derive(Deserialize)]
struct CountryObject {
    #[serde(default)]
    code: String,
    #[serde(default, deserialize_with = "super::text_lenient")]
    numeric: Option<String>,
    #[serde(default)]
    name: Option<String>,
    /// A code, or an expanded currency whose code is kept.
    #[serde(default)]
    currency: Option<CodeOr<CurrencyObject>>,
}

impl From<CodeOr<CurrencyObject>> for Currency {
    fn from(value: CodeOr<CurrencyObject>) -> Self {
        match value {
            CodeOr::Code(code) => {
                Currency { code, numeric: None, name: None, symbol: None, number_of_decimal_places: None }
            }
            CodeOr::Object(c) => Currency {
                code: c.code,
                numeric: c.numeric,
                name: c.name,
                symbol: c.symbol,
                number_of_decimal_places: c.number_of_decimal_places,
            },
        }
    }
}

impl From<CodeOr<CountryObject>> for Country {
    fn from(value: CodeOr<CountryObject>) -> Self {
        match value {
            CodeOr::Code(code) => Country { code, numeric: None, name: None, currency: None },
            CodeOr::Object(c) => Country {
                code: c.code,
                numeric: c.numeric,
                name: c.name,
                currency: c.currency.map(|currency| match currency {
                    CodeOr::Code(code) => code,
                    CodeOr::Object(object) => object.code,
                }),
            },
        }
    }
}

impl From<super::Listed<PayoutOption>> for PayoutOptionList {
    fn from(listed: super::Listed<PayoutOption>) -> Self {
        PayoutOptionList { options: listed.into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payout_options_read_as_a_bare_list_or_wrapped() {
        let one = r#"{"rewardId":"R1","valueType":"FIXED_VALUE","fixedValue":10.00,"app":{"appId":"TANGOCARD_RAAS"}}"#;
        let bare: PayoutOptionList = serde_json::from_str(&format!("[{one}]")).unwrap();
        let wrapped: PayoutOptionList = serde_json::from_str(&format!(r#"{{"payoutOptions":[{one}]}}"#)).unwrap();
        assert_eq!(bare, wrapped);
        assert_eq!(bare.options[0].fixed_value.as_ref().unwrap().as_str(), "10.00");
        assert_eq!(bare.options[0].app.as_ref().unwrap().app_id, "TANGOCARD_RAAS");
    }

    #[test]
    fn currencies_and_countries_read_as_codes_or_objects() {
        let json = r#"{"priority":1,"currencies":["GBP",{"id":"x","code":"EUR","numeric":978,"name":"Euro","symbol":"€","numberOfDecimalPlaces":2}],
            "countries":["GB",{"code":"IE","numeric":"372","name":"Ireland","currency":{"code":"EUR"}}],
            "lowValueInclusive":0.01,"highValueInclusive":"1000.00","apps":[{"appId":"STRIPE","availablePaymentMethods":["CARD"]}]}"#;
        let rule: SchemeRule = serde_json::from_str(json).unwrap();
        assert_eq!(rule.currencies[0].code, "GBP");
        assert_eq!(rule.currencies[0].name, None);
        assert_eq!(rule.currencies[1].numeric.as_deref(), Some("978"));
        assert_eq!(rule.currencies[1].number_of_decimal_places, Some(2));
        assert_eq!(rule.countries[1].currency.as_deref(), Some("EUR"));
        assert_eq!(rule.high_value_inclusive.unwrap().as_str(), "1000.00");
        assert_eq!(rule.apps[0].excluded_payment_methods, Vec::<String>::new());
    }
}
