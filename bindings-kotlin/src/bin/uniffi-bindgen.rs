//! The bindings generator, built from the same uniffi version as the library so the metadata
//! it reads from `libimburse_kotlin.so` always matches.

fn main() {
    uniffi::uniffi_bindgen_main()
}
