use leptos::prelude::*;

use crate::state::session::Session;

/// Where the API is and the token to use. The token field never leaves memory.
#[component]
pub fn ConnectionPanel() -> impl IntoView {
    let session = Session::expect();
    let base = move || {
        let r = session.region();
        if r.swr.is_empty() {
            "this origin (same-origin proxy)".to_string()
        } else {
            r.swr
        }
    };
    view! {
        <section class="ss-card" aria-labelledby="ss-conn-h">
            <h2 id="ss-conn-h">"Connection"</h2>
            <p class="ss-muted">
                "SWR API: " <span class="ss-mono" data-testid="api-base">{base}</span>
                " · region " <span class="ss-mono">{move || session.region().id}</span>
            </p>
            {move || session.config_warning.get().map(|w| view! { <p class="ss-warn" role="status">{w}</p> })}
            <div class="ss-field">
                <label for="ss-token">"IAM token"</label>
                <input
                    id="ss-token"
                    type="password"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="ss-token-help"
                    prop:value=move || session.token.get()
                    on:input:target=move |ev| session.token.set(ev.target().value())
                />
                <p id="ss-token-help" class="ss-help">
                    "Paste the X-Subject-Token of an IAM token for this region. It is kept in this tab's memory only and forgotten when the tab closes."
                </p>
            </div>
        </section>
    }
}
