use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::chunks;
use super::on_demand::{latch, OnDemand};
use super::pause::Pause;
use super::text_field::TextField;
use crate::model::names::{validate_namespace, validate_repository};
use crate::model::RepoRef;
use crate::state::embedding::HostOptions;
use crate::state::session::Session;
use crate::state::shares::SharesStore;
use crate::state::view::View;

/// Organization and repository, validated as typed, with type-to-filter suggestions; the
/// list loads when the user commits (Enter, leaving the field, or the button), and the
/// URL keeps the choice. A host that fixes the repository gets a plain heading instead.
#[component]
pub fn RepoPanel() -> impl IntoView {
    let view = View::expect();
    let host = expect_context::<HostOptions>();
    if let Some(fixed) = host.fixed_repo.clone() {
        return view! {
            <section class="ss-card" aria-labelledby="ss-repo-h">
                <h2 id="ss-repo-h">"Repository " <span class="ss-mono">{fixed.display()}</span></h2>
            </section>
        }
        .into_any();
    }
    let namespace = RwSignal::new(view.0.with_untracked(|v| v.namespace.clone()));
    let repository = RwSignal::new(view.0.with_untracked(|v| v.repository.clone()));
    let touched = RwSignal::new(false);
    // Suggestions follow the organization once it is meant (Enter, leaving the field, a
    // pause in typing), not every keystroke.
    let meant_namespace = RwSignal::new(namespace.get_untracked());
    let pause = Pause::new();
    // Suggestions after the table: the first screen's list goes first.
    let store = SharesStore::expect();
    let session = Session::expect();
    let suggestions_wanted = latch(move || session.has_token() && store.first_screen_done(session));

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
        pause.cancel();
        if meant_namespace.get_untracked() != ns {
            meant_namespace.set(ns.clone());
        }
        let both_empty = ns.trim().is_empty() && repo.trim().is_empty();
        if RepoRef::new(&ns, &repo).is_ok() || both_empty {
            let changed = view
                .0
                .with_untracked(|v| v.namespace != ns.trim() || v.repository != repo.trim());
            if changed {
                view.update(|v| {
                    v.namespace = ns.trim().into();
                    v.repository = repo.trim().into();
                });
            }
        } else if view.0.with_untracked(|v| !v.repository.is_empty()) {
            // An invalid name closes the list rather than showing the previous repository's.
            view.update(|v| v.repository.clear());
        }
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        touched.set(true);
        commit();
    };

    view! {
        <section class="ss-card" aria-labelledby="ss-repo-h">
            <h2 id="ss-repo-h">"Open a repository"</h2>
            <form class="ss-row" on:submit=on_submit novalidate>
                <TextField
                    id="ss-namespace"
                    label="Organization"
                    placeholder="acme-prod"
                    list="ss-namespace-options"
                    value=namespace
                    error=ns_error
                    on_commit=Callback::new(move |_| commit())
                    on_typed=Callback::new(move |_| {
                        pause.after(move || meant_namespace.set(namespace.get_untracked()))
                    })
                />
                <TextField
                    id="ss-repository"
                    label="Repository"
                    placeholder="payments-api or tools/builder"
                    list="ss-repository-options"
                    value=repository
                    error=repo_error
                    on_commit=Callback::new(move |_| commit())
                />
                <div class="ss-field ss-field-button">
                    <button type="submit">"Show shares"</button>
                </div>
            </form>
            // Suggestions are their own chunk, fetched once the table has answered.
            <Show when=move || suggestions_wanted.get()>
                <OnDemand
                    what="the suggestions"
                    load=move || chunks::repo_suggestions(meant_namespace.into())
                />
            </Show>
        </section>
    }
    .into_any()
}
