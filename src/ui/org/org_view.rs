use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::beat::beat;
use super::download::download;
use super::org_rows::{key_of, org_rows, row_of, SHOWN_MAX};
use super::selection_bar::SelectionBar;
use crate::api::error::Operation;
use crate::model::bulk::change::{extensions, revocations};
use crate::model::bulk::export::{to_csv, to_icalendar, to_json, to_terraform, Located, Provider};
use crate::model::bulk::org_table::{org_filter, org_order, OrgSort};
use crate::model::expiry::{summarize, Expiry};
use crate::model::names::validate_namespace;
use crate::model::table_view::StatusFilter;
use crate::state::clock::Now;
use crate::state::jobs::Job;
use crate::state::org::OrgShares;
use crate::state::session::Session;
use crate::state::view::View;
use crate::ui::alert::Alert;
use crate::ui::text_field::TextField;
use crate::ui::time::today_utc;

/// Every share across an organization's private repositories in one table, or with an
/// account given, everything that account can pull. Filter, sort (ends soonest first),
/// select rows to extend or revoke them together, export what is in view.
#[component]
pub fn OrgView() -> impl IntoView {
    let session = Session::expect();
    let view = View::expect();
    let now = Now::expect();
    let org = OrgShares::new();
    let job = Job::new();
    let typed = RwSignal::new(view.0.with_untracked(|v| v.namespace.clone()));
    let ns_error = RwSignal::new(None::<String>);
    let load = move || {
        let ns = typed.get_untracked().trim().to_string();
        match validate_namespace(&ns) {
            Ok(()) => {
                ns_error.set(None);
                if view.0.with_untracked(|v| v.namespace != ns) {
                    view.update(|v| v.namespace = ns.clone());
                }
                org.load(session, ns);
            }
            Err(e) => ns_error.set(Some(e)),
        }
    };
    // Opened with an organization (a link, a reload): load it at once.
    if session.has_token() && !typed.get_untracked().trim().is_empty() {
        load();
    }
    // A load's progress moves at every list answer (64 in a few hundred milliseconds); it is
    // shown at the beat.
    let progress_beat = beat(move || org.loading());
    let shown = move || {
        progress_beat.track();
        org.progress.get_untracked()
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        load();
    };

    let warning_days = Signal::derive(move || session.config.with(|c| c.expiry_warning_days));
    let rows = Memo::new(move |_| {
        org.with(|d| {
            d.and_then(|r| r.as_ref().ok())
                .map(|d| d.rows.clone())
                .unwrap_or_default()
        })
    });
    let expiries = Memo::new(move |_| {
        let (now, days) = (now.0.get(), warning_days.get());
        rows.with(|rows| {
            rows.iter()
                .map(|r| Expiry::of(&r.share, now, days))
                .collect::<Vec<_>>()
        })
    });
    let sort_key = RwSignal::new(OrgSort::EndsSoonest);
    // Sorted once per list and order; a keystroke in the filter only filters.
    let order = Memo::new(move |_| {
        let sort = sort_key.get();
        rows.with(|r| expiries.with(|e| org_order(r, e, sort)))
    });
    let ordered = Memo::new(move |_| {
        view.0.with(|v| {
            order.with(|o| {
                rows.with(|r| expiries.with(|e| org_filter(o, r, e, &v.q, &v.account, v.status)))
            })
        })
    });
    let in_view = move || {
        rows.with(|r| {
            ordered.with(|idx| idx.iter().map(|&i| r[i].clone()).collect::<Vec<Located>>())
        })
    };
    let selected = RwSignal::new(Vec::<(String, String)>::new());
    let body = NodeRef::<leptos::html::Tbody>::new();
    org_rows(body, rows, expiries, order, ordered, selected);
    let chosen = move || {
        rows.with(|r| {
            selected.with(|s| {
                r.iter()
                    .filter(|l| s.contains(&key_of(l)))
                    .map(|l| (l.repo.clone(), l.share.clone()))
                    .collect::<Vec<_>>()
            })
        })
    };
    let extend = move |days: Option<i64>| {
        let changes = extensions(&chosen(), days, today_utc());
        selected.set(Vec::new());
        job.start(session, changes);
    };
    let revoke = move || {
        let changes = revocations(&chosen());
        selected.set(Vec::new());
        job.start(session, changes);
    };
    // When a job has finished, the table shows SWR's lists as they are now.
    job.on_finish(move || {
        let ns = view.0.with_untracked(|v| v.namespace.clone());
        org.load(session, ns);
    });

    let summary = move || {
        let s = expiries.with(|e| summarize(e.iter()));
        let repos = org.with(|d| {
            d.and_then(|r| r.as_ref().ok())
                .map(|d| d.repos.len())
                .unwrap_or(0)
        });
        format!(
            "{} shares across {repos} private repositories: {} expired, {} expire within {} days.",
            s.total,
            s.expired,
            s.expiring,
            warning_days.get()
        )
    };
    let horizon = RwSignal::new(String::from("30"));
    let file_base = move || {
        let v = view.0.get_untracked();
        if v.account.is_empty() {
            format!("swr-shares-{}", v.namespace)
        } else {
            format!("swr-shares-{}-{}", v.namespace, v.account)
        }
    };
    let export = move |kind: &'static str| {
        let rows = in_view();
        let base = file_base();
        match kind {
            "csv" => download(&format!("{base}.csv"), "text/csv", &to_csv(&rows)),
            "json" => download(&format!("{base}.json"), "application/json", &to_json(&rows)),
            "tf-huawei" => download(
                &format!("{base}-huaweicloud.tf"),
                "text/plain",
                &to_terraform(&rows, Provider::Huawei),
            ),
            "tf-otc" => download(
                &format!("{base}-opentelekomcloud.tf"),
                "text/plain",
                &to_terraform(&rows, Provider::OpenTelekom),
            ),
            _ => {
                let days = horizon
                    .get_untracked()
                    .trim()
                    .parse()
                    .unwrap_or(30)
                    .clamp(1, 3650);
                download(
                    &format!("{base}-ending.ics"),
                    "text/calendar",
                    &to_icalendar(&rows, now.0.get_untracked(), days),
                )
            }
        }
    };
    let open_repo = move |l: Located| {
        view.update(|v| {
            v.view.clear();
            v.account.clear();
            v.q.clear();
            v.namespace = l.repo.namespace.clone();
            v.repository = l.repo.repository.clone();
        })
    };

    view! {
        <section class="ss-card" aria-labelledby="ss-org-h">
            <h2 id="ss-org-h">"Organization overview"</h2>
            <form class="ss-row" on:submit=on_submit novalidate>
                <TextField id="ss-org" label="Organization" value=typed error=ns_error/>
                <div class="ss-field ss-field-button">
                    <button type="submit" disabled=move || org.loading() || !session.has_token()>{move || if org.loading() { "Loading…" } else { "Load every share" }}</button>
                </div>
            </form>
            <Show when=move || org.loading()>
                <progress max=move || shown().1.max(1) value=move || shown().0 aria-label="Repositories read"></progress>
                <p class="ss-muted" role="status">{move || match shown() {
                    (_, 0) => "Listing the private repositories…".to_string(),
                    (done, total) => format!("Read {done} of {total} repositories…"),
                }}</p>
            </Show>
            {move || org.with(|d| match d {
                Some(Err(e)) => {
                    let why = e.describe(Operation::Repositories);
                    Some(view! { <Alert headline="Could not list the repositories. ">{why}</Alert> }.into_any())
                }
                Some(Ok(data)) if !data.failed.is_empty() => {
                    let items = data.failed.iter().map(|(r, e)| view! { <li>{r.display()}": "{e.headline()}" "{e.describe(Operation::List)}</li> }).collect_view();
                    Some(view! {
                        <Alert headline=format!("The shares of {} repositories could not be read; they are not in the table. ", data.failed.len())>
                            <ul>{items}</ul>
                            "Load again to retry."
                        </Alert>
                    }.into_any())
                }
                _ => None,
            })}
            <Show when=move || org.with(|d| matches!(d, Some(Ok(_))))>
                <p class="ss-summary" role="status" data-testid="org-summary">{summary}</p>
                <div class="ss-row ss-toolbar">
                    <div class="ss-field">
                        <label for="ss-org-account">"Account (what it can pull)"</label>
                        <input id="ss-org-account" autocomplete="off" spellcheck="false" placeholder="any account"
                            prop:value=move || view.0.with(|v| v.account.clone())
                            on:change:target=move |ev| { let a = ev.target().value(); view.update(|v| v.account = a.trim().to_string()) }/>
                    </div>
                    <div class="ss-field">
                        <label for="ss-org-filter">"Filter"</label>
                        <input id="ss-org-filter" type="search" placeholder="account, repository, description"
                            prop:value=move || view.0.with(|v| v.q.clone())
                            on:input:target=move |ev| { let q = ev.target().value(); view.update(|v| v.q = q) }/>
                    </div>
                    <div class="ss-field">
                        <label for="ss-org-status">"Status"</label>
                        <select id="ss-org-status" on:change:target=move |ev| { let s = StatusFilter::parse(&ev.target().value()); view.update(|v| v.status = s) }>
                            {StatusFilter::ALL.into_iter().map(|f| view! { <option value=f.key() selected=move || view.0.with(|v| v.status == f)>{f.label()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="ss-field">
                        <label for="ss-org-sort">"Sort by"</label>
                        <select id="ss-org-sort" on:change:target=move |ev| sort_key.set(OrgSort::parse(&ev.target().value()))>
                            <option value="">"Access ends, soonest first"</option>
                            <option value="repository">"Repository"</option>
                            <option value="account">"Account"</option>
                        </select>
                    </div>
                </div>
                <div class="ss-row ss-toolbar" role="group" aria-label="Export the rows in view">
                    <span class="ss-muted">{move || format!("Export the {} rows in view:", ordered.with(Vec::len))}</span>
                    <button type="button" class="ss-secondary" on:click=move |_| export("csv")>"CSV"</button>
                    <button type="button" class="ss-secondary" on:click=move |_| export("json")>"JSON"</button>
                    <button type="button" class="ss-secondary" on:click=move |_| export("tf-huawei")>"Terraform (Huawei Cloud)"</button>
                    <button type="button" class="ss-secondary" on:click=move |_| export("tf-otc")>"Terraform (Open Telekom Cloud)"</button>
                    <label class="ss-inline">"Ending within "
                        <input class="ss-days" type="number" min="1" max="3650" prop:value=move || horizon.get() on:input:target=move |ev| horizon.set(ev.target().value()) aria-label="Days ahead for the calendar"/>
                        " days:"</label>
                    <button type="button" class="ss-secondary" on:click=move |_| export("ics")>"Calendar (.ics)"</button>
                </div>
                <SelectionBar
                    count=Signal::derive(move || selected.with(Vec::len))
                    job=job
                    question=Signal::derive(move || format!("Revoke {} shares? The accounts can no longer pull these images.", selected.with(Vec::len)))
                    on_extend=Callback::new(extend)
                    on_revoke=Callback::new(move |_| revoke())
                    on_clear=Callback::new(move |_| selected.set(Vec::new()))
                />
                <div class="ss-table-wrap">
                    <table class="ss-table ss-org-table" aria-label="Shares across the organization">
                        <thead><tr>
                            <th scope="col"><span class="ss-visually-hidden">"Select"</span></th>
                            <th scope="col">"Repository"</th>
                            <th scope="col">"Account"</th>
                            <th scope="col">"Last valid day"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"Description"</th>
                        </tr></thead>
                        // Rows written once per load and order (`org_rows`); one listener
                        // each for the boxes and the repository links.
                        <tbody node_ref=body
                            on:change=move |ev| {
                                let Some(i) = row_of(&ev) else { return };
                                let on = event_target_checked(&ev);
                                let k = rows.with_untracked(|r| key_of(&r[i]));
                                selected.update(|s| { s.retain(|x| *x != k); if on { s.push(k) } });
                            }
                            on:click=move |ev| {
                                let link = ev.target()
                                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                                    .is_some_and(|t| t.closest("button[data-open]").ok().flatten().is_some());
                                if let (true, Some(i)) = (link, row_of(&ev)) {
                                    open_repo(rows.with_untracked(|r| r[i].clone()));
                                }
                            }
                        ></tbody>
                    </table>
                </div>
                <Show when=move || { ordered.with(Vec::len) > SHOWN_MAX }>
                    <p class="ss-muted">{move || format!("The first {SHOWN_MAX} of {} rows are shown; filter to narrow them down. Exports hold every row in view.", ordered.with(Vec::len))}</p>
                </Show>
            </Show>
        </section>
    }
}
