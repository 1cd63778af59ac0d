//! Geometry: projection, TopoJSON decoding, SVG path encoding and the world map asset.
pub mod antimeridian;
pub mod path;
pub mod projection;
pub mod topojson;
pub mod world;
