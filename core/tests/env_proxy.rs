//! `HTTPS_PROXY`/`HTTP_PROXY` from the environment are honoured by default, and ignored when the
//! client is told not to. Alone in its own test binary because it changes the process environment.

mod common;

use common::*;
use imburse::{CallOptions, ErrorKind};

#[tokio::test]
async fn environment_proxies_are_honoured_unless_turned_off() {
    let h = Harness::start().await;
    // SAFETY: this test binary runs this one test, so no other thread reads the environment.
    unsafe {
        std::env::set_var("HTTP_PROXY", &h.info.url);
        std::env::remove_var("NO_PROXY");
    }
    let through_env = imburse::Client::new(h.config().base_url("http://imburse-api.invalid").build().unwrap()).unwrap();
    assert!(through_env.get_or_create_customer("C-ENV", &CallOptions::new()).await.is_ok());

    let direct =
        imburse::Client::new(h.config().base_url("http://imburse-api.invalid").use_env_proxy(false).build().unwrap())
            .unwrap();
    let error = direct.get_or_create_customer("C-ENV", &CallOptions::new()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Connection, "without the proxy the made-up host cannot be reached");
}
