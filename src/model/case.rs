//! Lower case for matching and sorting without regard to case.
//!
//! `str::to_lowercase` brings Rust's Unicode case tables (≈ 25 KB raw) into the first-load
//! module. Names and descriptions are nearly always ASCII, and the browser already has the
//! same Unicode mapping: in the browser, text beyond ASCII is lowered by JavaScript's
//! `toLowerCase` (locale-independent, the same full mapping); on the host (tests) by std.

/// `s` in lower case, as `str::to_lowercase` would give it.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        lower_unicode(s)
    }
}

#[cfg(target_arch = "wasm32")]
fn lower_unicode(s: &str) -> String {
    js_sys::JsString::from(s).to_lower_case().into()
}

#[cfg(not(target_arch = "wasm32"))]
fn lower_unicode(s: &str) -> String {
    s.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::lower;

    #[test]
    fn ascii_and_beyond() {
        assert_eq!(lower("Partner-A.dev_1"), "partner-a.dev_1");
        assert_eq!(lower("ÄRGER Ünd Σ"), "ärger ünd σ");
        assert_eq!(lower(""), "");
    }
}
