//! The documented validation rules and their error codes, in one place.
//!
//! Imburse validates a whole request and answers 400 with every problem it found, each as a
//! code such as `ORDER_REF_LENGTH_OUT_OF_RANGE` (reference §3, §4). A [`Validator`] collects
//! those entries; each entry names the offending property so clients can point at it.
//! Codes the reference does not name (e.g. for `direction`) follow the same `FIELD_PROBLEM`
//! pattern and are listed in the README.

use std::collections::BTreeMap;

use serde_json::value::RawValue;

use crate::config::Limits;
use crate::error::ErrorEntry;

/// Metadata as sent: `null` values are dropped, duplicate keys keep the last value.
pub type MetadataInput = BTreeMap<String, Option<String>>;
pub type Metadata = BTreeMap<String, String>;

pub struct Validator<'a> {
    limits: &'a Limits,
    pub errors: Vec<ErrorEntry>,
}

fn entry(code: &str, template: &str, property: &str) -> ErrorEntry {
    ErrorEntry::new(code, template).with("propertyName", property)
}

impl<'a> Validator<'a> {
    pub fn new(limits: &'a Limits) -> Self {
        Self { limits, errors: Vec::new() }
    }

    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn push(&mut self, entry: ErrorEntry) {
        self.errors.push(entry);
    }

    /// A reference (`orderRef`, `instructionRef`, `customerRef`): required, 1..=50 characters of
    /// `[a-zA-Z0-9-_.]`. `prefix` is the code prefix, e.g. `ORDER_REF`.
    pub fn reference(&mut self, prefix: &str, property: &str, value: Option<&str>) -> bool {
        let Some(value) = value.filter(|v| !v.is_empty()) else {
            self.push(entry(&format!("{prefix}_IS_REQUIRED"), "'{propertyName}' must not be empty.", property));
            return false;
        };
        let mut ok = true;
        let length = value.chars().count();
        if length > self.limits.reference_max_length {
            self.push(
                entry(
                    &format!("{prefix}_LENGTH_OUT_OF_RANGE"),
                    "'{propertyName}' must be between 1 and {maxLength} characters. You entered {length} characters.",
                    property,
                )
                .with("maxLength", self.limits.reference_max_length)
                .with("length", length),
            );
            ok = false;
        }
        if !value.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')) {
            self.push(entry(
                &format!("{prefix}_CONTAINS_INVALID_CHARACTERS"),
                "'{propertyName}' may only contain the characters a-z, A-Z, 0-9, '-', '_' and '.'.",
                property,
            ));
            ok = false;
        }
        ok
    }

    /// A decimal amount in major units, sent as a JSON number or a string (`10`, `"210.00"`).
    /// Returns the exact decimal text, never a float.
    pub fn amount(&mut self, property: &str, raw: Option<&RawValue>) -> Option<String> {
        let text = raw.map(|r| r.get().trim());
        let text = match text {
            Some(t) if t.starts_with('"') => serde_json::from_str::<String>(t).ok(),
            Some(t) => Some(t.to_string()),
            None => None,
        };
        let Some(text) = text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty()) else {
            self.push(entry("AMOUNT_IS_REQUIRED", "'{propertyName}' must not be empty.", property));
            return None;
        };
        if !is_plain_decimal(&text) {
            self.push(
                entry(
                    "AMOUNT_FORMAT_NOT_RECOGNISED",
                    "'{propertyName}' value {value} is not a decimal amount.",
                    property,
                )
                .with("value", &text),
            );
            return None;
        }
        let positive = !text.starts_with('-') && text.bytes().any(|b| (b'1'..=b'9').contains(&b));
        if !positive {
            self.push(
                entry("AMOUNT_OUT_OF_RANGE", "'{propertyName}' must be greater than 0. You entered {value}.", property)
                    .with("value", &text),
            );
            return None;
        }
        Some(normalise_decimal(&text))
    }

    /// A code of `len` uppercase letters: ISO 4217 currencies (3) and ISO 3166-1 alpha-2
    /// countries (2).
    pub fn iso_code(&mut self, prefix: &str, property: &str, value: Option<&str>, len: usize) -> Option<String> {
        let Some(value) = value.filter(|v| !v.is_empty()) else {
            self.push(entry(&format!("{prefix}_IS_REQUIRED"), "'{propertyName}' must not be empty.", property));
            return None;
        };
        if value.chars().count() != len {
            self.push(
                entry(
                    &format!("{prefix}_LENGTH_OUT_OF_RANGE"),
                    "'{propertyName}' must be {length} characters in length.",
                    property,
                )
                .with("length", len),
            );
            return None;
        }
        if !value.bytes().all(|b| b.is_ascii_uppercase()) {
            self.push(
                entry(
                    &format!("{prefix}_FORMAT_NOT_RECOGNISED"),
                    "'{propertyName}' value {value} must be {length} uppercase letters.",
                    property,
                )
                .with("value", value)
                .with("length", len),
            );
            return None;
        }
        Some(value.to_string())
    }

    /// `DEBIT` (collect) or `CREDIT` (pay out).
    pub fn direction(&mut self, property: &str, value: Option<&str>) -> Option<String> {
        match value.map(str::to_ascii_uppercase).as_deref() {
            None | Some("") => {
                self.push(entry("DIRECTION_IS_REQUIRED", "'{propertyName}' must not be empty.", property));
                None
            }
            Some(d @ ("DEBIT" | "CREDIT")) => Some(d.to_string()),
            Some(_) => {
                self.push(entry("DIRECTION_NOT_RECOGNISED", "'{propertyName}' must be DEBIT or CREDIT.", property));
                None
            }
        }
    }

    /// A scheme id: 32 hex characters (current samples) or a GUID (2019 samples), and one of
    /// the tenant's configured schemes. `None` means "not given here".
    pub fn scheme_id(&mut self, property: &str, value: &str, known: &[String]) -> Option<String> {
        let compact: String = value.chars().filter(|c| *c != '-').collect::<String>().to_ascii_uppercase();
        let hex32 = compact.len() == 32 && compact.bytes().all(|b| b.is_ascii_hexdigit());
        if !hex32 || (value.contains('-') && uuid::Uuid::parse_str(value).is_err()) {
            self.push(
                entry("SCHEME_FORMAT_NOT_RECOGNISED", "'{propertyName}' value {value} is not a scheme id.", property)
                    .with("value", value),
            );
            return None;
        }
        let recognised =
            known.iter().any(|k| k.chars().filter(|c| *c != '-').collect::<String>().eq_ignore_ascii_case(&compact));
        if !recognised {
            self.push(
                entry("SCHEME_ID_NOT_RECOGNISED", "Scheme {value} is not configured for this tenant.", property)
                    .with("value", value),
            );
            return None;
        }
        Some(value.to_string())
    }

    /// `YYYY-MM-DD`, a real calendar date.
    pub fn settled_by_date(&mut self, property: &str, value: Option<&str>) -> Option<String> {
        let value = value.filter(|v| !v.is_empty())?;
        if is_calendar_date(value) {
            Some(value.to_string())
        } else {
            self.push(
                entry(
                    "SETTLED_BY_DATE_IS_INVALID",
                    "'{propertyName}' value {value} is not a date of the form YYYY-MM-DD.",
                    property,
                )
                .with("value", value),
            );
            None
        }
    }

    /// Metadata: null values dropped; key and value sizes and the number of keys limited.
    pub fn metadata(&mut self, property: &str, value: Option<MetadataInput>) -> Metadata {
        let metadata: Metadata = value.unwrap_or_default().into_iter().filter_map(|(k, v)| Some((k, v?))).collect();
        if metadata.len() > self.limits.metadata_max_keys {
            self.push(
                entry("METADATA_KEY_COUNT_OUT_OF_RANGE", "Metadata must not have more than {maxKeys} keys.", property)
                    .with("maxKeys", self.limits.metadata_max_keys),
            );
        }
        for (key, value) in &metadata {
            let key_len = key.chars().count();
            if key_len == 0 || key_len > self.limits.metadata_key_max_length {
                self.push(
                    entry(
                        "METADATA_KEY_SIZE_OUT_OF_RANGE",
                        "Metadata key {key} must not exceed {maxKeySize} in length.",
                        property,
                    )
                    .with("key", key)
                    .with("maxKeySize", self.limits.metadata_key_max_length),
                );
            }
            if value.chars().count() > self.limits.metadata_value_max_length {
                self.push(
                    entry(
                        "METADATA_VALUE_SIZE_OUT_OF_RANGE",
                        "Metadata value size for key {key} must not exceed {maxValueSize}.",
                        property,
                    )
                    .with("key", key)
                    .with("maxValueSize", self.limits.metadata_value_max_length),
                );
            }
        }
        metadata
    }
}

/// `-?digits(.digits)?`: what a decimal amount may look like (no exponents, no signs but '-').
pub fn is_plain_decimal(text: &str) -> bool {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && fraction.is_none_or(digits)
}

/// A plain decimal as an integer of its smallest unit and the number of fraction digits
/// (`"12.50"` → `(1250, 2)`); `None` past 38 digits.
fn scaled(text: &str) -> Option<(i128, u32)> {
    if !is_plain_decimal(text) {
        return None;
    }
    let negative = text.starts_with('-');
    let unsigned = text.trim_start_matches('-');
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let value: i128 = format!("{whole}{fraction}").parse().ok()?;
    Some((if negative { -value } else { value }, u32::try_from(fraction.len()).ok()?))
}

/// `a - b` for plain decimals, exactly, with as many fraction digits as the longer of the two
/// (`"25.00" - "4.5"` → `"20.50"`); `None` when either is not a plain decimal or too long.
pub fn decimal_difference(a: &str, b: &str) -> Option<String> {
    let ((x, x_scale), (y, y_scale)) = (scaled(a)?, scaled(b)?);
    let scale = x_scale.max(y_scale);
    let x = x.checked_mul(10i128.checked_pow(scale - x_scale)?)?;
    let y = y.checked_mul(10i128.checked_pow(scale - y_scale)?)?;
    let difference = x.checked_sub(y)?;
    let digits = format!("{:0>width$}", difference.unsigned_abs(), width = scale as usize + 1);
    let (whole, fraction) = digits.split_at(digits.len() - scale as usize);
    let sign = if difference < 0 { "-" } else { "" };
    Some(if scale == 0 { format!("{sign}{whole}") } else { format!("{sign}{whole}.{fraction}") })
}

/// Whether a plain decimal is above zero (`"0.01"` yes; `"0.00"`, `"-1"`, `"abc"` no), exactly.
pub fn is_positive_decimal(text: &str) -> bool {
    scaled(text).is_some_and(|(value, _)| value > 0)
}

/// Drops redundant leading zeros ("007.50" → "7.50") so the stored text is a valid JSON number;
/// trailing zeros are kept because they are what the client sent.
pub fn normalise_decimal(text: &str) -> String {
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text, None),
    };
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    match fraction {
        Some(f) => format!("{whole}.{f}"),
        None => whole.to_string(),
    }
}

fn is_calendar_date(value: &str) -> bool {
    let bytes = value.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = &value[range];
        part.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse().ok()).flatten()
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_differences_are_exact() {
        let cases = [
            ("25.00", "4.5", Some("20.50")),
            ("10", "10", Some("0")),
            ("0.1", "0.3", Some("-0.2")),
            ("1", "0.001", Some("0.999")),
            ("-1.5", "-2", Some("0.5")),
            ("1e3", "1", None),
            ("99999999999999999999999999999999999999999", "1", None),
        ];
        for (a, b, expected) in cases {
            assert_eq!(decimal_difference(a, b).as_deref(), expected, "{a} - {b}");
        }
    }

    #[test]
    fn positive_decimals_are_above_zero_exactly() {
        for (text, positive) in
            [("0.01", true), ("12", true), ("0", false), ("0.00", false), ("-1", false), ("abc", false), ("1e3", false)]
        {
            assert_eq!(is_positive_decimal(text), positive, "{text}");
        }
    }

    fn codes(v: &Validator) -> Vec<String> {
        v.errors.iter().map(|e| e.code.clone()).collect()
    }

    #[test]
    fn references() {
        let limits = Limits::default();
        let cases: [(Option<&str>, &[&str]); 6] = [
            (Some("ORDER-1_a.b"), &[]),
            (None, &["ORDER_REF_IS_REQUIRED"]),
            (Some(""), &["ORDER_REF_IS_REQUIRED"]),
            (Some(&"x".repeat(51)), &["ORDER_REF_LENGTH_OUT_OF_RANGE"]),
            (Some("has space"), &["ORDER_REF_CONTAINS_INVALID_CHARACTERS"]),
            (Some(&"é".repeat(51)), &["ORDER_REF_LENGTH_OUT_OF_RANGE", "ORDER_REF_CONTAINS_INVALID_CHARACTERS"]),
        ];
        for (value, expected) in cases {
            let mut v = Validator::new(&limits);
            v.reference("ORDER_REF", "orderRef", value);
            assert_eq!(codes(&v), expected, "{value:?}");
        }
        let mut v = Validator::new(&limits);
        assert!(v.reference("ORDER_REF", "orderRef", Some(&"x".repeat(50))));
    }

    #[test]
    fn amounts_are_exact_and_positive() {
        let limits = Limits::default();
        let cases: [(Option<&str>, Result<&str, &str>); 11] = [
            (Some("10"), Ok("10")),
            (Some("12.34"), Ok("12.34")),
            (Some("\"210.00\""), Ok("210.00")),
            (Some("0.10"), Ok("0.10")),
            (Some("\"007.50\""), Ok("7.50")),
            (Some("0"), Err("AMOUNT_OUT_OF_RANGE")),
            (Some("-5"), Err("AMOUNT_OUT_OF_RANGE")),
            (Some("\"abc\""), Err("AMOUNT_FORMAT_NOT_RECOGNISED")),
            (Some("1e3"), Err("AMOUNT_FORMAT_NOT_RECOGNISED")),
            (Some("\"\""), Err("AMOUNT_IS_REQUIRED")),
            (None, Err("AMOUNT_IS_REQUIRED")),
        ];
        for (raw, expected) in cases {
            let raw = raw.map(|r| RawValue::from_string(r.to_string()).unwrap());
            let mut v = Validator::new(&limits);
            let got = v.amount("amount", raw.as_deref());
            match expected {
                Ok(text) => assert_eq!(got.as_deref(), Some(text)),
                Err(code) => assert_eq!(codes(&v), [code]),
            }
        }
    }

    #[test]
    fn currency_country_direction_date() {
        let limits = Limits::default();
        let mut v = Validator::new(&limits);
        assert_eq!(v.iso_code("CURRENCY", "currency", Some("GBP"), 3).as_deref(), Some("GBP"));
        v.iso_code("CURRENCY", "currency", None, 3);
        v.iso_code("CURRENCY", "currency", Some("GBPX"), 3);
        v.iso_code("COUNTRY", "country", Some("gb"), 2);
        v.direction("direction", Some("sideways"));
        v.settled_by_date("settledByDate", Some("2026-02-30"));
        assert_eq!(
            codes(&v),
            [
                "CURRENCY_IS_REQUIRED",
                "CURRENCY_LENGTH_OUT_OF_RANGE",
                "COUNTRY_FORMAT_NOT_RECOGNISED",
                "DIRECTION_NOT_RECOGNISED",
                "SETTLED_BY_DATE_IS_INVALID"
            ]
        );
        assert!(is_calendar_date("2024-02-29") && !is_calendar_date("2023-02-29"));
    }

    #[test]
    fn schemes_must_be_well_formed_and_configured() {
        let limits = Limits::default();
        let known = vec!["654EB81FF7F07F7CF5A1EE3FF6972E90".to_string()];
        let mut v = Validator::new(&limits);
        assert!(v.scheme_id("schemeId", "654eb81ff7f07f7cf5a1ee3ff6972e90", &known).is_some());
        v.scheme_id("schemeId", "not-a-scheme", &known);
        v.scheme_id("schemeId", "EEAB9BBF6F8FA16D711798D14B65E066", &known);
        assert_eq!(codes(&v), ["SCHEME_FORMAT_NOT_RECOGNISED", "SCHEME_ID_NOT_RECOGNISED"]);
    }

    #[test]
    fn metadata_limits_and_nulls() {
        let limits = Limits::default();
        let mut v = Validator::new(&limits);
        let input: MetadataInput = [
            ("name".to_string(), Some("Jane".to_string())),
            ("dropped".to_string(), None),
            ("k".repeat(101), Some("v".into())),
            ("long".to_string(), Some("v".repeat(257))),
        ]
        .into_iter()
        .collect();
        let kept = v.metadata("metadata", Some(input));
        assert!(!kept.contains_key("dropped"));
        assert_eq!(codes(&v), ["METADATA_KEY_SIZE_OUT_OF_RANGE", "METADATA_VALUE_SIZE_OUT_OF_RANGE"]);
        assert_eq!(v.errors[0].metadata["maxKeySize"], "100");
    }
}
