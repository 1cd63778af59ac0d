//! Browser glue (wasm32 only): fetching, focus, the panic display. Natively these are no-ops,
//! so components render in `ServerRenderer` tests.
pub mod channel;
pub mod dom;
pub mod download;
pub mod embed;
pub mod history;
pub mod print;
pub mod boot;
#[cfg(target_arch = "wasm32")]
pub mod fetch;
