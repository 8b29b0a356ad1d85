use std::hash::{DefaultHasher, Hash, Hasher};

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::row_actions::{ExtendNoteRow, RowActions};
use super::time::{local, local_compact};
use crate::model::deadline::format_utc;
use crate::model::expiry::{Expiry, DEFAULT_WARNING_DAYS};
use crate::model::share::Timestamp;
use crate::model::table_view::{Column, Sort};
use crate::model::{Deadline, Share};
use crate::state::selection::Selection;
use crate::state::shares::SharesStore;

/// Every field of the list response, one row per account; sortable headers; optional row
/// actions (edit, extend, revoke, copy).
#[component]
pub fn ShareTable(
    #[prop(into)] shares: Signal<Vec<Share>>,
    #[prop(optional, into)] sort: Signal<Option<Sort>>,
    #[prop(optional, into)] on_sort: Option<Callback<Column>>,
    #[prop(optional)] with_actions: bool,
    #[prop(optional, into)] now: Option<Signal<DateTime<Utc>>>,
    #[prop(default = DEFAULT_WARNING_DAYS.into(), into)] warning_days: Signal<i64>,
    /// Created/updated in UTC (ISO 8601) rather than in the browser's locale and zone.
    #[prop(default = true.into(), into)]
    utc_times: Signal<bool>,
    /// A first column of checkboxes, for acting on several rows at once.
    #[prop(optional)]
    selection: Option<Selection>,
) -> impl IntoView {
    let now = now.unwrap_or_else(|| Signal::derive(Utc::now));
    let header = move |c: Column| {
        let aria_sort = move || match sort.get() {
            Some(s) if s.column == c && s.descending => "descending",
            Some(s) if s.column == c => "ascending",
            _ => "none",
        };
        let label = c.label();
        view! {
            <th scope="col" aria-sort=aria_sort>
                {match on_sort {
                    Some(cb) => view! {
                        <button type="button" class="ss-sort" on:click=move |_| cb.run(c)>
                            {label}
                            <span aria-hidden="true" class="ss-sort-mark">
                                {move || match aria_sort() {
                                    "ascending" => " ▲",
                                    "descending" => " ▼",
                                    _ => "",
                                }}
                            </span>
                        </button>
                    }
                    .into_any(),
                    None => label.into_any(),
                }}
            </th>
        }
    };
    view! {
        <div class="ss-table-wrap">
            <table class="ss-table">
                <caption class="ss-visually-hidden">"Accounts this repository is shared with"</caption>
                <thead>
                    <tr>
                        {selection.is_some().then(|| view! { <th scope="col"><span class="ss-visually-hidden">"Select"</span></th> })}
                        {Column::ALL.into_iter().map(header).collect_view()}
                        {with_actions.then(|| view! { <th scope="col"><span class="ss-visually-hidden">"Actions"</span></th> })}
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || shares.get()
                        key=row_key
                        children=move |share| view! {
                            <ShareRow share=share now=now warning_days=warning_days with_actions=with_actions utc_times=utc_times selection=selection/>
                        }
                    />
                </tbody>
            </table>
        </div>
    }
}

/// Rows re-render when anything shown in them changes, not only when the account does: the
/// key is a hash of what a row shows (cheaper to compare, on every keystroke of the filter,
/// than the fields themselves).
fn row_key(s: &Share) -> u64 {
    let mut h = DefaultHasher::new();
    (
        &s.account,
        &s.permit,
        &s.deadline,
        s.valid,
        &s.description,
        &s.creator_name,
        &s.creator_id,
        &s.created,
        &s.updated,
    )
        .hash(&mut h);
    h.finish()
}

/// A time in its three forms: UTC, the compact local form shown in a cell and the full one
/// on hover. Worked out once per row, not on every switch between UTC and local.
struct When {
    utc: String,
    compact: String,
    title: String,
}

impl When {
    fn of(t: &Timestamp) -> When {
        let utc = t.label();
        match t.instant() {
            Some(i) => When {
                compact: local_compact(i),
                title: format!("{} · {utc}", local(i)),
                utc,
            },
            None => When {
                compact: utc.clone(),
                title: format!("{utc} · {utc}"),
                utc,
            },
        }
    }

    /// One line; the full local form and UTC on hover.
    fn cell(self, utc_times: Signal<bool>) -> impl IntoView {
        let When {
            utc,
            compact,
            title,
        } = self;
        view! {
            <td class="ss-nowrap">
                <span title=title>{move || if utc_times.get() { utc.clone() } else { compact.clone() }}</span>
            </td>
        }
    }
}

/// Every part of a row that moves with the clock (relative expiry, status) in one reactive
/// closure: a row costs one effect for them, not five.
#[component]
fn ShareRow(
    share: Share,
    now: Signal<DateTime<Utc>>,
    warning_days: Signal<i64>,
    with_actions: bool,
    utc_times: Signal<bool>,
    selection: Option<Selection>,
) -> impl IntoView {
    let exact = match share.deadline.cutoff() {
        Some(c) => format!("Access ends {} ({} your time)", format_utc(c), local(c)),
        None if share.deadline == Deadline::Forever => "No end date".to_string(),
        None => "SWR sent a deadline the app does not recognise".to_string(),
    };
    let (created, updated) = (When::of(&share.created), When::of(&share.updated));
    let until = share.deadline.label();
    let (account, row_account) = (share.account.clone(), share.account.clone());
    let note_account = share.account.clone();
    let columns = Column::ALL.len() + 1 + usize::from(selection.is_some());
    view! {
        <tr data-account=row_account>
            {selection.map(|sel| select_cell(sel, share.account.clone()))}
            <th scope="row" class="ss-mono">{account}</th>
            <td><span class="ss-chip">{share.permission_label().to_string()}</span></td>
            {
                let share = share.clone();
                move || {
                    let expiry = Expiry::of(&share, now.get(), warning_days.get());
                    let status = expiry.status();
                    let class = status.css_class();
                    view! {
                        <td>
                            <span class="ss-expiry" tabindex="0">
                                {until.clone()}
                                <span class=format!("ss-relative {class}")>{format!(" · {}", expiry.label())}</span>
                                <span class="ss-tip" role="tooltip">{exact.clone()}</span>
                            </span>
                        </td>
                        <td>
                            <span class=format!("ss-status {class}")>{status.icon()} " " {status.word()}</span>
                        </td>
                    }
                }
            }
            <td><span class="ss-clamp" title=share.description.clone()>{share.description.clone()}</span></td>
            <td title=share.creator_id.clone()>{share.creator_name.clone()}</td>
            {created.cell(utc_times)}
            {updated.cell(utc_times)}
            {with_actions.then(|| view! { <td><RowActions share=share.clone()/></td> })}
        </tr>
        {with_actions.then(|| view! { <ExtendNoteRow account=note_account columns=columns/> })}
    }
}

/// The checkbox that chooses a row for a bulk extend or revoke in the open repository.
fn select_cell(sel: Selection, account: String) -> impl IntoView {
    let repo = SharesStore::expect().repo;
    let label = format!("Select {account}");
    let (a1, a2) = (account.clone(), account);
    view! {
        <td class="ss-select">
            <input
                type="checkbox"
                aria-label=label
                prop:checked=move || repo.with(|r| sel.contains(r, &a1))
                on:change:target=move |ev| {
                    let on = ev.target().checked();
                    repo.with_untracked(|r| sel.set(r, &a2, on))
                }
            />
        </td>
    }
}
