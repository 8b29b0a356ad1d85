use leptos::prelude::*;

use crate::state::bulk::Bulk;
use crate::ui::checkbox::Checkbox;

/// The terms of shares given as accounts on repositories: the last valid day or forever,
/// and a description.
#[component]
pub fn BulkTerms(bulk: Bulk) -> impl IntoView {
    view! {
        <div class="ss-row">
            <div class="ss-field">
                <label for="ss-bulk-day">"Last valid day (UTC)"</label>
                <input
                    id="ss-bulk-day"
                    type="date"
                    disabled=move || bulk.forever.get()
                    prop:value=move || bulk.last_day.get()
                    on:input:target=move |ev| bulk.last_day.set(ev.target().value())
                />
            </div>
            <Checkbox
                checked=bulk.forever
                on_change=move |on| bulk.forever.set(on)
                label=" Forever"
            />
            <div class="ss-field">
                <label for="ss-bulk-description">"Description (optional)"</label>
                <input
                    id="ss-bulk-description"
                    prop:value=move || bulk.description.get()
                    on:input:target=move |ev| bulk.description.set(ev.target().value())
                />
            </div>
        </div>
    }
}
