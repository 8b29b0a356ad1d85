use leptos::prelude::*;

use crate::model::bulk::org_table::OrgSort;
use crate::model::table_view::StatusFilter;
use crate::state::org_table::OrgTable;
use crate::state::view::View;
use crate::ui::org::view_filters::{StatusSelect, TextFilter};

/// What the overview shows: one account (what it can pull), one organization (where every
/// organization is loaded), a text filter, a status, and the order. All but the order live
/// in the URL.
#[component]
pub fn OrgFilters(table: OrgTable) -> impl IntoView {
    let view = View::expect();
    let every_org = move || view.0.with(|v| v.namespace.trim().is_empty());
    // The organizations in the table, from the repositories read.
    let orgs = Memo::new(move |_| {
        let mut o: Vec<String> = table.org.with(|d| match d {
            Some(Ok(d)) => d.repos.iter().map(|r| r.namespace.clone()).collect(),
            _ => Vec::new(),
        });
        o.sort();
        o.dedup();
        o
    });
    view! {
        <div class="ss-row ss-toolbar">
            <Show when=every_org>
                <div class="ss-field">
                    <label for="ss-org-in">"In organization"</label>
                    <select
                        id="ss-org-in"
                        on:change:target=move |ev| {
                            let o = ev.target().value();
                            view.update(|v| v.organization = o)
                        }
                    >
                        <option value="">"Every organization"</option>
                        <For each=move || orgs.get() key=|o| o.clone() let:o>
                            <option
                                value=o.clone()
                                selected=move || view.0.with(|v| v.organization == o)
                            >
                                {o.clone()}
                            </option>
                        </For>
                    </select>
                </div>
            </Show>
            <div class="ss-field">
                <label for="ss-org-account">"Account (what it can pull)"</label>
                <input
                    id="ss-org-account"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="any account"
                    prop:value=move || view.0.with(|v| v.account.clone())
                    on:change:target=move |ev| {
                        let a = ev.target().value();
                        view.update(|v| v.account = a.trim().to_string())
                    }
                />
            </div>
            <TextFilter id="ss-org-filter" placeholder="account, repository, description" />
            <StatusSelect
                id="ss-org-status"
                options=StatusFilter::ALL.into_iter().map(|f| (f.key(), f.label())).collect()
            />
            <div class="ss-field">
                <label for="ss-org-sort">"Sort by"</label>
                <select
                    id="ss-org-sort"
                    on:change:target=move |ev| table.sort.set(OrgSort::parse(&ev.target().value()))
                >
                    <option value="">"Access ends, soonest first"</option>
                    <option value="repository">"Repository"</option>
                    <option value="account">"Account"</option>
                </select>
            </div>
        </div>
    }
}
