use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::in_step::keep_in_step;
use super::share_row::ShareRow;
use crate::model::expiry::DEFAULT_WARNING_DAYS;
use crate::model::table_view::{Column, Sort};
use crate::model::Share;
use crate::state::selection::Selection;

/// Every field of the list response, one row per account; sortable headers; optional row
/// actions (edit, extend, revoke, copy).
#[component]
pub fn ShareTable(
    #[prop(into)] shares: Signal<Vec<Share>>,
    /// The accounts whose rows are shown (the filtered page); every row when None. The
    /// others stay built but hidden.
    #[prop(optional)]
    shown: Option<Memo<HashSet<String>>>,
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
                    Some(cb) => {
                        view! {
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
                            .into_any()
                    }
                    None => label.into_any(),
                }}
            </th>
        }
    };
    let body = NodeRef::<leptos::html::Tbody>::new();
    if let Some(shown) = shown {
        keep_in_step(move |_| show_only(body, shown));
    }
    view! {
        <div class="ss-table-wrap">
            <table class="ss-table">
                <caption class="ss-visually-hidden">
                    "Accounts this repository is shared with"
                </caption>
                <thead>
                    <tr>
                        {selection
                            .is_some()
                            .then(|| {
                                view! {
                                    <th scope="col">
                                        <span class="ss-visually-hidden">"Select"</span>
                                    </th>
                                }
                            })} {Column::ALL.into_iter().map(header).collect_view()}
                        {with_actions
                            .then(|| {
                                view! {
                                    <th scope="col">
                                        <span class="ss-visually-hidden">"Actions"</span>
                                    </th>
                                }
                            })}
                    </tr>
                </thead>
                <tbody node_ref=body>
                    <For
                        each=move || shares.get()
                        key=row_key
                        children=move |share| {
                            view! {
                                <ShareRow
                                    share=share
                                    shown=shown
                                    now=now
                                    warning_days=warning_days
                                    with_actions=with_actions
                                    utc_times=utc_times
                                    selection=selection
                                />
                            }
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

/// Hides the rows (and their note rows) whose account is not in `shown` and shows the
/// others: one pass over the table's rows per filter keystroke, touching only the rows that
/// change, instead of one effect per row. Rows built later are built shown or hidden.
fn show_only(body: NodeRef<leptos::html::Tbody>, shown: Memo<HashSet<String>>) {
    shown.with(|shown| {
        let Some(body) = body.get() else { return };
        let rows = body.children();
        for i in 0..rows.length() {
            let Some(tr) = rows.item(i) else { continue };
            let Some(account) = tr
                .get_attribute("data-account")
                .or_else(|| tr.get_attribute("data-note-for"))
            else {
                continue;
            };
            let hide = !shown.contains(&account);
            if tr.has_attribute("hidden") != hide {
                let _ = tr.toggle_attribute_with_force("hidden", hide);
            }
        }
    });
}
