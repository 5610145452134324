//! Buys an access token from a running emulator (or any Imburse environment), the way every
//! client does: sign an empty body with the HMAC key, POST it to `/v1/identity/hmac`.
//!
//! ```text
//! cargo run -p imburse-emulator --example get_token -- http://127.0.0.1:PORT [PUBLIC_KEY PRIVATE_KEY]
//! ```
//! Prints the access token on stdout; without keys it uses the emulator's demo key.

use imburse_emulator::auth::hmac;
use imburse_emulator::config::{DEMO_PRIVATE_KEY, DEMO_PUBLIC_KEY};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (url, public_key, private_key) = match args.as_slice() {
        [url] => (url.as_str(), DEMO_PUBLIC_KEY, DEMO_PRIVATE_KEY),
        [url, public_key, private_key] => (url.as_str(), public_key.as_str(), private_key.as_str()),
        _ => return Err("usage: get_token URL [PUBLIC_KEY PRIVATE_KEY]".into()),
    };
    let nonce = uuid::Uuid::new_v4().simple().to_string();
    let timestamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_secs();
    let authorization = hmac::authorization_header(public_key, private_key, &nonce, &timestamp.to_string(), b"")?;
    let response = reqwest::Client::new()
        .post(format!("{}/v1/identity/hmac", url.trim_end_matches('/')))
        .header("authorization", authorization)
        .send()
        .await?;
    let status = response.status();
    let body: serde_json::Value = response.json().await?;
    match body["accessToken"].as_str() {
        Some(token) if status.as_u16() == 201 => {
            println!("{token}");
            Ok(())
        }
        _ => Err(format!("identity refused ({status}): {body}").into()),
    }
}
