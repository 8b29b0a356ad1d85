use leptos::prelude::*;

use super::export_menu::ExportMenu;
use super::org_filters::OrgFilters;
use super::org_load::OrgLoad;
use super::org_table_view::OrgTableView;
use super::selection_bar::SelectionBar;
use crate::state::clock::Now;
use crate::state::org_table::OrgTable;
use crate::state::session::Session;
use crate::state::view::View;

/// Every share across an organization's private repositories in one table, or with an
/// account given, everything that account can pull. Filter, sort (ends soonest first),
/// select rows to extend or revoke them together, export what is in view.
#[component]
pub fn OrgView() -> impl IntoView {
    let table = OrgTable::new(Session::expect(), View::expect(), Now::expect());
    let count = Signal::derive(move || table.selected.with(Vec::len));
    let question = Signal::derive(move || {
        format!(
            "Revoke {} shares? The accounts can no longer pull these images.",
            count.get()
        )
    });
    view! {
        <section class="ss-card" aria-labelledby="ss-org-h">
            <h2 id="ss-org-h">"Organization overview"</h2>
            <OrgLoad table=table />
            <Show when=move || table.org.with(|d| matches!(d, Some(Ok(_))))>
                <p class="ss-summary" role="status" data-testid="org-summary">
                    {move || table.summary()}
                </p>
                <OrgFilters table=table />
                <ExportMenu table=table />
                <SelectionBar
                    count=count
                    job=table.job
                    question=question
                    on_extend=Callback::new(move |days| table.extend(days))
                    on_revoke=Callback::new(move |_| table.revoke())
                    on_clear=Callback::new(move |_| table.selected.set(Vec::new()))
                />
                <OrgTableView table=table />
            </Show>
        </section>
    }
}
