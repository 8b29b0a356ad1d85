use leptos::prelude::*;

/// A checkbox with its words after it, in one label: the repeated markup of the on-demand
/// parts (forever, the ticks of the bulk views). The first screen's two (times in UTC, keep
/// me signed in) are written out: as this component there they cost 0.4 KB of first load.
#[component]
pub fn Checkbox(
    #[prop(into)] checked: Signal<bool>,
    /// Called with the new state when the user ticks or unticks it.
    #[prop(into)]
    on_change: Callback<bool>,
    /// The words after the box (with their leading space).
    #[prop(into)]
    label: String,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let class = if class.is_empty() { "ss-inline" } else { class };
    view! {
        <label class=class>
            <input
                type="checkbox"
                prop:checked=move || checked.get()
                on:change:target=move |ev| on_change.run(ev.target().checked())
            />
            {label}
        </label>
    }
}
