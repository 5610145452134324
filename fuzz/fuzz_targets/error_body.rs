//! Any error answer (status, Retry-After, body) becomes an `Error` whose text forms are one
//! line, bounded, and never panic: the three documented shapes, garbage and hostile JSON alike.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (head, body) = data.split_at(data.len().min(3));
    let status = 400 + u16::from(head.first().copied().unwrap_or(0)) % 200;
    let retry_after = head.get(1).map(|&b| std::time::Duration::from_secs(u64::from(b)));
    let error = imburse::Error::from_response(status, retry_after, body, Some("client-id"), 1);
    let text = error.to_string();
    assert!(!text.contains('\n'), "one line: {text:?}");
    let report = imburse::ErrorReport::from(&error);
    assert_eq!(report.status, Some(status));
    assert!(error.errors().len() <= 100, "entries are capped");
    let _ = format!("{error:?}");
});
