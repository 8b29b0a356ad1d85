//! Times in the browser's locale and time zone (via `Intl`), beside the UTC the API uses.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use wasm_bindgen::JsValue;

fn formatter(date_style: &str) -> js_sys::Function {
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &date_style.into());
    let _ = js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into());
    js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &opts).format()
}

thread_local! {
    // One formatter of each kind for the page (the first one a page builds costs 30–90 ms).
    static FULL: js_sys::Function = formatter("medium");
    static COMPACT: js_sys::Function = formatter("short");
    // The same times come back on every filter keystroke: each is formatted once.
    static DONE: RefCell<HashMap<(bool, i64), String>> = RefCell::new(HashMap::new());
}

fn format(full: bool, t: DateTime<Utc>) -> String {
    let key = (full, t.timestamp_millis());
    if let Some(s) = DONE.with(|d| d.borrow().get(&key).cloned()) {
        return s;
    }
    let date = js_sys::Date::new(&JsValue::from_f64(key.1 as f64));
    let f = if full { &FULL } else { &COMPACT };
    let s = f.with(|f| {
        f.call1(&JsValue::NULL, &date)
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    });
    DONE.with(|d| {
        let mut d = d.borrow_mut();
        // Bounded: an organization overview shows thousands of times.
        if d.len() >= 20_000 {
            d.clear();
        }
        d.insert(key, s.clone());
    });
    s
}

/// e.g. "1 Dec 2026, 01:00" in the user's locale and zone.
pub fn local(t: DateTime<Utc>) -> String {
    format(true, t)
}

/// e.g. "01/12/2026, 01:00": one line in a table cell; `local` is the full form.
pub fn local_compact(t: DateTime<Utc>) -> String {
    format(false, t)
}

pub fn today_utc() -> chrono::NaiveDate {
    Utc::now().date_naive()
}
