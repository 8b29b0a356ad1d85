use leptos::prelude::*;

use crate::state::bulk::{Bulk, Source};
use crate::ui::checkbox::Checkbox;

/// The repositories to share on (or copy to): a filter, "select the N matching", clear,
/// and a box for each repository the filter matches.
#[component]
pub fn RepoChooser(bulk: Bulk) -> impl IntoView {
    let legend = move || match bulk.source.get() {
        Source::Copy => "Copy to these repositories",
        _ => "On these repositories",
    };
    let select_matching = move |_| {
        let names: Vec<String> = bulk.matching().into_iter().map(|r| r.repository).collect();
        bulk.chosen.update(|c| {
            names.into_iter().for_each(|n| {
                if !c.contains(&n) {
                    c.push(n)
                }
            })
        });
    };
    let choice = move |name: String| {
        let key = name.clone();
        let on = move || bulk.chosen.with(|c| c.contains(&key));
        let toggle = move |checked: bool| {
            let n = name.clone();
            bulk.chosen.update(|c| {
                c.retain(|x| *x != n);
                if checked {
                    c.push(n)
                }
            })
        };
        (on, toggle)
    };
    view! {
        <fieldset class="ss-fieldset">
            <legend>{legend}</legend>
            <div class="ss-row ss-toolbar">
                <input
                    type="search"
                    aria-label="Filter repositories"
                    placeholder="filter"
                    prop:value=move || bulk.repo_filter.get()
                    on:input:target=move |ev| bulk.repo_filter.set(ev.target().value())
                />
                <button type="button" class="ss-secondary" on:click=select_matching>
                    {move || format!("Select the {} matching", bulk.matching().len())}
                </button>
                <button
                    type="button"
                    class="ss-secondary"
                    on:click=move |_| bulk.chosen.set(Vec::new())
                >
                    "Clear"
                </button>
                <span class="ss-muted">
                    {move || format!("{} chosen", bulk.chosen.with(Vec::len))}
                </span>
            </div>
            <div class="ss-repo-choices">
                {move || {
                    bulk.matching()
                        .into_iter()
                        .map(|r| {
                            let (on, toggle) = choice(r.repository.clone());
                            view! {
                                <Checkbox
                                    checked=Signal::derive(on)
                                    on_change=toggle
                                    label=format!(" {}", r.repository)
                                    class="ss-inline ss-mono"
                                />
                            }
                        })
                        .collect_view()
                }}
            </div>
        </fieldset>
    }
}
