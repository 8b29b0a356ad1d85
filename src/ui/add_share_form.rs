use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::deadline_picker::DeadlinePicker;
use super::time::today_utc;
use crate::api::error::Operation;
use crate::api::ApiError;
use crate::model::deadline::format_utc;
use crate::model::names::DESCRIPTION_MAX;
use crate::model::new_share::{FormErrors, NewShare, ShareForm};
use crate::model::{RepoRef, Share};
use crate::state::shares::SharesStore;

/// Share the repository with one more account. Input is checked beside each field before
/// anything is sent; the account is looked up first, so an existing share is offered for
/// editing; a failed request keeps what was typed and says what went wrong.
#[component]
pub fn AddShareForm(
    #[prop(into)] repo: Signal<Option<RepoRef>>,
    #[prop(into)] existing: Signal<Vec<Share>>,
    action: Action<(RepoRef, NewShare), Result<Option<Share>, ApiError>>,
) -> impl IntoView {
    let store = use_context::<SharesStore>();
    let account = RwSignal::new(String::new());
    let forever = RwSignal::new(false);
    let last_day = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let sent = RwSignal::new(None::<(RepoRef, NewShare)>);
    let pending = action.pending();

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        // One click, one request.
        if pending.get_untracked() {
            return;
        }
        let Some(repo) = repo.get_untracked() else {
            return;
        };
        let form = ShareForm {
            account: account.get_untracked(),
            forever: forever.get_untracked(),
            last_day: last_day.get_untracked(),
            description: description.get_untracked(),
        };
        match form.validate(today_utc(), &existing.get_untracked()) {
            Ok(share) => {
                errors.set(FormErrors::default());
                sent.set(Some((repo.clone(), share.clone())));
                action.dispatch((repo, share));
            }
            Err(e) => errors.set(e),
        }
    };

    // On success the fields empty; on failure they keep what the user typed.
    Effect::new(move |_| {
        if let Some(Ok(None)) = action.value().get() {
            account.set(String::new());
            description.set(String::new());
        }
    });

    // While a request runs, the previous outcome is hidden: it no longer describes the form.
    let outcome = move || match (action.value().get(), sent.get()) {
        _ if pending.get() => None,
        (Some(Ok(None)), Some((repo, share))) => Some(
            view! {
                <p class="ss-success" role="status">
                    {format!(
                        "Shared {} with {} ({}).",
                        repo.display(),
                        share.account,
                        match share.deadline.cutoff() {
                            Some(c) => format!("access ends {}", format_utc(c)),
                            None => "forever".to_string(),
                        },
                    )}
                </p>
            }
            .into_any(),
        ),
        (Some(Ok(Some(found))), _) => {
            let label = found.deadline.label();
            let who = found.account.clone();
            Some(
                view! {
                    <div class="ss-warn" role="alert">
                        {format!("{who} already has a share on this repository (valid until {label}); nothing was sent. ")}
                        {store.map(|s| view! {
                            <button type="button" class="ss-link-button" on:click=move |_| s.editing.set(Some(found.clone()))>
                                "Edit the existing share"
                            </button>
                        })}
                    </div>
                }
                .into_any(),
            )
        }
        (Some(Err(e)), _) => Some(
            view! {
                <div class="ss-alert" role="alert">
                    <strong>"Not shared. "</strong>
                    {e.describe(Operation::Create)}
                </div>
            }
            .into_any(),
        ),
        _ => None,
    };
    let desc_count = move || {
        format!(
            "{} / {DESCRIPTION_MAX}",
            description.with(|d| d.chars().count())
        )
    };

    view! {
        <form class="ss-add" on:submit=on_submit novalidate aria-labelledby="ss-add-h">
            <h3 id="ss-add-h">"Share with another account"</h3>
            <div class="ss-row">
                <div class="ss-field">
                    <label for="ss-account">"Account to share with"</label>
                    <input
                        id="ss-account"
                        autocomplete="off"
                        spellcheck="false"
                        aria-invalid=move || errors.with(|e| e.account.is_some()).to_string()
                        aria-describedby="ss-account-msg"
                        prop:value=move || account.get()
                        on:input:target=move |ev| {
                            account.set(ev.target().value());
                            errors.update(|e| e.account = None);
                        }
                    />
                    <p id="ss-account-msg" class="ss-error">{move || errors.get().account}</p>
                </div>
                <DeadlinePicker
                    id="ss"
                    forever=forever
                    last_day=last_day
                    error=Signal::derive(move || errors.get().last_day)
                    on_change=move |_| errors.update(|e| e.last_day = None)
                />
            </div>
            <div class="ss-field">
                <label for="ss-description">"Description (optional)"</label>
                <textarea
                    id="ss-description"
                    rows="2"
                    aria-invalid=move || errors.with(|e| e.description.is_some()).to_string()
                    aria-describedby="ss-description-msg ss-description-count"
                    prop:value=move || description.get()
                    on:input:target=move |ev| {
                        description.set(ev.target().value());
                        errors.update(|e| e.description = None);
                    }
                ></textarea>
                <p id="ss-description-count" class="ss-help">{desc_count}</p>
                <p id="ss-description-msg" class="ss-error">{move || errors.get().description}</p>
            </div>
            <div class="ss-actions">
                <button type="submit" disabled=move || pending.get()>
                    {move || if pending.get() { "Sharing…" } else { "Share (pull only)" }}
                </button>
            </div>
            <div aria-live="polite">{outcome}</div>
        </form>
    }
}
