//! Markup written as text, for the parts of the page built in one DOM call (a table row's
//! cells). Safe by type: an `Html` grows only from `&'static str` (markup written in this
//! source) and from `text`, which escapes; it reaches the page only through `ui/trusted.rs`,
//! under the app's Trusted Types policy. Cells are named (`TableCell`), written and found by name.

use crate::model::expiry::Status;

/// Markup that holds no unescaped text from SWR or the user.
#[derive(Clone, Default)]
pub struct Html(String);

impl Html {
    pub fn with_capacity(n: usize) -> Html {
        Html(String::with_capacity(n))
    }

    /// Markup written in this source.
    pub fn tag(&mut self, markup: &'static str) -> &mut Html {
        self.0.push_str(markup);
        self
    }

    /// Text, made safe for HTML text and for attribute values in double quotes.
    pub fn text(&mut self, s: &str) -> &mut Html {
        for c in s.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                '\'' => self.0.push_str("&#39;"),
                c => self.0.push(c),
            }
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A column of a table written as markup: its cell's tags, fixed in this source.
pub trait TableCell: Copy + PartialEq + 'static {
    /// The opening tag, e.g. `<td data-label="Status">`.
    fn open(self) -> &'static str;

    fn close(self) -> &'static str {
        "</td>"
    }
}

/// Writes one cell per column, in the columns' order, with what `content` writes in each.
/// The one row writer of both tables.
pub fn write_cells<C: TableCell>(
    h: &mut Html,
    columns: &[C],
    mut content: impl FnMut(C, &mut Html),
) {
    for &c in columns {
        h.tag(c.open());
        content(c, h);
        h.tag(c.close());
    }
}

/// The cell of `column` in a row written by `write_cells` with `columns`.
pub fn cell_of<C: TableCell>(
    row: &web_sys::Element,
    columns: &[C],
    column: C,
) -> Option<web_sys::Element> {
    let i = columns.iter().position(|&c| c == column)?;
    row.children().item(i as u32)
}

/// The first element in `cell` (a cell's checkbox, its span).
pub fn first_in(cell: Option<web_sys::Element>) -> Option<web_sys::Element> {
    cell?.first_element_child()
}

/// How far off a share's end is, after its date (both tables): "· in 3 days" in a span the
/// clock refills with `relative_text`, empty for "Forever". The space before the span is
/// where a narrow cell may wrap.
pub fn relative(h: &mut Html, status: Status, label: Option<&str>) {
    h.tag(r#" <span class="ss-relative "#)
        .tag(status.css_class())
        .tag(r#"">"#)
        .text(&relative_text(label))
        .tag("</span>");
}

/// The words of `relative`'s span.
pub fn relative_text(label: Option<&str>) -> String {
    label.map(|l| format!("· {l}")).unwrap_or_default()
}

/// A share's status in words and an icon, never colour alone (both tables' status cell).
pub fn status(h: &mut Html, s: Status) {
    h.tag(r#"<span class="ss-status "#)
        .tag(s.css_class())
        .tag(r#"">"#)
        .tag(s.icon())
        .tag(" ")
        .tag(s.word())
        .tag("</span>");
}

/// A test's check that every field of a row is escaped: `markup` (written from values that
/// are all `EVIL`) holds `EVIL` escaped `times` times and never raw, nor any other tag.
#[cfg(test)]
pub fn assert_all_escaped(markup: &str, times: usize, allowed_tags: &[&str]) {
    let escaped = "&lt;b&gt;&quot;x&#39;&amp;";
    assert_eq!(markup.matches(escaped).count(), times, "{markup}");
    assert!(!markup.contains(EVIL), "{markup}");
    assert!(!markup.contains("<b>"), "{markup}");
    for tag in markup.split('<').skip(1) {
        let name: String = tag.chars().take_while(|c| *c != ' ' && *c != '>').collect();
        let name = name.trim_start_matches('/');
        assert!(
            allowed_tags.contains(&name),
            "unexpected tag {name} in {markup}"
        );
    }
}

/// A value with every character HTML gives a meaning: `< > " ' &`.
#[cfg(test)]
pub const EVIL: &str = "<b>\"x'&";

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(s: &str) -> String {
        let mut h = Html::default();
        h.text(s);
        h.0
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

    #[derive(Clone, Copy, PartialEq, Debug)]
    enum Col {
        A,
        B,
    }

    impl TableCell for Col {
        fn open(self) -> &'static str {
            match self {
                Col::A => "<th>",
                Col::B => "<td>",
            }
        }
        fn close(self) -> &'static str {
            match self {
                Col::A => "</th>",
                Col::B => "</td>",
            }
        }
    }

    #[test]
    fn cells_are_written_in_the_columns_order_with_their_tags() {
        let mut h = Html::default();
        write_cells(&mut h, &[Col::B, Col::A], |c, h| {
            h.text(&format!("{c:?}"));
        });
        assert_eq!(h.as_str(), "<td>B</td><th>A</th>");
    }
}
