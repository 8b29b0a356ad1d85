use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::model::names::{validate_namespace, validate_repository};
use crate::model::view_state::ViewState;
use crate::model::RepoRef;
use crate::state::embedding::HostOptions;
use crate::state::shares::SharesStore;
use crate::state::url;

/// Organization and repository, validated as typed; the list loads when the user commits
/// (Enter, leaving the field, or the button), and the URL query keeps the choice. A host
/// that fixes the repository gets a plain heading instead.
#[component]
pub fn RepoPanel() -> impl IntoView {
    let store = SharesStore::expect();
    let host = expect_context::<HostOptions>();
    if let Some(fixed) = host.fixed_repo.clone() {
        store.repo.set(Some(fixed.clone()));
        return view! {
            <section class="ss-card" aria-labelledby="ss-repo-h">
                <h2 id="ss-repo-h">"Repository " <span class="ss-mono">{fixed.display()}</span></h2>
            </section>
        }
        .into_any();
    }
    let uses_url = host.uses_url();
    let start = if uses_url {
        url::read()
    } else {
        ViewState::default()
    };
    let embed = start.embed.clone();
    let namespace = RwSignal::new(start.namespace);
    let repository = RwSignal::new(start.repository);
    let touched = RwSignal::new(false);

    // An empty field is only an error once the user has tried to open something.
    let ns_error = Memo::new(move |_| {
        let v = namespace.get();
        (touched.get() || !v.trim().is_empty())
            .then(|| validate_namespace(v.trim()).err())
            .flatten()
    });
    let repo_error = Memo::new(move |_| {
        let v = repository.get();
        (touched.get() || !v.trim().is_empty())
            .then(|| validate_repository(v.trim()).err())
            .flatten()
    });

    let commit = move || {
        let (ns, repo) = (namespace.get_untracked(), repository.get_untracked());
        let both_empty = ns.trim().is_empty() && repo.trim().is_empty();
        let chosen = RepoRef::new(&ns, &repo).ok();
        if uses_url && (chosen.is_some() || both_empty) {
            url::write(&ViewState {
                namespace: ns.trim().into(),
                repository: repo.trim().into(),
                embed: embed.clone(),
            });
        }
        if store.repo.get_untracked() != chosen {
            store.repo.set(chosen);
        }
    };
    // Open what the URL named.
    commit();
    let commit_on_submit = commit.clone();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        touched.set(true);
        commit_on_submit();
    };
    let (commit_ns, commit_repo) = (commit.clone(), commit);

    view! {
        <section class="ss-card" aria-labelledby="ss-repo-h">
            <h2 id="ss-repo-h">"Open a repository"</h2>
            <form class="ss-row" on:submit=on_submit novalidate>
                <div class="ss-field">
                    <label for="ss-namespace">"Organization"</label>
                    <input
                        id="ss-namespace"
                        autocomplete="off"
                        spellcheck="false"
                        placeholder="acme-prod"
                        aria-invalid=move || ns_error.get().is_some().to_string()
                        aria-describedby="ss-namespace-msg"
                        prop:value=move || namespace.get()
                        on:input:target=move |ev| namespace.set(ev.target().value())
                        on:change=move |_| commit_ns()
                    />
                    <p id="ss-namespace-msg" class="ss-error" aria-live="polite">
                        {move || ns_error.get()}
                    </p>
                </div>
                <div class="ss-field">
                    <label for="ss-repository">"Repository"</label>
                    <input
                        id="ss-repository"
                        autocomplete="off"
                        spellcheck="false"
                        placeholder="payments-api or tools/builder"
                        aria-invalid=move || repo_error.get().is_some().to_string()
                        aria-describedby="ss-repository-msg"
                        prop:value=move || repository.get()
                        on:input:target=move |ev| repository.set(ev.target().value())
                        on:change=move |_| commit_repo()
                    />
                    <p id="ss-repository-msg" class="ss-error" aria-live="polite">
                        {move || repo_error.get()}
                    </p>
                </div>
                <div class="ss-field ss-field-button">
                    <button type="submit">"Show shares"</button>
                </div>
            </form>
        </section>
    }
    .into_any()
}
