//! One row of the share table. Its cells are written as markup and set in one DOM call: a
//! row has about forty nodes, and building them one call at a time was most of what the
//! first paint and every filter keystroke cost. What changes after the row is built
//! (whether the filter shows it, the clock, UTC or local times, its checkbox) is set in
//! place by one render effect, and the row's menu is built the first time it is opened.

use std::collections::HashSet;
use std::rc::Rc;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::tachys::html::node_ref::NodeRefContainer;
use leptos::tachys::view::any_view::AnyViewState;
use wasm_bindgen::JsCast;

use super::chunks;
use super::in_step::keep_in_step;
use super::markup::{relative, status, text};
use super::on_demand::OnDemand;
use super::time::{break_after_comma_only, local, local_compact};
use crate::model::deadline::format_utc;
use crate::model::expiry::{Expiry, Status};
use crate::model::share::Timestamp;
use crate::model::table_view::Column;
use crate::model::{Deadline, Share};
use crate::state::selection::Selection;
use crate::state::shares::SharesStore;

/// A time in its three forms: UTC, the compact local form shown in a cell and the full one
/// on hover. Worked out once per row, not on every switch between UTC and local.
#[derive(Clone)]
struct When {
    utc: String,
    compact: String,
    title: String,
}

impl When {
    fn of(t: &Timestamp) -> When {
        let utc = t.label();
        let (compact, title) = match t.instant() {
            Some(i) => (local_compact(i), format!("{} · {utc}", local(i))),
            None => (utc.clone(), format!("{utc} · {utc}")),
        };
        // The cells may wrap between date and time, never inside either.
        When {
            compact: break_after_comma_only(&compact),
            title,
            utc: break_after_comma_only(&utc),
        }
    }

    fn shown(&self, utc: bool) -> &str {
        if utc {
            &self.utc
        } else {
            &self.compact
        }
    }
}

/// What the clock decides in a row: its relative expiry and status.
#[derive(Clone, PartialEq)]
struct Clocked {
    label: Option<String>,
    status: Status,
}

impl Clocked {
    fn of(share: &Share, now: DateTime<Utc>, warning_days: i64) -> Clocked {
        let e = Expiry::of(share, now, warning_days);
        Clocked {
            label: e.relative(),
            status: e.status(),
        }
    }
}

/// What the render effect last set, to touch the page only where something changed.
#[derive(Clone, PartialEq)]
struct Shown {
    clocked: Clocked,
    utc: bool,
    checked: bool,
    /// The clock and warning days `clocked` was worked out for.
    at: (DateTime<Utc>, i64),
}

#[component]
pub fn ShareRow(
    share: Share,
    shown: Option<Memo<HashSet<String>>>,
    now: Signal<DateTime<Utc>>,
    warning_days: Signal<i64>,
    with_actions: bool,
    utc_times: Signal<bool>,
    selection: Option<Selection>,
) -> impl IntoView {
    // The checkbox belongs to the open repository's selection (only the console has one).
    let chosen = selection.map(|sel| (sel, SharesStore::expect().repo));
    let account = share.account.clone();
    let checked =
        move || chosen.is_some_and(|(sel, repo)| repo.with(|r| sel.contains(r, &account)));
    let at = (now.get_untracked(), warning_days.get_untracked());
    let first = Shown {
        clocked: Clocked::of(&share, at.0, at.1),
        at,
        utc: utc_times.get_untracked(),
        checked: untrack(checked.clone()),
    };
    let (created, updated) = (When::of(&share.created), When::of(&share.updated));
    let with_select = selection.is_some();
    // Hidden rows are written too: they are built after the first paint, and a filter
    // keystroke then only shows them.
    let html = cells(
        &share,
        &first,
        &created,
        &updated,
        with_select,
        with_actions,
    );
    // Shown or hidden from then on by the table (`ShareTable`), for all rows at once.
    let hidden = shown.is_some_and(|s| !s.with_untracked(|s| s.contains(&share.account)));
    let live = Live {
        share: share.clone(),
        now,
        warning_days,
        utc_times,
        checked: Rc::new(checked),
        created,
        updated,
        offset: usize::from(selection.is_some()),
        first,
    };
    let on_change = {
        let account = share.account.clone();
        move |ev: web_sys::Event| {
            let (Some((sel, repo)), Some(input)) = (
                chosen,
                ev.target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()),
            ) else {
                return;
            };
            repo.with_untracked(|r| sel.set(r, &account, input.checked()));
        }
    };
    let menu = menu_on_open(share.clone());
    let columns = Column::ALL.len() + 1 + usize::from(selection.is_some());
    let note_account = share.account.clone();
    view! {
        <tr
            data-account=share.account.clone()
            hidden=hidden
            inner_html=html
            use:live_cells=live
            on:change=on_change
            on:toggle:capture=menu
        ></tr>
        {with_actions.then(|| view! { <ExtendNoteRow account=note_account columns=columns shown=shown/> })}
    }
}

/// The row's cells, the same markup a view would build; every text from SWR is escaped.
fn cells(
    share: &Share,
    shown: &Shown,
    created: &When,
    updated: &When,
    with_select: bool,
    with_actions: bool,
) -> String {
    let mut h = String::with_capacity(1024);
    if with_select {
        h.push_str(r#"<td class="ss-select"><input type="checkbox" aria-label="Select "#);
        text(&mut h, &share.account);
        h.push('"');
        if shown.checked {
            h.push_str(" checked");
        }
        h.push_str("></td>");
    }
    // `data-label`: what each value is, said beside it where the rows are stacked as cards
    // (phone width, style/app.css).
    h.push_str(r#"<th scope="row" class="ss-mono" data-label="Account">"#);
    text(&mut h, &share.account);
    h.push_str(r#"</th><td data-label="Permission"><span class="ss-chip">"#);
    text(&mut h, share.permission_label());
    h.push_str(r#"</span></td><td data-label="Valid until">"#);
    expiry_cell(&mut h, share, &shown.clocked);
    h.push_str(r#"</td><td data-label="Status">"#);
    status(&mut h, shown.clocked.status);
    h.push_str(r#"</td><td data-label="Description"><span class="ss-clamp" title=""#);
    text(&mut h, &share.description);
    h.push_str(r#"">"#);
    text(&mut h, &share.description);
    h.push_str(r#"</span></td><td data-label="Creator" title=""#);
    text(&mut h, &share.creator_id);
    h.push_str(r#"">"#);
    text(&mut h, &share.creator_name);
    h.push_str("</td>");
    // Date and time may go on two lines: at 1280 px the table then fits without scrolling
    // sideways to the row's actions.
    for (when, label) in [(created, "Created"), (updated, "Updated")] {
        h.push_str(r#"<td data-label=""#);
        h.push_str(label);
        h.push_str(r#""><span title=""#);
        text(&mut h, &when.title);
        h.push_str(r#"">"#);
        text(&mut h, when.shown(shown.utc));
        h.push_str("</span></td>");
    }
    if with_actions {
        h.push_str(r#"<td><details class="ss-actions-menu"><summary aria-label="Actions for "#);
        text(&mut h, &share.account);
        h.push_str(r#"">Actions</summary></details></td>"#);
    }
    h
}

/// The date, the relative expiry and, on hover or focus, the exact end.
fn expiry_cell(h: &mut String, share: &Share, c: &Clocked) {
    let exact = match share.deadline.cutoff() {
        Some(t) => format!("Access ends {} ({} your time)", format_utc(t), local(t)),
        None if share.deadline == Deadline::Forever => "No end date".to_string(),
        None => "SWR sent a deadline the app does not recognise".to_string(),
    };
    h.push_str(r#"<span class="ss-expiry" tabindex="0">"#);
    text(h, &share.deadline.label());
    h.push_str(r#"<span class="ss-tip" role="tooltip">"#);
    text(h, &exact);
    h.push_str("</span></span>");
    relative(h, c.status, c.label.as_deref());
}

/// What `live_cells` keeps in step after the row is built.
#[derive(Clone)]
struct Live {
    share: Share,
    now: Signal<DateTime<Utc>>,
    warning_days: Signal<i64>,
    utc_times: Signal<bool>,
    checked: Rc<dyn Fn() -> bool>,
    created: When,
    updated: When,
    /// 1 when the first cell is the checkbox.
    offset: usize,
    first: Shown,
}

/// One render effect per row for everything in it that moves: the relative expiry and
/// status with the clock, the times between UTC and local, the checkbox with the selection.
fn live_cells(el: web_sys::Element, live: Live) {
    let Live {
        share,
        now,
        warning_days,
        utc_times,
        checked,
        created,
        updated,
        offset,
        first,
    } = live;
    let row = el.clone();
    let cell = move |i: usize| row.children().item((offset + i) as u32);
    keep_in_step(move |before: Option<Shown>| {
        // The first time, the markup already says all of it.
        let before = before.unwrap_or_else(|| first.clone());
        // A filter keystroke runs this for every row: the expiry is worked out again only
        // when the clock or the warning days moved.
        let at = (now.get(), warning_days.get());
        let shown = Shown {
            clocked: if at == before.at {
                before.clocked.clone()
            } else {
                Clocked::of(&share, at.0, at.1)
            },
            at,
            utc: utc_times.get(),
            checked: checked(),
        };
        if shown.clocked != before.clocked {
            let mut h = String::new();
            expiry_cell(&mut h, &share, &shown.clocked);
            if let Some(td) = cell(2) {
                td.set_inner_html(&h);
            }
            h.clear();
            status(&mut h, shown.clocked.status);
            if let Some(td) = cell(3) {
                td.set_inner_html(&h);
            }
        }
        if shown.utc != before.utc {
            for (i, when) in [(6, &created), (7, &updated)] {
                if let Some(span) = cell(i).and_then(|td| td.first_element_child()) {
                    span.set_text_content(Some(when.shown(shown.utc)));
                }
            }
        }
        if shown.checked != before.checked {
            if let Some(input) = el
                .first_element_child()
                .and_then(|td| td.first_element_child())
                .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                input.set_checked(shown.checked);
            }
        }
        shown
    });
}

/// Builds the row's menu (in the `changes` chunk) into its `<details>` the first time it
/// is opened, under the row's owner, so that it goes when the row goes.
fn menu_on_open(share: Share) -> impl Fn(web_sys::Event) + 'static {
    let owner = Owner::current();
    let built = StoredValue::new_local(None::<AnyViewState>);
    move |ev: web_sys::Event| {
        let Some(details) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        else {
            return;
        };
        place_menu(&details);
        if !details.open() {
            return;
        }
        if built.with_value(Option::is_some) {
            return;
        }
        let menu = NodeRef::<leptos::html::Details>::new();
        menu.load(&details);
        let share = share.clone();
        let build = move || {
            let mut state = view! {
                <OnDemand asked=true what="the actions" load=move || chunks::row_menu(share.clone(), menu)/>
            }
            .into_any()
            .build();
            state.mount(&details, None);
            state
        };
        let state = match &owner {
            Some(o) => o.with(build),
            None => build(),
        };
        built.set_value(Some(state));
    }
}

/// About the height of the open menu (seven items).
const MENU_PX: f64 = 280.0;

/// The table's frame scrolls sideways, so it also cuts off what overflows its bottom: a
/// menu opened on one of the last rows was a sliver inside a scrollable box. An open menu
/// goes below its row if it fits there, else above if it fits there, else below with room
/// made under the table while it is open.
fn place_menu(details: &web_sys::HtmlDetailsElement) {
    let Ok(Some(frame)) = details.closest(".ss-table-wrap") else {
        return;
    };
    let (mut up, mut room) = (false, false);
    if details.open() {
        let (row, box_) = (
            details.get_bounding_client_rect(),
            frame.get_bounding_client_rect(),
        );
        let (below, above) = (box_.bottom() - row.bottom(), row.top() - box_.top());
        up = below < MENU_PX && above >= MENU_PX;
        room = below < MENU_PX && !up;
    } else if frame
        .query_selector("details[open]")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    let _ = details.toggle_attribute_with_force("data-up", up);
    let _ = frame.toggle_attribute_with_force("data-menu-room", room);
}

/// The row under a share's row where what became of its one-click extend is said.
#[component]
pub fn ExtendNoteRow(
    account: String,
    columns: usize,
    /// The accounts the filter shows: the note starts hidden with its row (the table hides
    /// and shows both from then on).
    shown: Option<Memo<HashSet<String>>>,
) -> impl IntoView {
    let store = SharesStore::expect();
    let mine = {
        let account = account.clone();
        move || {
            store
                .extended
                .get()
                .filter(|x| x.basis.is_account(&account))
        }
    };
    move || {
        mine().map(|x| {
            view! {
                <tr class="ss-note-row" data-note-for=account.clone() hidden=shown.is_some_and(|s| !s.with_untracked(|s| s.contains(&account)))>
                    <td colspan=columns.to_string() aria-live="polite">
                        <OnDemand what="what became of the extend" load=move || chunks::extend_note(x.clone())/>
                    </td>
                </tr>
            }
        })
    }
}
