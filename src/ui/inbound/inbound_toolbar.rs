use leptos::prelude::*;

use crate::model::inbound::{to_csv, to_json, Inbound, InboundSort, InboundStatus};
use crate::model::table_view::StatusFilter;
use crate::state::view::View;
use crate::ui::org::download::download;

/// Filter (owner, organization, repository), status and order of the images shared with
/// you, and the export of what is in view.
#[component]
pub fn InboundToolbar(rows: Memo<Vec<Inbound>>, sort: RwSignal<InboundSort>) -> impl IntoView {
    let view = View::expect();
    let export = move |json: bool| {
        let rows = rows.get_untracked();
        match json {
            true => download(
                "swr-shared-with-you.json",
                "application/json",
                &to_json(&rows),
            ),
            false => download("swr-shared-with-you.csv", "text/csv", &to_csv(&rows)),
        }
    };
    view! {
        <div class="ss-row ss-toolbar">
            <div class="ss-field">
                <label for="ss-inbound-filter">"Filter"</label>
                <input
                    id="ss-inbound-filter"
                    type="search"
                    placeholder="owner, organization, repository"
                    prop:value=move || view.0.with(|v| v.q.clone())
                    on:input:target=move |ev| {
                        let q = ev.target().value();
                        view.update(|v| v.q = q)
                    }
                />
            </div>
            <div class="ss-field">
                <label for="ss-inbound-status">"Status"</label>
                <select
                    id="ss-inbound-status"
                    on:change:target=move |ev| {
                        let s = StatusFilter::parse(&ev.target().value());
                        view.update(|v| v.status = s)
                    }
                >
                    {InboundStatus::ALL
                        .into_iter()
                        .map(|f| {
                            let on = move || view.0.with(|v| v.status.key() == f.key());
                            view! {
                                <option value=f.key() selected=on>
                                    {f.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="ss-field">
                <label for="ss-inbound-sort">"Sort by"</label>
                <select
                    id="ss-inbound-sort"
                    on:change:target=move |ev| sort.set(InboundSort::parse(&ev.target().value()))
                >
                    <option value="">"Owner"</option>
                    <option value="repository">"Organization and repository"</option>
                    <option value="status">"Expired first"</option>
                </select>
            </div>
            <div class="ss-field ss-field-button">
                <span class="ss-muted">"Export the rows in view: "</span>
                <button type="button" on:click=move |_| export(false)>
                    "CSV"
                </button>
                " "
                <button type="button" on:click=move |_| export(true)>
                    "JSON"
                </button>
            </div>
        </div>
    }
}
