//! Answers the page asked for before the wasm arrived (`public/early.js`, inlined into
//! `index.html`): `config.json`, and, when the tab keeps a token, the first list of the
//! view in the URL (the share list of its repository, or the first page of the overview's
//! repositories with shares). Each is taken once; the list only by the first
//! list request, and only if that request is exactly the one the page sent (same URL, same
//! token) and was sent moments ago. Anything else is dropped and the console asks SWR
//! itself.

use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{ApiError, ApiRequest, Method, RawResponse};

/// An early list answer older than this is not used: it would no longer be the list now.
const FRESH_MS: f64 = 20_000.0;

fn take(field: &str) -> Option<Promise> {
    let early = Reflect::get(&js_sys::global(), &"__swrShareEarly".into()).ok()?;
    if !early.is_object() {
        return None;
    }
    let value = Reflect::get(&early, &field.into()).ok()?;
    let _ = Reflect::delete_property(early.unchecked_ref::<js_sys::Object>(), &field.into());
    value.dyn_into::<Promise>().ok()
}

async fn resolve(p: Promise) -> Option<JsValue> {
    JsFuture::from(p)
        .await
        .ok()
        .filter(|v| !v.is_null() && !v.is_undefined())
}

/// If the page asked for the share list: resolves once its answer is read (or failed), or
/// after `max_ms`, whichever is first. Leaves the answer for `list`.
pub fn list_settled(max_ms: i32) -> Option<impl std::future::Future<Output = ()>> {
    let early = Reflect::get(&js_sys::global(), &"__swrShareEarly".into()).ok()?;
    let read = Reflect::get(&early, &"listRead".into())
        .ok()?
        .dyn_into::<Promise>()
        .ok()?;
    let timer = Promise::new(&mut |done, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&done, max_ms);
        }
    });
    let first = Promise::race(&js_sys::Array::of2(&read, &timer));
    Some(async move {
        let _ = JsFuture::from(first).await;
    })
}

/// `Some(text)` if the page fetched `config.json` (`None` inside: it could not).
pub async fn config() -> Option<Option<String>> {
    let p = take("config")?;
    Some(resolve(p).await.and_then(|v| v.as_string()))
}

fn text(v: &JsValue, field: &str) -> String {
    Reflect::get(v, &field.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Whether `req` lists what the page may have asked for: shares, or repositories.
fn is_list(req: &ApiRequest) -> bool {
    req.method == Method::Get
        && (req.url.ends_with("/access-domains")
            || req.url.contains("/v2/manage/repos?")
            || req.url.contains("/v2/manage/shared-repositories?"))
}

/// The page's answer to `req`, if `req` is the list it asked for. Any other list request
/// drops it, so it can never stand in for a later reload. The page has read the body
/// already: with the answer there when the console starts, taking it needs no task.
pub async fn list(req: &ApiRequest) -> Option<Result<RawResponse, ApiError>> {
    if !is_list(req) {
        return None;
    }
    let sent = resolve(take("list")?).await?;
    let at = Reflect::get(&sent, &"at".into()).ok()?.as_f64()?;
    let same = text(&sent, "url") == req.url
        && Some(text(&sent, "token").as_str()) == req.header("X-Auth-Token")
        && js_sys::Date::now() - at < FRESH_MS;
    if !same {
        return None;
    }
    let answer = Reflect::get(&sent, &"answer".into())
        .ok()?
        .dyn_into::<Promise>()
        .ok()?;
    Some(match JsFuture::from(answer).await {
        // What fetch rejects with is a TypeError ("Failed to fetch").
        Err(e) => Err(ApiError::unsent(
            req.method.as_str(),
            &req.url,
            &String::from(js_sys::Error::from(e).to_string()),
        )),
        Ok(read) => {
            let status = Reflect::get(&read, &"status".into()).ok()?.as_f64()? as u16;
            match Reflect::get(&read, &"cut".into()).ok()?.as_string() {
                Some(cut) => Err(ApiError::cut_off(&cut)),
                None => Ok(RawResponse {
                    status,
                    body: text(&read, "text"),
                    subject_token: None,
                    retry_after: None,
                }),
            }
        }
    })
}
