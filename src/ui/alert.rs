use leptos::prelude::*;

/// A failure shown where the user acted: what failed in bold, then why and what to do
/// (`children`: the reason, and a retry or another way on where there is one).
#[component]
pub fn Alert(
    /// "Could not load the shares. ", with its trailing space.
    #[prop(into)]
    headline: String,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="ss-alert" role="alert">
            <strong>{headline}</strong>
            {children()}
        </div>
    }
}
