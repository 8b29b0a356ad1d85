use leptos::prelude::*;

use crate::model::inbound::{to_csv, to_json, Inbound, InboundSort, InboundStatus};
use crate::ui::org::download::download;
use crate::ui::org::view_filters::{StatusSelect, TextFilter};

/// Filter (owner, organization, repository), status and order of the images shared with
/// you, and the export of what is in view.
#[component]
pub fn InboundToolbar(rows: Memo<Vec<Inbound>>, sort: RwSignal<InboundSort>) -> impl IntoView {
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
            <TextFilter id="ss-inbound-filter" placeholder="owner, organization, repository" />
            <StatusSelect
                id="ss-inbound-status"
                options=InboundStatus::ALL.into_iter().map(|f| (f.key(), f.label())).collect()
            />
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
        </div>
        <div class="ss-row ss-toolbar" role="group" aria-label="Export the rows in view">
            <span class="ss-muted">
                {move || format!("Export the {} rows in view:", rows.with(Vec::len))}
            </span>
            <button type="button" class="ss-secondary" on:click=move |_| export(false)>
                "CSV"
            </button>
            <button type="button" class="ss-secondary" on:click=move |_| export(true)>
                "JSON"
            </button>
        </div>
    }
}
