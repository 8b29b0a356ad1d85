//! How the console is hosted: as its own page, mounted into a host page by the JavaScript
//! API (`mount`), or framed by a portal that hands over the token with `postMessage`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::config::AppConfig;
use crate::model::RepoRef;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostMode {
    /// Opened directly (or hosted as static files).
    Page,
    /// Mounted into an element of a host page; the host's URL is left alone.
    Mounted,
    /// Framed by a portal (`?embed=iframe`); the token comes by `postMessage`.
    Iframe,
}

/// What the host decided; `Embedding::default()` is the stand-alone page.
#[derive(Clone)]
pub struct Embedding {
    pub mode: HostMode,
    /// Replaces `config.json` when the host passes the API bases itself.
    pub config: Option<AppConfig>,
    pub token: Option<String>,
    /// A host function returning a fresh token (or a promise of one), called at start when
    /// no token was given and again after SWR refuses the current one.
    pub token_source: Option<js_sys::Function>,
    /// Organization and repository fixed by the host; the pickers are then hidden.
    pub fixed_repo: Option<RepoRef>,
}

impl Default for Embedding {
    fn default() -> Self {
        Embedding {
            mode: HostMode::Page,
            config: None,
            token: None,
            token_source: None,
            fixed_repo: None,
        }
    }
}

/// Shared with the components that behave differently when embedded.
#[derive(Clone, Debug)]
pub struct HostOptions {
    pub mode: HostMode,
    pub fixed_repo: Option<RepoRef>,
}

impl HostOptions {
    pub fn uses_url(&self) -> bool {
        self.mode != HostMode::Mounted
    }
}

pub const MSG_READY: &str = "swr-share:ready";
pub const MSG_TOKEN: &str = "swr-share:token";
pub const MSG_TOKEN_NEEDED: &str = "swr-share:token-needed";

/// Posts `{type}` to the parent window, once per allowed origin (postMessage drops a
/// message whose target origin does not match, so nothing leaks elsewhere).
pub fn tell_parent(origins: &[String], kind: &str) {
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &kind.into());
    for origin in origins {
        let _ = parent.post_message(&msg, origin);
    }
}

/// Hands `{type: "swr-share:token", token}` to `on_token`, from allowed origins only.
pub fn listen_to_parent(
    allowed: impl Fn(&str) -> bool + 'static,
    on_token: impl Fn(String) + 'static,
) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let handler =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            if !allowed(&ev.origin()) {
                return;
            }
            let data = ev.data();
            let kind = js_sys::Reflect::get(&data, &"type".into())
                .ok()
                .and_then(|v| v.as_string());
            let token = js_sys::Reflect::get(&data, &"token".into())
                .ok()
                .and_then(|v| v.as_string());
            if let (Some(MSG_TOKEN), Some(token)) = (kind.as_deref(), token) {
                on_token(token);
            }
        });
    let _ = window.add_event_listener_with_callback("message", handler.as_ref().unchecked_ref());
    // The listener lives as long as the page: the framed console never unmounts itself.
    handler.forget();
}

/// Calls the host's token function and hands its answer (a string or a promise of one)
/// to `on_token`.
pub fn call_token_source(source: &js_sys::Function, on_token: impl Fn(String) + 'static) {
    let Ok(value) = source.call0(&JsValue::NULL) else {
        return;
    };
    leptos::task::spawn_local(async move {
        let value = match value.dyn_into::<js_sys::Promise>() {
            Ok(p) => wasm_bindgen_futures::JsFuture::from(p)
                .await
                .unwrap_or(JsValue::UNDEFINED),
            Err(v) => v,
        };
        if let Some(token) = value.as_string() {
            on_token(token);
        }
    });
}
