//! The python binding of the Imburse SDK core.
