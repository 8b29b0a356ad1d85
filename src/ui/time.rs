//! Times in the browser's locale and time zone (via `Intl`), beside the UTC the API uses.

use chrono::{DateTime, Utc};
use wasm_bindgen::JsValue;

fn formatter(date_style: &str) -> js_sys::Function {
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &date_style.into());
    let _ = js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into());
    js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &opts).format()
}

thread_local! {
    // One formatter of each kind for the page: building one costs about 85 µs, a table row
    // needs three.
    static FULL: js_sys::Function = formatter("medium");
    static COMPACT: js_sys::Function = formatter("short");
}

fn format(f: &'static std::thread::LocalKey<js_sys::Function>, t: DateTime<Utc>) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(t.timestamp_millis() as f64));
    f.with(|f| {
        f.call1(&JsValue::NULL, &date)
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    })
}

/// e.g. "1 Dec 2026, 01:00" in the user's locale and zone.
pub fn local(t: DateTime<Utc>) -> String {
    format(&FULL, t)
}

/// e.g. "01/12/2026, 01:00": one line in a table cell; `local` is the full form.
pub fn local_compact(t: DateTime<Utc>) -> String {
    format(&COMPACT, t)
}

pub fn today_utc() -> chrono::NaiveDate {
    Utc::now().date_naive()
}
