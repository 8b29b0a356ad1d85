//! Markup written as text, for the parts of the page built in one DOM call (a table row's
//! cells). Everything that comes from SWR or the user goes through `text`, which escapes it.

use crate::model::expiry::Status;

/// Appends `s` made safe for HTML text and for attribute values in double quotes.
pub fn text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// How far off a share's end is, after its date (both tables): "· in 3 days" in a span the
/// clock refills with `relative_text`, empty for "Forever". The space before the span is
/// where a narrow cell may wrap.
pub fn relative(out: &mut String, status: Status, label: Option<&str>) {
    out.push_str(r#" <span class="ss-relative "#);
    out.push_str(status.css_class());
    out.push_str(r#"">"#);
    text(out, &relative_text(label));
    out.push_str("</span>");
}

/// The words of `relative`'s span.
pub fn relative_text(label: Option<&str>) -> String {
    label.map(|l| format!("· {l}")).unwrap_or_default()
}

/// A share's status in words and an icon, never colour alone (both tables' status cell).
pub fn status(out: &mut String, s: Status) {
    out.push_str(r#"<span class="ss-status "#);
    out.push_str(s.css_class());
    out.push_str(r#"">"#);
    out.push_str(s.icon());
    out.push(' ');
    out.push_str(s.word());
    out.push_str("</span>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(s: &str) -> String {
        let mut out = String::new();
        text(&mut out, s);
        out
    }

    #[test]
    fn markup_and_quotes_become_text() {
        assert_eq!(
            escaped(r#"<img src=x onerror="alert('1')"> & co"#),
            "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co"
        );
    }

    #[test]
    fn plain_text_is_unchanged() {
        for s in ["partner-01", "Zugriff für Prüfer · 30 Tage", "", "a_b.c"] {
            assert_eq!(escaped(s), s);
        }
    }
}
