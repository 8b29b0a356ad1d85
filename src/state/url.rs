//! The URL query as the place for what a user would bookmark: read at start, rewritten
//! (without a new history entry) when the repository changes. Never holds the token.

use crate::model::view_state::ViewState;

pub fn read() -> ViewState {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    ViewState::from_query(&search)
}

pub fn write(v: &ViewState) {
    let Some(w) = web_sys::window() else { return };
    let loc = w.location();
    let path = loc.pathname().unwrap_or_default();
    let hash = loc.hash().unwrap_or_default();
    let query = v.to_query();
    // At start the URL usually says this already; history calls are not free.
    if loc.search().ok().as_deref() == Some(query.as_str()) {
        return;
    }
    let url = format!("{path}{query}{hash}");
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
