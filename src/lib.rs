//! Surveillance Atlas: pure-Rust core (data, geometry, state) and the Yew components on top.
pub mod data;
pub mod geo;
pub mod state;
pub mod i18n;
pub mod web;
pub mod components;
pub mod export;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
