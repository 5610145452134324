//! Reading the three documented error body shapes (and surviving anything else), and the text
//! helpers that keep server text to one safe line.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::{ErrorEntry, ErrorKind, MAX_ENTRIES, PARSE_LIMIT, RAW_BODY_LIMIT};

/// What a response body yielded.
#[derive(Debug, Default)]
pub(super) struct ParsedBody {
    pub(super) entries: Vec<ErrorEntry>,
    pub(super) correlation_id: Option<String>,
}

/// Reads any of the three documented error shapes; anything else yields an
/// empty result rather than an error.
pub(super) fn parse_error_body(body: &[u8]) -> ParsedBody {
    if body.is_empty() || body.len() > PARSE_LIMIT {
        return ParsedBody::default();
    }
    // serde_json limits nesting depth, so hostile input cannot overflow the
    // stack; invalid UTF-8 and truncated documents simply fail to parse.
    let Ok(Value::Object(root)) = serde_json::from_slice::<Value>(body) else {
        return ParsedBody::default();
    };

    // Classic and mandates bodies carry `correlationId`; problem details
    // carry `trace.requestId`; `traceId` is the mandates fallback.
    let correlation_id = string_field(&root, "correlationId")
        .or_else(|| root.get("trace").and_then(Value::as_object).and_then(|trace| string_field(trace, "requestId")))
        .or_else(|| string_field(&root, "traceId"));

    let mut entries: Vec<ErrorEntry> = match root.get("errors") {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_object)
            .map(entry_from_object)
            .filter(|entry| *entry != ErrorEntry::default())
            .take(MAX_ENTRIES)
            .collect(),
        _ => Vec::new(),
    };

    // Problem details (and a mandates body without an `errors` list) carry
    // their one error in `title`/`detail`.
    if entries.is_empty() {
        let code = string_field(&root, "title").unwrap_or_default();
        let message = string_field(&root, "detail").unwrap_or_default();
        if !code.is_empty() || !message.is_empty() {
            entries.push(ErrorEntry { code, message, message_template: None, metadata: BTreeMap::new() });
        }
    }

    ParsedBody { entries, correlation_id }
}

/// One entry of an `errors` list: `errorCode`/`message` in the classic
/// shape, `title`/`detail` in the mandates shape.
fn entry_from_object(object: &Map<String, Value>) -> ErrorEntry {
    let code = string_field(object, "errorCode")
        .or_else(|| string_field(object, "code"))
        .or_else(|| string_field(object, "title"))
        .unwrap_or_default();
    let message = string_field(object, "message").or_else(|| string_field(object, "detail")).unwrap_or_default();
    let metadata = object
        .get("metadata")
        .and_then(Value::as_object)
        .map(|map| map.iter().map(|(key, value)| (key.clone(), stringify(value))).collect())
        .unwrap_or_default();
    let message_template = string_field(object, "messageTemplate");
    let message = match &message_template {
        Some(template) if message.trim().is_empty() => fill_template(template, &metadata),
        _ => message,
    };
    ErrorEntry { code, message, message_template, metadata }
}

/// The field's value when it is a string; other types are ignored, because a
/// number where a code belongs is not a code.
fn string_field(object: &Map<String, Value>, key: &str) -> Option<String> {
    object.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn stringify(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Fills `{name}` placeholders from `metadata`, trying the exact key first
/// and then ignoring case (servers are not consistent about key casing).
pub(super) fn fill_template(template: &str, metadata: &BTreeMap<String, String>) -> String {
    let lookup = |name: &str| {
        metadata
            .get(name)
            .or_else(|| metadata.iter().find(|(key, _)| key.eq_ignore_ascii_case(name)).map(|(_, value)| value))
    };
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find(['{', '}']) {
            Some(close) if after[close..].starts_with('}') && close > 0 => {
                let name = &after[..close];
                match lookup(name) {
                    Some(value) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The reason phrase for a status ("Service Unavailable"), or the kind's
/// label for statuses without one.
pub(super) fn status_summary(status: u16, kind: ErrorKind) -> &'static str {
    http::StatusCode::from_u16(status).ok().and_then(|code| code.canonical_reason()).unwrap_or_else(|| kind.label())
}

/// Server text made safe for one log line: every run of whitespace or
/// control characters becomes one space, and the text is cut at `max_chars`.
pub(super) fn one_line(text: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max_chars.saturating_add(4)));
    let mut pending_space = false;
    let mut count = 0usize;
    for c in text.chars() {
        if c.is_whitespace() || c.is_control() {
            pending_space = !out.is_empty();
            continue;
        }
        if count >= max_chars {
            out.push('…');
            return out;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
        count += 1;
    }
    out
}

pub(super) fn truncate_chars(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// The first [`RAW_BODY_LIMIT`] bytes of `body` as text, cut at a character
/// boundary, invalid UTF-8 replaced.
pub(super) fn cap_raw_body(body: &[u8]) -> String {
    let mut end = body.len().min(RAW_BODY_LIMIT);
    // Back off over continuation bytes so a valid multi-byte character cut
    // by the limit is dropped whole rather than turned into U+FFFD.
    if end < body.len() {
        let mut stepped = 0;
        while end > 0 && stepped < 3 && body[end] & 0xC0 == 0x80 {
            end -= 1;
            stepped += 1;
        }
    }
    let mut text = String::from_utf8_lossy(&body[..end]).into_owned();
    // Replacement characters are wider than the bytes they replace.
    if text.len() > RAW_BODY_LIMIT {
        let mut cut = RAW_BODY_LIMIT;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
    }
    text
}
