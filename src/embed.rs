//! The JavaScript mount API for host pages:
//!
//! ```js
//! import { load } from '/tools/swr-share/embed.js';
//! const app = await load();
//! const handle = app.mount(document.getElementById('shares'), {
//!   swr: '/swr/eu-de', iam: '/iam/eu-de', region: 'eu-de',
//!   token: () => portal.currentToken(),          // or a string
//!   namespace: 'acme-prod', repository: 'payments-api',   // optional: fixes the repository
//! });
//! handle.unmount();
//! ```

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::config::{AppConfig, Region};
use crate::model::RepoRef;
use crate::state::embedding::{Embedding, HostMode};
use crate::App;

/// Returned by `mount`; `unmount()` removes the console and its listeners.
#[wasm_bindgen]
pub struct MountHandle {
    inner: Option<Box<dyn std::any::Any>>,
}

#[wasm_bindgen]
impl MountHandle {
    pub fn unmount(&mut self) {
        // Dropping Leptos's handle unmounts the view and disposes its reactive owner.
        self.inner.take();
    }
}

fn string(options: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(options, &key.into())
        .ok()
        .and_then(|v| v.as_string())
}

/// Reads the host's options; errors name the option that is wrong.
fn embedding(options: &JsValue) -> Result<Embedding, JsValue> {
    let region = Region {
        id: string(options, "region").unwrap_or_else(|| "eu-de".into()),
        label: string(options, "regionLabel").unwrap_or_else(|| "Host page".into()),
        swr: string(options, "swr").unwrap_or_default(),
        iam: string(options, "iam").unwrap_or_default(),
        registry: string(options, "registry").unwrap_or_default(),
    };
    let token_value = js_sys::Reflect::get(options, &"token".into()).unwrap_or(JsValue::UNDEFINED);
    let (token, token_source) = match token_value.dyn_into::<js_sys::Function>() {
        Ok(f) => (None, Some(f)),
        Err(v) => (v.as_string(), None),
    };
    let fixed_repo = match (string(options, "namespace"), string(options, "repository")) {
        (Some(ns), Some(repo)) => Some(
            RepoRef::new(&ns, &repo)
                .map_err(|e| JsValue::from_str(&format!("swr-share mount: {e}")))?,
        ),
        (None, None) => None,
        _ => {
            return Err(JsValue::from_str(
                "swr-share mount: give both namespace and repository, or neither",
            ))
        }
    };
    Ok(Embedding {
        mode: HostMode::Mounted,
        config: Some(AppConfig {
            regions: vec![region],
            ..AppConfig::default()
        }),
        token,
        token_source,
        fixed_repo,
    })
}

/// Mounts the console into `element` of a host page.
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, options: JsValue) -> Result<MountHandle, JsValue> {
    let embedding = embedding(&options)?;
    crate::ui::trusted::install();
    let handle = leptos::mount::mount_to(
        element,
        move || view! { <App embedding=embedding.clone() /> },
    );
    Ok(MountHandle {
        inner: Some(Box::new(handle)),
    })
}
