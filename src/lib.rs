//! swr-share: a browser console for deciding who may pull a private SWR image.
//!
//! Layers: `api` (SWR client: requests, responses, errors) and `model` (domain rules) are
//! plain Rust; `state` holds the reactive state; `ui` is thin Leptos components;
//! `embed` is the JavaScript mount API for host pages.

pub mod api;
pub mod embed;
pub mod json;
pub mod model;
pub mod state;
pub mod ui;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

pub use ui::app::App;

use state::embedding::{Embedding, HostMode};

/// Runs when the module loads. The app's own `index.html` asks to be started by marking
/// its body; a host page that loads the module to call `mount` does not.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(body) = document().body() else {
        return;
    };
    if !body.has_attribute("data-swr-share-autostart") {
        return;
    }
    // Before the first view: Leptos parses its static markup as the page starts.
    ui::trusted::install();
    let framed = state::url::read().embed == "iframe";
    let mode = if framed {
        HostMode::Iframe
    } else {
        HostMode::Page
    };
    let mount = move || {
        leptos::mount::mount_to_body(move || {
            view! {
                <App embedding=Embedding {
                    mode,
                    ..Embedding::default()
                } />
            }
        })
    };
    // The list the page asked for is usually there within moments: the console waits for it
    // (a little), so that its first frame has the rows, not the page first and the rows in a
    // second layout.
    match api::early::list_settled(WAIT_FOR_EARLY_LIST_MS) {
        Some(settled) => wasm_bindgen_futures::spawn_local(async move {
            settled.await;
            mount();
        }),
        None => mount(),
    }
}

/// How long the start waits for the page's list request before showing the page without it.
const WAIT_FOR_EARLY_LIST_MS: i32 = 250;
