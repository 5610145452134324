//! Authentication against the Imburse identity endpoint. The HMAC header
//! proves possession of the key pair and is exchanged once for a bearer
//! token; every other call carries the token, which `token` caches.

pub mod hmac;
pub(crate) mod token;

pub use self::hmac::HmacSigner;
