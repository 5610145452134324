//! Client-side validation: what the API reference defines with certainty, checked before
//! anything is sent, reported with the API's own error codes.
//!
//! Only certain rules live here (references: 1–50 characters of `[a-zA-Z0-9-_.]`; ISO 4217 and
//! ISO 3166-1 alpha-2 shapes; amounts are plain decimals above zero; `settledByDate` is
//! `YYYY-MM-DD`). Rules the reference marks uncertain (metadata sizes, instruction counts) are
//! left to the server, so the SDK never refuses what Imburse would accept. Every problem of a
//! request is collected, in field order, into one `InvalidRequest` error.
//!
//! Whatever goes into a URL path (a reference or an id) must also stay one path segment of its
//! own operation: `.` and `..` (which a URL resolves away, reaching another route) and anything
//! outside `[a-zA-Z0-9-_.]` (`/`, `?`, `#`, `%`, spaces, control and non-ASCII characters) are
//! refused before sending. Ids the reference gives no shape for (app ids, draft ids, keys) follow
//! the same characters, up to [`ID_MAX_LENGTH`]: the reading kept in this one place.

use crate::error::{Error, ErrorEntry, ErrorKind};
use crate::models::{
    Amount, ApiKeySettings, IpAllowListUpdate, LicenseUpgradeRequest, NewCheckoutSession, NewInstruction, NewMandate,
    NewMandateSession, NewOrder, NewPayByLink, NewScheme, PayoutOptionsQuery, TenantSettings,
};

const REFERENCE_MAX_LENGTH: usize = 50;
/// Longest id accepted in a path (UUIDs, 32-hex scheme ids and app names are far shorter).
pub(crate) const ID_MAX_LENGTH: usize = 100;

/// The characters a path reference or id may hold.
fn path_safe(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')
}

/// `.` and `..` are valid characters but not valid path segments.
fn dot_segment(value: &str) -> bool {
    value == "." || value == ".."
}

#[derive(Default)]
pub(crate) struct Validator {
    entries: Vec<ErrorEntry>,
}

fn entry(code: String, template: &str, property: &str) -> ErrorEntry {
    let mut metadata = std::collections::BTreeMap::new();
    metadata.insert("propertyName".to_string(), property.to_string());
    ErrorEntry { code, message: String::new(), message_template: Some(template.to_string()), metadata }
}

impl Validator {
    /// `Ok` when nothing was found, else one `InvalidRequest` error listing every problem.
    pub(crate) fn finish(self) -> Result<(), Error> {
        if self.entries.is_empty() { Ok(()) } else { Err(Error::invalid_request(self.entries)) }
    }

    /// A problem found by the caller's own rule.
    pub(crate) fn push(&mut self, entry: ErrorEntry) {
        self.entries.push(entry);
    }

    pub(crate) fn reference(&mut self, prefix: &str, property: &str, value: &str) {
        if value.is_empty() {
            self.entries.push(entry(format!("{prefix}_IS_REQUIRED"), "'{propertyName}' must not be empty.", property));
            return;
        }
        if value.chars().count() > REFERENCE_MAX_LENGTH {
            self.entries.push(entry(
                format!("{prefix}_LENGTH_OUT_OF_RANGE"),
                "'{propertyName}' must be between 1 and 50 characters.",
                property,
            ));
        }
        if !value.chars().all(path_safe) || dot_segment(value) {
            self.entries.push(invalid_characters(prefix, property));
        }
    }

    pub(crate) fn amount(&mut self, property: &str, amount: &Amount) {
        if amount.as_str().is_empty() {
            self.entries.push(entry("AMOUNT_IS_REQUIRED".into(), "'{propertyName}' must not be empty.", property));
        } else if !amount.is_plain_decimal() {
            self.entries.push(entry(
                "AMOUNT_FORMAT_NOT_RECOGNISED".into(),
                "'{propertyName}' must be a decimal number such as 12.34.",
                property,
            ));
        } else if !amount.is_positive() {
            self.entries.push(entry(
                "AMOUNT_OUT_OF_RANGE".into(),
                "'{propertyName}' must be greater than 0.",
                property,
            ));
        }
    }

    /// `len` uppercase ASCII letters (currency 3, country 2).
    pub(crate) fn iso_code(&mut self, prefix: &str, property: &str, value: &str, len: usize) {
        if value.is_empty() {
            self.entries.push(entry(format!("{prefix}_IS_REQUIRED"), "'{propertyName}' must not be empty.", property));
        } else if value.chars().count() != len {
            self.entries.push(entry(
                format!("{prefix}_LENGTH_OUT_OF_RANGE"),
                &format!("'{{propertyName}}' must be {len} characters in length."),
                property,
            ));
        } else if !value.bytes().all(|b| b.is_ascii_uppercase()) {
            self.entries.push(entry(
                format!("{prefix}_FORMAT_NOT_RECOGNISED"),
                &format!("'{{propertyName}}' must be {len} uppercase letters."),
                property,
            ));
        }
    }

    pub(crate) fn date(&mut self, property: &str, value: Option<&str>) {
        if let Some(value) = value
            && !is_calendar_date(value)
        {
            self.entries.push(entry(
                "SETTLED_BY_DATE_IS_INVALID".into(),
                "'{propertyName}' must be a date of the form YYYY-MM-DD.",
                property,
            ));
        }
    }

    pub(crate) fn instruction(&mut self, prefix: &str, instruction: &NewInstruction) {
        let p = |field: &str| format!("{prefix}{field}");
        self.reference("INSTRUCTION_REF", &p("instructionRef"), &instruction.instruction_ref);
        self.reference("CUSTOMER_REF", &p("customerRef"), &instruction.customer_ref);
        self.amount(&p("amount"), &instruction.amount);
        self.iso_code("CURRENCY", &p("currency"), &instruction.currency, 3);
        self.iso_code("COUNTRY", &p("country"), &instruction.country, 2);
        self.date(&p("settledByDate"), instruction.settled_by_date.as_deref());
    }

    pub(crate) fn order(&mut self, order: &NewOrder) {
        self.reference("ORDER_REF", "orderRef", &order.order_ref);
        for customer_ref in order.customer_defaults.keys() {
            self.reference("CUSTOMER_REF", &format!("customerDefaults[{customer_ref}]"), customer_ref);
        }
        for (index, instruction) in order.instructions.iter().enumerate() {
            self.instruction(&format!("instructions[{index}]."), instruction);
        }
    }
}

impl Validator {
    /// A scheme to create: a name, and per rule ISO codes, plain-decimal bounds and app ids.
    pub(crate) fn scheme(&mut self, scheme: &NewScheme) {
        self.name(&scheme.name);
        for (r, rule) in scheme.rules.iter().enumerate() {
            for (i, currency) in rule.currencies.iter().enumerate() {
                self.iso_code("CURRENCY", &format!("rules[{r}].currencies[{i}]"), currency, 3);
            }
            for (i, country) in rule.countries.iter().enumerate() {
                self.iso_code("COUNTRY", &format!("rules[{r}].countries[{i}]"), country, 2);
            }
            for (name, bound) in
                [("lowValueInclusive", &rule.low_value_inclusive), ("highValueInclusive", &rule.high_value_inclusive)]
            {
                if let Some(bound) = bound
                    && !bound.is_plain_decimal()
                {
                    self.entries.push(entry(
                        "AMOUNT_FORMAT_NOT_RECOGNISED".into(),
                        "'{propertyName}' must be a decimal number such as 12.34.",
                        &format!("rules[{r}].{name}"),
                    ));
                }
            }
            for (a, app) in rule.apps.iter().enumerate() {
                if app.app_id.trim().is_empty() {
                    self.entries.push(entry(
                        "APP_ID_IS_REQUIRED".into(),
                        "'{propertyName}' must not be empty.",
                        &format!("rules[{r}].apps[{a}].appId"),
                    ));
                }
            }
        }
    }
}

impl Validator {
    /// A key's name and roles: a name, at least one role, no empty role.
    /// A checkout session: its references, an expiry of at least a second, and the names its
    /// customer type requires (`B2C`: first and last name; `B2B`: the company's).
    pub(crate) fn checkout_session(&mut self, session: &NewCheckoutSession) {
        self.reference("ORDER_REF", "orderRef", &session.order_ref);
        self.reference("INSTRUCTION_REF", "instructionRef", &session.instruction_ref);
        self.expiry(session.expiry_seconds);
        let given = |value: &Option<String>| value.as_deref().is_some_and(|v| !v.trim().is_empty());
        let required: &[(&str, &str, &Option<String>)] = match session.customer_type.as_deref() {
            Some(kind) if kind.eq_ignore_ascii_case("B2C") => &[
                ("CUSTOMER_FIRST_NAME", "customerFirstName", &session.customer_first_name),
                ("CUSTOMER_LAST_NAME", "customerLastName", &session.customer_last_name),
            ],
            Some(kind) if kind.eq_ignore_ascii_case("B2B") => &[("COMPANY_NAME", "companyName", &session.company_name)],
            _ => &[],
        };
        for (prefix, property, value) in required {
            if !given(value) {
                self.entries.push(entry(
                    format!("{prefix}_IS_REQUIRED"),
                    "'{propertyName}' must not be empty.",
                    property,
                ));
            }
        }
    }

    /// A pay-by-link: its references, an expiry of at least a second, and somewhere to send it.
    pub(crate) fn pay_by_link(&mut self, link: &NewPayByLink) {
        self.reference("ORDER_REF", "orderRef", &link.order_ref);
        self.reference("INSTRUCTION_REF", "instructionRef", &link.instruction_ref);
        self.expiry(link.expiry_seconds);
        if link.channels.is_empty() {
            self.entries.push(entry("CHANNELS_IS_REQUIRED".into(), "'{propertyName}' must not be empty.", "channels"));
        }
    }

    /// A mandate-management session: its customer, mandate and action, and an expiry.
    pub(crate) fn mandate_session(&mut self, session: &NewMandateSession) {
        self.reference("CUSTOMER_REF", "customerRef", &session.customer_ref);
        if session.mandate_id.is_empty() {
            self.entries.push(entry(
                "MANDATE_ID_IS_REQUIRED".into(),
                "'{propertyName}' must not be empty.",
                "mandateId",
            ));
        }
        if session.action.trim().is_empty() {
            self.entries.push(entry("ACTION_IS_REQUIRED".into(), "'{propertyName}' must not be empty.", "action"));
        }
        self.expiry(session.expiry_seconds);
    }

    /// `expirySeconds`: at least 1 (reference §3.5).
    fn expiry(&mut self, seconds: i64) {
        if seconds < 1 {
            self.out_of_range(
                "EXPIRY_SECONDS",
                "expirySeconds",
                "'{propertyName}' must be {min} or more.",
                &[("min", 1)],
            );
        }
    }

    /// A page of a paged list: `from` (the first row) 0 or more, `take` 1 to
    /// [`crate::pages::MAX_PAGE_SIZE`], each when given.
    pub(crate) fn page(&mut self, offset: Option<i64>, page_size: Option<i64>) {
        if offset.is_some_and(|from| from < 0) {
            self.out_of_range("FROM", "from", "'{propertyName}' (the first row) must be {min} or more.", &[("min", 0)]);
        }
        let max = crate::pages::MAX_PAGE_SIZE;
        if page_size.is_some_and(|take| !(1..=max).contains(&take)) {
            let template = "'{propertyName}' (the page size) must be between {min} and {max}.";
            self.out_of_range("TAKE", "take", template, &[("min", 1), ("max", max)]);
        }
    }

    /// `<PREFIX>_OUT_OF_RANGE` for `property`, with its bounds in the metadata.
    fn out_of_range(&mut self, prefix: &str, property: &str, template: &str, bounds: &[(&str, i64)]) {
        let mut problem = entry(format!("{prefix}_OUT_OF_RANGE"), template, property);
        problem.metadata.extend(bounds.iter().map(|(name, value)| (name.to_string(), value.to_string())));
        self.entries.push(problem);
    }

    /// A new mandate's references and type; the debtor fields its type requires are the
    /// server's to check (the reference does not list them per type).
    pub(crate) fn mandate(&mut self, mandate: &NewMandate) {
        self.reference("CUSTOMER_REF", "customerRef", &mandate.customer_ref);
        self.reference("CREDITOR_PROFILE_REF", "creditorProfileRef", &mandate.creditor_profile_ref);
        if mandate.mandate_type.trim().is_empty() {
            self.entries.push(entry(
                "MANDATE_TYPE_IS_REQUIRED".into(),
                "'{propertyName}' must not be empty.",
                "mandateType",
            ));
        }
    }

    pub(crate) fn api_key(&mut self, key: &ApiKeySettings) {
        self.name(&key.name);
        if key.roles.is_empty() {
            self.entries.push(entry("ROLES_IS_REQUIRED".into(), "'{propertyName}' must not be empty.", "roles"));
        }
        for (i, role) in key.roles.iter().enumerate() {
            if role.trim().is_empty() {
                self.entries.push(entry(
                    "ROLE_IS_REQUIRED".into(),
                    "'{propertyName}' must not be empty.",
                    &format!("roles[{i}]"),
                ));
            }
        }
    }

    /// A tenant's name, and its country when given (ISO 3166-1 alpha-2).
    pub(crate) fn tenant(&mut self, tenant: &TenantSettings) {
        self.name(&tenant.name);
        if let Some(country) = &tenant.country {
            self.iso_code("COUNTRY", "country", country, 2);
        }
    }

    /// A payout options lookup: a positive amount, ISO codes, and `Exact` or `Max`.
    pub(crate) fn payout_options(&mut self, query: &PayoutOptionsQuery) {
        self.amount("amount", &query.amount);
        self.iso_code("CURRENCY", "currency", &query.currency, 3);
        self.iso_code("COUNTRY", "country", &query.country, 2);
        if let Some(match_type) = &query.match_type
            && !matches!(match_type.as_str(), "Exact" | "Max")
        {
            self.entries.push(entry(
                "MATCH_TYPE_NOT_RECOGNISED".into(),
                "'{propertyName}' must be Exact or Max.",
                "matchType",
            ));
        }
    }

    /// A licence upgrade request: an e-mail address to answer to, limits of -1 or more.
    pub(crate) fn license_upgrade(&mut self, request: &LicenseUpgradeRequest) {
        let email = request.email_address.trim();
        if email.is_empty() {
            self.entries.push(entry(
                "EMAIL_ADDRESS_IS_REQUIRED".into(),
                "'{propertyName}' must not be empty.",
                "emailAddress",
            ));
        } else if !email.split_once('@').is_some_and(|(user, domain)| !user.is_empty() && domain.contains('.')) {
            self.entries.push(entry(
                "EMAIL_ADDRESS_FORMAT_NOT_RECOGNISED".into(),
                "'{propertyName}' must be an e-mail address.",
                "emailAddress",
            ));
        }
        for (property, value) in [("maxTenants", request.max_tenants), ("maxTransactions", request.max_transactions)] {
            if value.is_some_and(|v| v < -1) {
                self.entries.push(entry(
                    format!("{}_OUT_OF_RANGE", to_screaming_snake(property)),
                    "'{propertyName}' must be -1 (unlimited) or more.",
                    property,
                ));
            }
        }
    }

    /// An IP allow list: each range named, two IPv4 addresses, the first not after the last.
    pub(crate) fn ip_allow_list(&mut self, list: &IpAllowListUpdate) {
        for (i, rule) in list.rules.iter().enumerate() {
            if rule.name.trim().is_empty() {
                self.entries.push(entry(
                    "NAME_IS_REQUIRED".into(),
                    "'{propertyName}' must not be empty.",
                    &format!("rules[{i}].name"),
                ));
            }
            let start = self.ipv4(&format!("rules[{i}].ipV4Start"), &rule.ip_v4_start);
            let end = self.ipv4(&format!("rules[{i}].ipV4End"), &rule.ip_v4_end);
            if let (Some(start), Some(end)) = (start, end)
                && start > end
            {
                self.entries.push(entry(
                    "IP_RANGE_OUT_OF_ORDER".into(),
                    "'{propertyName}' must not come after the range's last address.",
                    &format!("rules[{i}].ipV4Start"),
                ));
            }
        }
    }

    fn ipv4(&mut self, property: &str, value: &str) -> Option<std::net::Ipv4Addr> {
        let parsed = value.parse::<std::net::Ipv4Addr>().ok();
        if parsed.is_none() {
            self.entries.push(entry(
                "IP_ADDRESS_FORMAT_NOT_RECOGNISED".into(),
                "'{propertyName}' must be an IPv4 address such as 203.0.113.7.",
                property,
            ));
        }
        parsed
    }

    fn name(&mut self, name: &str) {
        if name.trim().is_empty() {
            self.entries.push(entry("NAME_IS_REQUIRED".into(), "'{propertyName}' must not be empty.", "name"));
        }
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
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// A reference passed as a path argument (get order, get customer…): same rules, one field.
pub(crate) fn path_reference(prefix: &str, property: &str, value: &str) -> Result<(), Error> {
    let mut v = Validator::default();
    v.reference(prefix, property, value);
    v.finish()
}

fn invalid_characters(prefix: &str, property: &str) -> ErrorEntry {
    entry(
        format!("{prefix}_CONTAINS_INVALID_CHARACTERS"),
        "'{propertyName}' may only contain a-z, A-Z, 0-9, '-', '_' and '.' (and may not be '.' or '..').",
        property,
    )
}

/// An id passed as a path argument that has no documented shape: present, at most
/// [`ID_MAX_LENGTH`] characters, path-safe.
pub(crate) fn path_id(property: &str, value: &str) -> Result<(), Error> {
    let prefix = to_screaming_snake(property);
    let problem = if value.is_empty() {
        entry(format!("{prefix}_IS_REQUIRED"), "'{propertyName}' must not be empty.", property)
    } else if value.chars().count() > ID_MAX_LENGTH {
        entry(
            format!("{prefix}_LENGTH_OUT_OF_RANGE"),
            "'{propertyName}' must be between 1 and 100 characters.",
            property,
        )
    } else if !value.chars().all(path_safe) || dot_segment(value) {
        invalid_characters(&prefix, property)
    } else {
        return Ok(());
    };
    Err(Error::invalid_request(vec![problem]))
}

/// Text that must hold a JSON object (an app's configuration): `{…}`, nothing else.
pub(crate) fn json_object(property: &str, text: &str) -> Result<(), Error> {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Object(_)) => Ok(()),
        _ => {
            let code = format!("{}_FORMAT_NOT_RECOGNISED", to_screaming_snake(property));
            Err(Error::invalid_request(vec![entry(
                code,
                "'{propertyName}' must be a JSON object such as {\"merchantId\": \"…\"}.",
                property,
            )]))
        }
    }
}

fn to_screaming_snake(camel: &str) -> String {
    let mut out = String::new();
    for c in camel.chars() {
        if c.is_ascii_uppercase() && !out.is_empty() {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

impl Error {
    /// The error for a request refused before sending, listing every problem found.
    pub(crate) fn invalid_request(entries: Vec<ErrorEntry>) -> Error {
        let mut entries = entries;
        for e in &mut entries {
            e.message = e.rendered_message();
        }
        let message = entries.first().map(|e| e.message.clone()).unwrap_or_default();
        Error::new(ErrorKind::InvalidRequest, message).with_entries(entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::Direction;

    fn instruction() -> NewInstruction {
        NewInstruction {
            instruction_ref: "I-1".into(),
            customer_ref: "C-1".into(),
            direction: Direction::Debit,
            amount: "12.34".into(),
            currency: "GBP".into(),
            country: "GB".into(),
            settled_by_date: Some("2026-02-28".into()),
            scheme_id: None,
            financial_instrument_id: None,
            metadata: Default::default(),
        }
    }

    fn codes(order: &NewOrder) -> Vec<String> {
        let mut v = Validator::default();
        v.order(order);
        match v.finish() {
            Ok(()) => vec![],
            Err(e) => {
                assert_eq!(e.kind(), ErrorKind::InvalidRequest);
                assert_eq!(e.attempts(), 0);
                e.errors().iter().map(|entry| entry.code.clone()).collect()
            }
        }
    }

    #[test]
    fn each_rule_reports_its_documented_code() {
        let base = NewOrder { order_ref: "O-1".into(), instructions: vec![instruction()], ..Default::default() };
        assert!(codes(&base).is_empty());
        type Mutation = fn(&mut NewOrder);
        let cases: &[(Mutation, &[&str])] = &[
            (|o| o.order_ref = String::new(), &["ORDER_REF_IS_REQUIRED"]),
            (|o| o.order_ref = "x".repeat(51), &["ORDER_REF_LENGTH_OUT_OF_RANGE"]),
            (|o| o.order_ref = "a b".into(), &["ORDER_REF_CONTAINS_INVALID_CHARACTERS"]),
            (|o| o.instructions[0].instruction_ref = "i/1".into(), &["INSTRUCTION_REF_CONTAINS_INVALID_CHARACTERS"]),
            (|o| o.instructions[0].customer_ref = String::new(), &["CUSTOMER_REF_IS_REQUIRED"]),
            (|o| o.instructions[0].amount = "12,50".into(), &["AMOUNT_FORMAT_NOT_RECOGNISED"]),
            (|o| o.instructions[0].amount = "0".into(), &["AMOUNT_OUT_OF_RANGE"]),
            (|o| o.instructions[0].amount = "-1".into(), &["AMOUNT_OUT_OF_RANGE"]),
            (|o| o.instructions[0].amount = "".into(), &["AMOUNT_IS_REQUIRED"]),
            (|o| o.instructions[0].currency = "GBPX".into(), &["CURRENCY_LENGTH_OUT_OF_RANGE"]),
            (|o| o.instructions[0].currency = "gbp".into(), &["CURRENCY_FORMAT_NOT_RECOGNISED"]),
            (|o| o.instructions[0].country = "GBR".into(), &["COUNTRY_LENGTH_OUT_OF_RANGE"]),
            (|o| o.instructions[0].settled_by_date = Some("2026-02-30".into()), &["SETTLED_BY_DATE_IS_INVALID"]),
            (
                |o| {
                    o.order_ref = String::new();
                    o.instructions[0].amount = "abc".into();
                    o.instructions[0].country = "G".into();
                },
                &["ORDER_REF_IS_REQUIRED", "AMOUNT_FORMAT_NOT_RECOGNISED", "COUNTRY_LENGTH_OUT_OF_RANGE"],
            ),
        ];
        for (mutate, expected) in cases {
            let mut order = base.clone();
            mutate(&mut order);
            assert_eq!(codes(&order), *expected);
        }
    }

    #[test]
    fn messages_name_the_property() {
        let mut v = Validator::default();
        v.reference("ORDER_REF", "orderRef", "");
        let error = v.finish().unwrap_err();
        assert_eq!(error.errors()[0].message, "'orderRef' must not be empty.");
        assert_eq!(error.code(), Some("ORDER_REF_IS_REQUIRED"));
        assert!(error.to_string().contains("ORDER_REF_IS_REQUIRED"));
    }
}
