//! swr-share: a browser console for deciding who may pull a private SWR image.
//!
//! Layers: `api` (SWR client: requests, responses, errors) and `model` (domain rules) are
//! plain Rust; `state` holds the reactive state; `ui` is thin Leptos components.

pub mod api;
pub mod model;
pub mod state;
pub mod ui;

pub use ui::app::App;
