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
use super::markup::{cell_of, first_in, relative, status, write_cells, Html, TableCell};
use super::on_demand::OnDemand;
use super::time::{break_after_comma_only, local, local_compact};
use super::trusted::set_inner;
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
    let columns = ShareCell::columns(with_select, with_actions);
    let html = cells(&share, &first, &created, &updated, columns);
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
        columns,
        html,
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
    let width = columns.len();
    let note_account = share.account.clone();
    view! {
        <tr
            data-account=share.account.clone()
            hidden=hidden
            use:live_cells=live
            on:change=on_change
            on:toggle:capture=menu
        ></tr>
        {with_actions
            .then(|| view! { <ExtendNoteRow account=note_account columns=width shown=shown /> })}
    }
}

/// The share table's cells, by name (`TableCell`): a checkbox, the columns of
/// `table_view::Column` (the one list of them, also for sorting and the header), a menu.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum ShareCell {
    Select,
    Data(Column),
    Actions,
}

impl ShareCell {
    const ALL: [ShareCell; Column::ALL.len() + 2] = {
        let mut all = [ShareCell::Select; Column::ALL.len() + 2];
        let mut i = 0;
        while i < Column::ALL.len() {
            all[i + 1] = ShareCell::Data(Column::ALL[i]);
            i += 1;
        }
        all[Column::ALL.len() + 1] = ShareCell::Actions;
        all
    };

    /// The cells of a table with or without a checkbox first and a menu last.
    pub fn columns(with_select: bool, with_actions: bool) -> &'static [ShareCell] {
        let from = usize::from(!with_select);
        let to = Self::ALL.len() - usize::from(!with_actions);
        &Self::ALL[from..to]
    }
}

impl TableCell for ShareCell {
    // `data-label`: what each value is, said beside it where the rows are stacked as cards
    // (phone width, style/app.css).
    fn open(self) -> &'static str {
        match self {
            ShareCell::Select => r#"<td class="ss-select">"#,
            ShareCell::Data(c) => match c {
                Column::Account => r#"<th scope="row" class="ss-mono" data-label="Account">"#,
                Column::Permission => r#"<td data-label="Permission">"#,
                Column::ValidUntil => r#"<td data-label="Valid until">"#,
                Column::Status => r#"<td data-label="Status">"#,
                Column::Description => r#"<td data-label="Description">"#,
                Column::Creator => r#"<td data-label="Creator">"#,
                Column::Created => r#"<td data-label="Created">"#,
                Column::Updated => r#"<td data-label="Updated">"#,
            },
            ShareCell::Actions => "<td>",
        }
    }

    fn close(self) -> &'static str {
        match self {
            ShareCell::Data(Column::Account) => "</th>",
            _ => "</td>",
        }
    }
}

/// The row's cells, the same markup a view would build; every text from SWR is escaped.
fn cells(
    share: &Share,
    shown: &Shown,
    created: &When,
    updated: &When,
    columns: &[ShareCell],
) -> Html {
    let mut h = Html::with_capacity(1024);
    write_cells(&mut h, columns, |c, h| match c {
        ShareCell::Select => {
            h.tag(r#"<input type="checkbox" aria-label="Select "#)
                .text(&share.account)
                .tag(if shown.checked {
                    r#"" checked>"#
                } else {
                    r#"">"#
                });
        }
        ShareCell::Data(Column::Account) => {
            h.text(&share.account);
        }
        ShareCell::Data(Column::Permission) => {
            h.tag(r#"<span class="ss-chip">"#)
                .text(share.permission_label())
                .tag("</span>");
        }
        ShareCell::Data(Column::ValidUntil) => expiry_cell(h, share, &shown.clocked),
        ShareCell::Data(Column::Status) => status(h, shown.clocked.status),
        ShareCell::Data(Column::Description) => {
            h.tag(r#"<span class="ss-clamp" title=""#)
                .text(&share.description)
                .tag(r#"">"#)
                .text(&share.description)
                .tag("</span>");
        }
        ShareCell::Data(Column::Creator) => {
            h.tag(r#"<span title=""#)
                .text(&share.creator_id)
                .tag(r#"">"#)
                .text(&share.creator_name)
                .tag("</span>");
        }
        // Date and time may go on two lines: at 1280 px the table then fits without
        // scrolling sideways to the row's actions.
        ShareCell::Data(Column::Created | Column::Updated) => {
            let when = if c == ShareCell::Data(Column::Created) {
                created
            } else {
                updated
            };
            h.tag(r#"<span title=""#)
                .text(&when.title)
                .tag(r#"">"#)
                .text(when.shown(shown.utc))
                .tag("</span>");
        }
        ShareCell::Actions => {
            h.tag(r#"<details class="ss-actions-menu"><summary aria-label="Actions for "#)
                .text(&share.account)
                .tag(r#"">Actions</summary></details>"#);
        }
    });
    h
}

/// The date, the relative expiry and, on hover or focus, the exact end.
fn expiry_cell(h: &mut Html, share: &Share, c: &Clocked) {
    let exact = match share.deadline.cutoff() {
        Some(t) => format!("Access ends {} ({} your time)", format_utc(t), local(t)),
        None if share.deadline == Deadline::Forever => "No end date".to_string(),
        None => "SWR sent a deadline the app does not recognise".to_string(),
    };
    h.tag(r#"<span class="ss-expiry" tabindex="0">"#)
        .text(&share.deadline.label())
        .tag(r#"<span class="ss-tip" role="tooltip">"#)
        .text(&exact)
        .tag("</span></span>");
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
    columns: &'static [ShareCell],
    /// The row's cells as first written.
    html: Html,
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
        columns,
        html,
        first,
    } = live;
    set_inner(&el, &html);
    let row = el.clone();
    let cell = move |c: ShareCell| cell_of(&row, columns, c);
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
            let mut h = Html::default();
            expiry_cell(&mut h, &share, &shown.clocked);
            if let Some(td) = cell(ShareCell::Data(Column::ValidUntil)) {
                set_inner(&td, &h);
            }
            h.clear();
            status(&mut h, shown.clocked.status);
            if let Some(td) = cell(ShareCell::Data(Column::Status)) {
                set_inner(&td, &h);
            }
        }
        if shown.utc != before.utc {
            for (c, when) in [
                (ShareCell::Data(Column::Created), &created),
                (ShareCell::Data(Column::Updated), &updated),
            ] {
                if let Some(span) = first_in(cell(c)) {
                    span.set_text_content(Some(when.shown(shown.utc)));
                }
            }
        }
        if shown.checked != before.checked {
            if let Some(input) = first_in(cell(ShareCell::Select))
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
                <OnDemand
                    asked=true
                    what="the actions"
                    load=move || chunks::row_menu(share.clone(), menu)
                />
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
                <tr
                    class="ss-note-row"
                    data-note-for=account.clone()
                    hidden=shown.is_some_and(|s| !s.with_untracked(|s| s.contains(&account)))
                >
                    <td colspan=columns.to_string() aria-live="polite">
                        <OnDemand
                            what="what became of the extend"
                            load=move || chunks::extend_note(x.clone())
                        />
                    </td>
                </tr>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::markup::{assert_all_escaped, EVIL};

    #[test]
    fn every_field_of_a_row_is_escaped() {
        let share = Share {
            permit: EVIL.into(),
            creator_name: EVIL.into(),
            creator_id: EVIL.into(),
            created: Timestamp::Raw(EVIL.into()),
            updated: Timestamp::Raw(EVIL.into()),
            ..Share::sample(EVIL)
                .described(EVIL)
                .until(Deadline::Unrecognised(EVIL.into()))
        };
        let now = Utc::now();
        let shown = Shown {
            clocked: Clocked::of(&share, now, 14),
            utc: true,
            checked: true,
            at: (now, 14),
        };
        let (created, updated) = (When::of(&share.created), When::of(&share.updated));
        let h = cells(
            &share,
            &shown,
            &created,
            &updated,
            ShareCell::columns(true, true),
        );
        // Checkbox, account, permission, date, description (title and text), creator (id
        // and name), created and updated (title twice and text), the menu's name.
        let tags = ["td", "th", "input", "span", "details", "summary"];
        assert_all_escaped(h.as_str(), 1 + 1 + 1 + 1 + 2 + 2 + 3 + 3 + 1, &tags);
    }

    #[test]
    fn the_columns_are_the_data_with_a_checkbox_first_and_a_menu_last() {
        let data = ShareCell::columns(false, false);
        assert_eq!(data.len(), Column::ALL.len());
        assert_eq!(data[0], ShareCell::Data(Column::Account));
        assert_eq!(ShareCell::columns(true, false)[1..], *data);
        assert_eq!(
            ShareCell::columns(true, true).last(),
            Some(&ShareCell::Actions)
        );
        assert_eq!(ShareCell::columns(false, true)[..data.len()], *data);
    }
}
