//! Thin Leptos components over `state`, `model` and `api`.

pub mod add_share_form;
pub mod app;
pub mod connection_panel;
pub mod repo_panel;
pub mod share_table;
pub mod shares_section;
pub mod time;
