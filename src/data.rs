//! The dataset: schema, dates, loading and validation.
pub mod date;
pub mod model;
pub mod validate;
pub mod load;
pub mod csv;
pub mod links;
pub mod changelog;
pub mod synth;
