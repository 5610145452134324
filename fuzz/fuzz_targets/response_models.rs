//! Every result the SDK decodes (the core's list of responses) either decodes or is refused:
//! never a panic, whatever the server sends. The first byte picks the model.
#![no_main]

use imburse::models::*;
use libfuzzer_sys::fuzz_target;

fn decode<T: serde::de::DeserializeOwned + std::fmt::Debug>(body: &[u8]) {
    if let Ok(value) = serde_json::from_slice::<T>(body) {
        let _ = format!("{value:?}");
    }
}

// Every data type of the list but `Created`, which the SDK makes from the status, not a body.
macro_rules! decoders {
    (@acc [$($acc:ty),*]) => {
        const DECODERS: &[fn(&[u8])] = &[$(decode::<$acc>),*];
    };
    (@acc [$($acc:ty),*] $(#[$doc:meta])* CreatedResponse <- Created, $($rest:tt)*) => {
        decoders!(@acc [$($acc),*] $($rest)*);
    };
    (@acc [$($acc:ty),*] $(#[$doc:meta])* $name:ident <- $data:ident, $($rest:tt)*) => {
        decoders!(@acc [$($acc,)* $data] $($rest)*);
    };
    ($($rest:tt)*) => {
        decoders!(@acc [] $($rest)*);
    };
}

imburse::for_each_response!(decoders);

fuzz_target!(|data: &[u8]| {
    if let Some((&pick, body)) = data.split_first() {
        DECODERS[usize::from(pick) % DECODERS.len()](body);
    }
});
