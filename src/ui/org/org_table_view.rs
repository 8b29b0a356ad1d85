use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::org_rows::{org_rows, row_of, SHOWN_MAX};
use crate::model::bulk::export::Located;
use crate::state::org_table::OrgTable;
use crate::state::view::View;

/// The table of every share in view. Its rows are written once per load and order
/// (`org_rows`); one listener each for the boxes and the repository links.
#[component]
pub fn OrgTableView(table: OrgTable) -> impl IntoView {
    let view = View::expect();
    let body = NodeRef::<leptos::html::Tbody>::new();
    org_rows(
        body,
        table.rows,
        table.expiries,
        table.order,
        table.ordered,
        table.selected,
    );
    let open_repo = move |l: Located| {
        view.update(|v| {
            v.view.clear();
            v.account.clear();
            v.q.clear();
            v.namespace = l.repo.namespace.clone();
            v.repository = l.repo.repository.clone();
        })
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|t| t.closest("button[data-open]").ok().flatten().is_some());
        if let (true, Some(i)) = (link, row_of(&ev)) {
            open_repo(table.rows.with_untracked(|r| r[i].clone()));
        }
    };
    view! {
        <div class="ss-table-wrap">
            <table class="ss-table ss-org-table" aria-label="Shares across the organization">
                <thead>
                    <tr>
                        <th scope="col">
                            <span class="ss-visually-hidden">"Select"</span>
                        </th>
                        <th scope="col">"Organization"</th>
                        <th scope="col">"Repository"</th>
                        <th scope="col">"Account"</th>
                        <th scope="col">"Last valid day"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Description"</th>
                    </tr>
                </thead>
                <tbody
                    node_ref=body
                    on:change=move |ev| {
                        if let Some(i) = row_of(&ev) {
                            table.tick(i, event_target_checked(&ev))
                        }
                    }
                    on:click=on_click
                ></tbody>
            </table>
        </div>
        <Show when=move || { table.ordered.with(Vec::len) > SHOWN_MAX }>
            <p class="ss-muted">
                {move || {
                    format!(
                        "The first {SHOWN_MAX} of {} rows are shown; filter to narrow them down. Exports hold every row in view.",
                        table.ordered.with(Vec::len),
                    )
                }}
            </p>
        </Show>
    }
}
