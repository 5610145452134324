//! The node binding of the Imburse SDK core.
