//! Thin Yew components, one per file. They render state; logic lives in `state`, `data`, `geo`.
pub mod app;
pub mod country_panel;
pub mod credits;
pub mod deployment_card;
pub mod evidence_badge;
pub mod legend;
pub mod map_view;
pub mod source_link;
pub mod status_view;
pub mod tooltip;
pub mod timeline;
pub mod event_list;
pub mod filter_panel;
pub mod zoom_controls;
pub mod search_box;
pub mod data_table;
pub mod glance;
