use leptos::prelude::*;

use crate::state::pickers::Pickers;
use crate::state::session::Session;

/// The suggestions behind the organization and repository fields (their `list`
/// attributes name these datalists), and what became of asking for them, with a retry.
#[component]
pub fn RepoSuggestions(
    /// The organization whose private repositories are suggested.
    namespace: Signal<String>,
) -> impl IntoView {
    let pickers = Pickers::new(Session::expect(), namespace);
    let options = |names: Vec<String>| {
        names
            .into_iter()
            .map(|n| view! { <option value=n /> })
            .collect_view()
    };
    view! {
        <datalist id="ss-namespace-options">{move || options(pickers.namespaces())}</datalist>
        <datalist id="ss-repository-options">{move || options(pickers.repositories())}</datalist>
        <p class="ss-help" data-testid="picker-note">
            {move || match pickers.note() {
                Some(note) => {
                    view! {
                        {note}
                        " "
                        <button
                            type="button"
                            class="ss-link-button"
                            disabled=move || pickers.loading()
                            on:click=move |_| pickers.retry()
                        >
                            {move || if pickers.loading() { "Retrying…" } else { "Retry" }}
                        </button>
                    }
                        .into_any()
                }
                None => {
                    let (n, r) = (pickers.namespaces().len(), pickers.repositories().len());
                    (n > 0)
                        .then(|| {
                            format!(
                                "Suggestions: {n} organizations where you may share, {r} private repositories.",
                            )
                        })
                        .into_any()
                }
            }}
        </p>
    }
}
