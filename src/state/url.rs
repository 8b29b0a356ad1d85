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
    let url = format!("{path}{}{hash}", v.to_query());
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
