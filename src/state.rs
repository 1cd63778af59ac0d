//! Application state (reducer), aggregation and input handling: pure logic, tested natively.
pub mod aggregate;
pub mod app;
pub mod filter;
pub mod hit;
pub mod reveal;
pub mod keyboard;
pub mod search;
pub mod search_index;
pub mod story;
pub mod table;
pub mod timeline;
pub mod url;
pub mod view;
pub mod window;
pub mod zoom;
