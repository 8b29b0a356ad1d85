//! The organization table's rows: written as markup once per load and order, then shown
//! and hidden. A keystroke in the filter toggles `hidden` on the rows that change instead of
//! building and removing hundreds of rows (the one-repository table does the same,
//! `ui/share_table.rs`). What changes later is set in place: the checkboxes when the
//! selection changes, the "in 3 days" labels when the clock moves them.

use std::cell::Cell;
use std::rc::Rc;

use leptos::html::Tbody;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use crate::model::bulk::export::Located;
use crate::model::expiry::{Expiry, Status};
use crate::ui::in_step::keep_in_step;
use crate::ui::markup::{
    cell_of, first_in, relative, relative_text, status as status_badge, write_cells, Html,
    TableCell,
};
use crate::ui::trusted::{insert, set_inner, Place};

/// At most this many rows are shown; exports hold every row in view.
pub const SHOWN_MAX: usize = 500;

pub use crate::model::bulk::org_table::key_of;

/// One built row: its element, its checkbox, its relative expiry, its status cell and
/// what they show.
struct Built {
    tr: HtmlElement,
    check: HtmlInputElement,
    relative: Element,
    status: Element,
    label: Option<String>,
    state: Status,
}

/// The organization table's columns, by name: the rows are written and read by them.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum OrgCell {
    Select,
    Organization,
    Repository,
    Account,
    LastDay,
    Status,
    Description,
}

const COLUMNS: [OrgCell; 7] = [
    OrgCell::Select,
    OrgCell::Organization,
    OrgCell::Repository,
    OrgCell::Account,
    OrgCell::LastDay,
    OrgCell::Status,
    OrgCell::Description,
];

impl TableCell for OrgCell {
    // What each value is, said beside it where the rows are stacked as cards, comes from
    // the cell's place (style/app.css, `.ss-org-table`): 2,240 rows × 5 labels in the
    // markup made the overview's load 4% slower.
    fn open(self) -> &'static str {
        match self {
            OrgCell::Account => r#"<th scope="row" class="ss-mono">"#,
            OrgCell::LastDay => r#"<td class="ss-nowrap">"#,
            _ => "<td>",
        }
    }

    fn close(self) -> &'static str {
        match self {
            OrgCell::Account => "</th>",
            _ => "</td>",
        }
    }
}

/// One row as markup; everything from SWR is escaped.
pub fn row_markup(h: &mut Html, i: usize, l: &Located, e: &Expiry, shown: bool, checked: bool) {
    let (repo, account) = (l.repo.display(), &l.share.account);
    let status = e.status();
    h.tag(r#"<tr data-i=""#)
        .text(&i.to_string())
        .tag(if shown { r#"">"# } else { r#"" hidden>"# });
    write_cells(h, &COLUMNS, |c, h| match c {
        OrgCell::Select => {
            h.tag(r#"<input type="checkbox" aria-label="Select "#)
                .text(account)
                .tag(" on ")
                .text(&repo)
                .tag(if checked { r#"" checked>"# } else { r#"">"# });
        }
        OrgCell::Organization => {
            h.text(&l.repo.namespace);
        }
        OrgCell::Repository => {
            h.tag(r#"<button type="button" class="ss-link-button ss-mono" data-open>"#)
                .text(&l.repo.repository)
                .tag("</button>");
        }
        OrgCell::Account => {
            h.text(account);
        }
        OrgCell::LastDay => {
            h.text(&l.share.deadline.label());
            relative(h, status, e.relative().as_deref());
        }
        OrgCell::Status => status_badge(h, status),
        // The clamp is on a span, as in `share_row`: a cell shown as a box is no longer a
        // table cell, and the browser puts an anonymous one around it.
        OrgCell::Description => {
            h.tag(r#"<span class="ss-clamp" title=""#)
                .text(&l.share.description)
                .tag(r#"">"#)
                .text(&l.share.description)
                .tag("</span>");
        }
    });
    h.tag("</tr>");
}

/// Which rows `ordered` shows: the first `SHOWN_MAX` of them.
fn shown_of(ordered: &[usize], len: usize) -> Vec<bool> {
    let mut shown = vec![false; len];
    for &i in ordered.iter().take(SHOWN_MAX) {
        if let Some(s) = shown.get_mut(i) {
            *s = true;
        }
    }
    shown
}

/// Rows written before the first paint: more than a screen holds.
const FIRST_ROWS: usize = 150;
/// Rows written in each later task: 3,000 rows in a few short tasks instead of one of
/// ~180 ms (the longest task of that load is in BENCHMARKS.md).
const ROWS_PER_TASK: usize = 400;

/// Fills `body` with every row of `order` and keeps it in step: `ordered` (the filtered
/// rows) shows and hides them, `selected` checks their boxes, `expiries` their labels.
/// A load or a new order writes the first rows in view before the paint and the others,
/// shown or hidden, a slice per task after it: no task writes thousands of rows.
pub fn org_rows(
    body: NodeRef<Tbody>,
    rows: Memo<Vec<Located>>,
    expiries: Memo<Vec<Expiry>>,
    order: Memo<Vec<usize>>,
    ordered: Memo<Vec<usize>>,
    selected: RwSignal<Vec<(String, String)>>,
) {
    // Indexed by row (the index into `rows` of this load).
    let built = StoredValue::new_local(Vec::<Option<Built>>::new());
    // Which writing of the table the later slices belong to: a later load or order drops them.
    let writing = Rc::new(Cell::new(0u64));
    // Writes, in `order`, up to `budget` rows not built yet (shown rows first while any is
    // left unwritten, as `ordered` says now), each before the next built row. True if rows
    // are left to write.
    let write = move |tbody: &HtmlElement, budget: usize, hidden_too: bool| -> bool {
        let len = rows.with_untracked(Vec::len);
        let shown = ordered.with_untracked(|o| shown_of(o, len));
        let mut html = Html::default();
        let mut left = budget;
        let mut more = false;
        rows.with_untracked(|r| {
            expiries.with_untracked(|e| {
                selected.with_untracked(|s| {
                    order.with_untracked(|o| {
                        built.with_value(|b| {
                            for &i in o {
                                if let Some(Some(row)) = b.get(i) {
                                    if !html.is_empty() {
                                        insert(&row.tr, Place::Before, &html);
                                        html.clear();
                                    }
                                } else if (shown[i] || hidden_too) && left > 0 {
                                    let checked = !s.is_empty() && s.contains(&key_of(&r[i]));
                                    row_markup(&mut html, i, &r[i], &e[i], shown[i], checked);
                                    left -= 1;
                                } else {
                                    more = true;
                                }
                            }
                        })
                    })
                })
            })
        });
        if !html.is_empty() {
            insert(tbody, Place::AtEnd, &html);
        }
        built.update_value(|b| index_rows(tbody, b, &expiries));
        more
    };
    // The next slice, in a task of its own, while this writing is still the table's.
    fn later(
        write: impl Fn(&HtmlElement, usize, bool) -> bool + Clone + 'static,
        tbody: HtmlElement,
        writing: Rc<Cell<u64>>,
        this: u64,
        alive: impl Fn() -> bool + Clone + 'static,
    ) {
        set_timeout(
            move || {
                // Not if the table was written again, or closed.
                if writing.get() == this && alive() && write(&tbody, ROWS_PER_TASK, true) {
                    later(write, tbody, writing, this, alive);
                }
            },
            std::time::Duration::ZERO,
        )
    }
    keep_in_step(move |_| {
        let Some(tbody) = body.get() else { return };
        rows.track();
        order.track();
        tbody.set_text_content(None);
        built.set_value((0..rows.with_untracked(Vec::len)).map(|_| None).collect());
        let more = write(&tbody, FIRST_ROWS, false);
        let this = writing.get() + 1;
        writing.set(this);
        let writing = writing.clone();
        let tbody: HtmlElement = tbody.into();
        let alive = move || built.try_with_value(|_| ()).is_some();
        if more {
            request_animation_frame(move || later(write, tbody, writing, this, alive));
        }
    });
    // The filter: show the rows that match, hide the others, touching only those that change.
    keep_in_step(move |_| {
        let shown = ordered.with(|o| shown_of(o, rows.with_untracked(Vec::len)));
        built.with_value(|b| {
            for (i, row) in b.iter().enumerate() {
                let (Some(row), Some(&show)) = (row, shown.get(i)) else {
                    continue;
                };
                if row.tr.hidden() == show {
                    row.tr.set_hidden(!show);
                }
            }
        });
    });
    // The selection, when it changes other than by a click on a box (cleared, a job done).
    keep_in_step(move |_| {
        selected.with(|s| {
            rows.with_untracked(|r| {
                built.with_value(|b| {
                    // A list loaded since the rows were written has other indices.
                    for (row, l) in b.iter().zip(r) {
                        let Some(row) = row else { continue };
                        let on = !s.is_empty() && s.contains(&key_of(l));
                        if row.check.checked() != on {
                            row.check.set_checked(on);
                        }
                    }
                })
            })
        })
    });
    // The clock: "in 3 days" becomes "in 2 days", or a share expires.
    keep_in_step(move |_| {
        expiries.with(|e| {
            built.update_value(|b| {
                for (i, row) in b.iter_mut().enumerate() {
                    let (Some(row), Some(e)) = (row, e.get(i)) else {
                        continue;
                    };
                    let (label, state) = (e.relative(), e.status());
                    if row.label == label && row.state == state {
                        continue;
                    }
                    let class = state.css_class();
                    row.relative.set_class_name(&format!("ss-relative {class}"));
                    row.relative
                        .set_text_content(Some(&relative_text(label.as_deref())));
                    let mut badge = Html::default();
                    status_badge(&mut badge, state);
                    set_inner(&row.status, &badge);
                    row.label = label;
                    row.state = state;
                }
            })
        })
    });
}

/// Indexes the rows of `tbody` that `built` does not hold yet.
fn index_rows(tbody: &HtmlElement, built: &mut [Option<Built>], expiries: &Memo<Vec<Expiry>>) {
    let trs = tbody.children();
    expiries.with_untracked(|e| {
        for k in 0..trs.length() {
            let Some(tr) = trs.item(k) else { continue };
            let Some(i) = tr
                .get_attribute("data-i")
                .and_then(|i| i.parse::<usize>().ok())
            else {
                continue;
            };
            let (Some(slot @ None), Some(e)) = (built.get_mut(i), e.get(i)) else {
                continue;
            };
            let cell = |c| cell_of(&tr, &COLUMNS, c);
            let (Some(check), Some(relative), Some(status)) = (
                first_in(cell(OrgCell::Select)),
                first_in(cell(OrgCell::LastDay)),
                cell(OrgCell::Status),
            ) else {
                continue;
            };
            *slot = Some(Built {
                tr: tr.unchecked_into(),
                check: check.unchecked_into(),
                relative,
                status,
                label: e.relative(),
                state: e.status(),
            });
        }
    });
}

/// The row an event happened in, as its index into `rows`.
pub fn row_of(ev: &web_sys::Event) -> Option<usize> {
    let target: Element = ev.target()?.dyn_into().ok()?;
    target
        .closest("tr[data-i]")
        .ok()??
        .get_attribute("data-i")?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Deadline, RepoRef, Share};

    #[test]
    fn every_field_of_a_row_is_escaped() {
        use crate::ui::markup::{assert_all_escaped, EVIL};
        let l = Located {
            repo: RepoRef {
                namespace: EVIL.into(),
                repository: EVIL.into(),
            },
            share: Share {
                permit: EVIL.into(),
                creator_name: EVIL.into(),
                creator_id: EVIL.into(),
                ..Share::sample(EVIL)
                    .described(EVIL)
                    .until(Deadline::Unrecognised(EVIL.into()))
            },
        };
        let mut h = Html::default();
        row_markup(&mut h, 7, &l, &Expiry::Forever, false, true);
        let out = h.as_str();
        assert!(out.starts_with("<tr data-i=\"7\" hidden><td>"), "{out}");
        // The checkbox names account and repository; the repository, account, last day
        // and the description (title and text) are shown.
        let tags = ["tr", "td", "th", "input", "button", "span"];
        assert_all_escaped(out, 2 + 2 + 1 + 1 + 1 + 2, &tags);
        // The description keeps its cell; the clamp is inside it.
        assert!(out.contains("<td><span class=\"ss-clamp\" title="), "{out}");
    }

    #[test]
    fn only_the_first_rows_in_view_are_shown() {
        let ordered: Vec<usize> = (0..SHOWN_MAX + 10).rev().collect();
        let shown = shown_of(&ordered, SHOWN_MAX + 10);
        assert_eq!(shown.iter().filter(|s| **s).count(), SHOWN_MAX);
        assert!(shown[SHOWN_MAX + 9] && !shown[0]);
    }
}
