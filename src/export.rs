//! Exports: the map as a standalone SVG (for slides), the filtered data as JSON, the citation,
//! and the embed snippet. Pure functions; the browser glue that saves files is in `web::download`.
pub mod cite;
pub mod embed;
pub mod data;
pub mod handout;
pub mod qr;
pub mod filename;
pub mod svg;
