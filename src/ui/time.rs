//! Times in the browser's locale and time zone (via `Intl`), beside the UTC the API uses.

use chrono::{DateTime, Utc};
use wasm_bindgen::JsValue;

thread_local! {
    // One formatter for the page: building one costs about 85 µs, a table row needs three.
    static FORMAT: js_sys::Function = {
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into());
        let _ = js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into());
        js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &opts).format()
    };
}

/// e.g. "1 Dec 2026, 01:00" in the user's locale and zone.
pub fn local(t: DateTime<Utc>) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(t.timestamp_millis() as f64));
    FORMAT.with(|f| {
        f.call1(&JsValue::NULL, &date)
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    })
}

pub fn today_utc() -> chrono::NaiveDate {
    Utc::now().date_naive()
}
