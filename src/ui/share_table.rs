use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::row_actions::{ExtendNoteRow, RowActions};
use super::time::{local, local_compact};
use crate::model::deadline::format_utc;
use crate::model::expiry::{Expiry, DEFAULT_WARNING_DAYS};
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
                        children=move |s| {
                            let share = s.clone();
                            let expiry = Signal::derive(move || Expiry::of(&s, now.get(), warning_days.get()));
                            view! { <ShareRow share=share expiry=expiry with_actions=with_actions utc_times=utc_times selection=selection/> }
                        }
                    />
                </tbody>
            </table>
        </div>
    }
}

/// Rows re-render when anything shown in them changes, not only when the account does.
fn row_key(s: &Share) -> (String, String, String, bool, String) {
    (
        s.account.clone(),
        s.deadline.label(),
        s.updated.label(),
        s.valid,
        s.description.clone(),
    )
}

#[component]
fn ShareRow(
    share: Share,
    expiry: Signal<Expiry>,
    with_actions: bool,
    utc_times: Signal<bool>,
    selection: Option<Selection>,
) -> impl IntoView {
    let exact = match share.deadline.cutoff() {
        Some(c) => format!("Access ends {} ({} your time)", format_utc(c), local(c)),
        None if share.deadline == Deadline::Forever => "No end date".to_string(),
        None => "SWR sent a deadline the app does not recognise".to_string(),
    };
    let status = move || expiry.get().status();
    // One form shown, the other on hover: local time and UTC are both always at hand.
    // On one line: the compact local form, or UTC; the full local form and UTC on hover.
    let when = move |t: crate::model::share::Timestamp| {
        let utc = t.label();
        let (compact, full) = match t.instant() {
            Some(i) => (local_compact(i), local(i)),
            None => (utc.clone(), utc.clone()),
        };
        let shown = if utc_times.get() {
            utc.clone()
        } else {
            compact
        };
        view! { <span title=format!("{full} · {utc}")>{shown}</span> }
    };
    let (created, updated) = (share.created.clone(), share.updated.clone());
    let (account, row_account) = (share.account.clone(), share.account.clone());
    let note_account = share.account.clone();
    view! {
        <tr data-account=row_account>
            {selection.map(|sel| select_cell(sel, share.account.clone()))}
            <th scope="row" class="ss-mono">{account}</th>
            <td><span class="ss-chip">{share.permission_label().to_string()}</span></td>
            <td>
                <span class="ss-expiry" tabindex="0">
                    {share.deadline.label()}
                    <span class=move || format!("ss-relative {}", status().css_class())>
                        {move || format!(" · {}", expiry.get().label())}
                    </span>
                    <span class="ss-tip" role="tooltip">{exact}</span>
                </span>
            </td>
            <td>
                <span class=move || format!("ss-status {}", status().css_class())>
                    {move || status().icon()} " "
                    {move || status().word()}
                </span>
            </td>
            <td><span class="ss-clamp" title=share.description.clone()>{share.description.clone()}</span></td>
            <td title=share.creator_id.clone()>{share.creator_name.clone()}</td>
            <td class="ss-nowrap">{move || when(created.clone())}</td>
            <td class="ss-nowrap">{move || when(updated.clone())}</td>
            {with_actions.then(|| view! { <td><RowActions share=share.clone()/></td> })}
        </tr>
        {with_actions.then(|| view! { <ExtendNoteRow account=note_account columns=Column::ALL.len() + 1 + usize::from(selection.is_some())/> })}
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
