//! The Imburse SDK core: every behaviour the language bindings expose is decided here, once.
