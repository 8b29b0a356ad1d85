use leptos::prelude::*;

use crate::model::table_view::StatusFilter;
use crate::state::view::View;

/// A table's text filter, kept in the URL's `q` as it is typed.
#[component]
pub fn TextFilter(id: &'static str, placeholder: &'static str) -> impl IntoView {
    let view = View::expect();
    view! {
        <div class="ss-field">
            <label for=id>"Filter"</label>
            <input
                id=id
                type="search"
                placeholder=placeholder
                prop:value=move || view.0.with(|v| v.q.clone())
                on:input:target=move |ev| {
                    let q = ev.target().value();
                    view.update(|v| v.q = q)
                }
            />
        </div>
    }
}

/// A table's status filter, kept in the URL's `status`: `options` are (key, label) pairs
/// of `StatusFilter` keys the table knows.
#[component]
pub fn StatusSelect(id: &'static str, options: Vec<(&'static str, &'static str)>) -> impl IntoView {
    let view = View::expect();
    view! {
        <div class="ss-field">
            <label for=id>"Status"</label>
            <select
                id=id
                on:change:target=move |ev| {
                    let s = StatusFilter::parse(&ev.target().value());
                    view.update(|v| v.status = s)
                }
            >
                {options
                    .into_iter()
                    .map(|(key, label)| {
                        let on = move || view.0.with(|v| v.status.key() == key);
                        view! {
                            <option value=key selected=on>
                                {label}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
