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

/// `s` with its spaces made non-breaking except after a comma: "5/20/26, 8:41 AM" may go on
/// two lines after the date, but "8:41 AM" and "2026-05-20 08:41 UTC" stay whole.
pub fn break_after_comma_only(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    let mut after_comma = false;
    for c in s.chars() {
        out.push(if c == ' ' && !after_comma {
            '\u{a0}'
        } else {
            c
        });
        after_comma = c == ',';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::break_after_comma_only;

    #[test]
    fn a_line_breaks_only_after_the_comma() {
        assert_eq!(
            break_after_comma_only("5/20/26, 8:41 AM"),
            "5/20/26, 8:41\u{a0}AM"
        );
        assert_eq!(
            break_after_comma_only("2026-05-20 08:41 UTC"),
            "2026-05-20\u{a0}08:41\u{a0}UTC"
        );
        assert_eq!(break_after_comma_only("20.05.26, 08:41"), "20.05.26, 08:41");
        assert_eq!(break_after_comma_only(""), "");
    }
}
