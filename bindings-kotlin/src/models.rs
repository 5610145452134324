//! What a call returns on the Kotlin and Swift side: the core's data (its models are uniffi
//! records in the core itself, package `com.imburse.core`) with how the call went.
//!
//! Only the call's own figures are shaped here: the core counts statuses and attempts in
//! unsigned integers, which Kotlin would expose as `UShort`/`UInt`, types Java cannot call
//! comfortably; here they are `Int`.

use imburse::models as core;
use imburse::models::Metadata;

// Methods take metadata as the core's map, which the core declares to uniffi.
uniffi::use_remote_type!(imburse::Metadata);

/// How a successful call went: the final status, the attempts it took, and the
/// `X-Correlation-ID` every attempt carried.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
pub struct ResponseMeta {
    pub status: i32,
    pub attempts: i32,
    pub client_correlation_id: String,
}

impl From<imburse::ResponseMeta> for ResponseMeta {
    fn from(m: imburse::ResponseMeta) -> Self {
        ResponseMeta {
            status: i32::from(m.status),
            attempts: i32::try_from(m.attempts).unwrap_or(i32::MAX),
            client_correlation_id: m.client_correlation_id,
        }
    }
}

/// How create order / create instruction ended.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
pub struct Created {
    /// 201 (created) or 202 (accepted: an order with instructions).
    pub status: i32,
    /// True when an attempt's outcome was unknown, a retry found the entity already there, and
    /// the SDK confirmed it is the one this call sent.
    pub reconciled: bool,
}

impl From<core::Created> for Created {
    fn from(c: core::Created) -> Self {
        Created { status: i32::from(c.status), reconciled: c.reconciled }
    }
}

/// Declares `$name { data, meta: ResponseMeta }` for each result of the core's list
/// (`imburse::for_each_response!`) and its conversion from the core's `Response`, since uniffi
/// records cannot be generic. The data is the core's record, except for create order /
/// instruction, whose figures are shaped here (the first rule).
macro_rules! responses {
    (@one $(#[$doc:meta])* CreatedResponse <- Created) => {
        $(#[$doc])*
        #[derive(uniffi::Record, Clone, Debug, PartialEq)]
        pub struct CreatedResponse {
            pub data: Created,
            pub meta: ResponseMeta,
        }

        impl From<imburse::Response<core::Created>> for CreatedResponse {
            fn from(r: imburse::Response<core::Created>) -> Self {
                CreatedResponse { data: r.data.into(), meta: r.meta.into() }
            }
        }
    };
    (@one $(#[$doc:meta])* $name:ident <- $core:ident) => {
        $(#[$doc])*
        #[derive(uniffi::Record, Clone, Debug, PartialEq)]
        pub struct $name {
            pub data: core::$core,
            pub meta: ResponseMeta,
        }

        impl From<imburse::Response<core::$core>> for $name {
            fn from(r: imburse::Response<core::$core>) -> Self {
                $name { data: r.data, meta: r.meta.into() }
            }
        }
    };
    ($($(#[$doc:meta])* $name:ident <- $core:ident,)*) => {
        $(responses!(@one $(#[$doc])* $name <- $core);)*
    };
}

imburse::for_each_response!(responses);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_created_response_keeps_status_attempts_and_correlation_id() {
        let core = imburse::Response {
            data: core::Created { status: 202, reconciled: true },
            meta: imburse::ResponseMeta { status: 202, attempts: 2, client_correlation_id: "call-7".into() },
        };
        let r = CreatedResponse::from(core);
        assert_eq!(r.data, Created { status: 202, reconciled: true });
        assert_eq!(r.meta, ResponseMeta { status: 202, attempts: 2, client_correlation_id: "call-7".into() });
    }

    #[test]
    fn attempts_beyond_an_int_saturate() {
        let meta = imburse::ResponseMeta { status: 200, attempts: u32::MAX, client_correlation_id: "c".into() };
        assert_eq!(ResponseMeta::from(meta).attempts, i32::MAX);
    }
}
