//! The kotlin binding of the Imburse SDK core.
