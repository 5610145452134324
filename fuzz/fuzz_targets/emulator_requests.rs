//! Whole requests into the emulator's application, in process: any method, path, headers and
//! body get an answer (a documented error body for a 4xx/5xx), never a panic.
#![no_main]

use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::Request;
use imburse_emulator::{EmulatorConfig, State};
use libfuzzer_sys::fuzz_target;
use tower::ServiceExt;

fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap())
}

fn state() -> Arc<State> {
    static STATE: OnceLock<Arc<State>> = OnceLock::new();
    STATE.get_or_init(|| Arc::new(State::new(EmulatorConfig::demo(), "http://127.0.0.1:1".into()).unwrap())).clone()
}

const METHODS: [&str; 5] = ["GET", "POST", "PUT", "DELETE", "PATCH"];

fuzz_target!(|data: &[u8]| {
    // method byte, then `path\nheader: value\n…\n\nbody`.
    let Some((&method, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let (head, body) = text.split_once("\n\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let path = lines.next().unwrap_or("/");
    let mut request = Request::builder().method(METHODS[usize::from(method) % METHODS.len()]).uri(path);
    for line in lines {
        if let Some((name, value)) = line.split_once(':') {
            request = request.header(name.trim(), value.trim());
        }
    }
    let Ok(request) = request.body(Body::from(body.to_string())) else { return };
    if request.uri().path().starts_with("/__emulator") {
        return; // the control API is the test's own, not a client's
    }
    let response = runtime().block_on(imburse_emulator::routes::app(state()).oneshot(request)).unwrap();
    let status = response.status();
    assert!(status.as_u16() >= 200 && status.as_u16() < 600);
});
