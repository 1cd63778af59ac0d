//! Application state (reducer), aggregation and input handling: pure logic, tested natively.
pub mod aggregate;
pub mod app;
pub mod keyboard;
