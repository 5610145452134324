//! What a call returns on the Kotlin and Swift side: the core's data and the core's
//! `ResponseMeta` (both uniffi records in the core itself, package `com.imburse.core`), one
//! concrete record per data type, since uniffi records cannot be generic.

use imburse::models as core;
use imburse::models::Metadata;

// Methods take metadata as the core's map, which the core declares to uniffi.
uniffi::use_remote_type!(imburse::Metadata);

/// Declares `$name { data, meta }` for each result of the core's list
/// (`imburse::for_each_response!`) and its conversion from the core's `Response`.
macro_rules! responses {
    ($($(#[$doc:meta])* $name:ident <- $core:ident,)*) => {$(
        $(#[$doc])*
        #[derive(uniffi::Record, Clone, Debug, PartialEq)]
        pub struct $name {
            pub data: core::$core,
            pub meta: imburse::ResponseMeta,
        }

        impl From<imburse::Response<core::$core>> for $name {
            fn from(r: imburse::Response<core::$core>) -> Self {
                $name { data: r.data, meta: r.meta }
            }
        }
    )*};
}

imburse::for_each_response!(responses);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_created_response_keeps_status_attempts_and_correlation_id() {
        let meta = imburse::ResponseMeta { status: 202, attempts: 2, client_correlation_id: "call-7".into() };
        let core = imburse::Response { data: core::Created { status: 202, reconciled: true }, meta: meta.clone() };
        let r = CreatedResponse::from(core);
        assert_eq!(r.data, core::Created { status: 202, reconciled: true });
        assert_eq!(r.meta, meta);
    }
}
