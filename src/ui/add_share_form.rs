use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::add_outcome::AddOutcome;
use super::deadline_picker::DeadlinePicker;
use super::text_field::TextField;
use super::time::today_utc;
use crate::api::outcome::WriteOutcome;
use crate::model::names::DESCRIPTION_MAX;
use crate::model::new_share::{FormErrors, NewShare, ShareForm};
use crate::model::{RepoRef, Share};
use crate::state::session::Session;
use crate::state::shares::SharesStore;

/// Share the repository with one more account. Input is checked beside each field before
/// anything is sent; the account is looked up first, so an existing share is offered for
/// editing; a failed request keeps what was typed, says what went wrong and can be sent
/// again with the same button. What was typed lives in the store, so it survives a new
/// token.
#[component]
pub fn AddShareForm(
    #[prop(into)] repo: Signal<Option<RepoRef>>,
    #[prop(into)] existing: Signal<Vec<Share>>,
    action: Action<(RepoRef, NewShare), WriteOutcome>,
) -> impl IntoView {
    let store = SharesStore::expect();
    let session = Session::expect();
    let draft = store.draft;
    let errors = RwSignal::new(FormErrors::default());
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
            account: draft.account.get_untracked(),
            until: draft.until.get_untracked(),
            description: draft.description.get_untracked(),
        };
        match form.validate(today_utc(), &existing.get_untracked()) {
            Ok(share) => {
                errors.set(FormErrors::default());
                action.dispatch((repo, share));
            }
            Err(e) => errors.set(e),
        }
    };

    let desc_count = move || {
        format!(
            "{} / {DESCRIPTION_MAX}",
            draft.description.with(|d| d.chars().count())
        )
    };
    let button_label = move || match (pending.get(), session.asking.get()) {
        (true, true) => "Waiting for a new token…",
        (true, false) => "Sharing…",
        _ => "Share (pull only)",
    };

    view! {
        <form class="ss-add" on:submit=on_submit novalidate aria-labelledby="ss-add-h">
            <h3 id="ss-add-h">"Share with another account"</h3>
            <div class="ss-row">
                <TextField
                    id="ss-account"
                    label="Account to share with"
                    value=draft.account
                    error=Signal::derive(move || errors.with(|e| e.account.clone()))
                    on_typed=Callback::new(move |_| errors.update(|e| e.account = None))
                />
                <DeadlinePicker
                    id="ss"
                    draft=draft.until
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
                    prop:value=move || draft.description.get()
                    on:input:target=move |ev| {
                        draft.description.set(ev.target().value());
                        errors.update(|e| e.description = None);
                    }
                ></textarea>
                <p id="ss-description-count" class="ss-help">
                    {desc_count}
                </p>
                <p id="ss-description-msg" class="ss-error">
                    {move || errors.get().description}
                </p>
            </div>
            <div class="ss-actions">
                <button type="submit" disabled=move || pending.get()>
                    {button_label}
                </button>
            </div>
            <div aria-live="polite">
                <AddOutcome repo=repo action=action />
            </div>
        </form>
    }
}
