use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::deadline_picker::DeadlinePicker;
use super::modal::Modal;
use super::outcome_note::OutcomeNote;
use super::time::today_utc;
use crate::api::error::Operation;
use crate::model::names::validate_description;
use crate::state::changes::Changes;
use crate::state::session::Session;
use crate::state::shares::{EditDraft, ShareUpdate, SharesStore};

/// Change a share's last valid day (or make it forever) and its description. A failure
/// keeps the dialog open with the edits and the reason; saving again retries.
#[component]
pub fn EditDialog() -> impl IntoView {
    let store = SharesStore::expect();
    let changes = Changes::expect();
    let session = Session::expect();
    let EditDraft { until, description } = store.edit_draft;
    let day_error = RwSignal::new(None::<String>);
    let desc_error = RwSignal::new(None::<String>);
    // The outcome shown belongs to this opening of the dialog only; the store fills the
    // fields when it opens and closes it once the change is confirmed.
    let sent = RwSignal::new(false);
    let pending = changes.update.pending();
    let close = move || {
        sent.set(false);
        day_error.set(None);
        desc_error.set(None);
        store.editing.set(None);
    };

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let (Some(share), Some(repo)) = (store.editing.get_untracked(), store.repo.get_untracked())
        else {
            return;
        };
        let deadline = until.get_untracked().deadline(today_utc());
        day_error.set(deadline.as_ref().err().cloned());
        desc_error.set(validate_description(&description.get_untracked()).err());
        if let (Ok(deadline), None) = (deadline, desc_error.get_untracked()) {
            sent.set(true);
            changes.update.dispatch(ShareUpdate {
                repo,
                account: share.account,
                deadline,
                description: description.get_untracked(),
            });
        }
    };
    let failure = move || {
        if !sent.get() || pending.get() {
            return None;
        }
        changes.update.value().get().map(|o| {
            view! { <OutcomeNote outcome=o op=Operation::Update failed="Not saved. " /> }
        })
    };
    let title = move || store.editing.get().map(|s| s.account).unwrap_or_default();
    let repo = move || store.repo.get().map(|r| r.display()).unwrap_or_default();
    let save_label = move || match (pending.get(), session.asking.get()) {
        (true, true) => "Waiting for a new token…",
        (true, false) => "Saving…",
        _ => "Save changes",
    };
    view! {
        <Modal
            open=Signal::derive(move || store.editing.get().is_some())
            on_close=move |_| close()
            labelled_by="ss-edit-h"
        >
            <form on:submit=on_submit novalidate>
                <h2 id="ss-edit-h">"Edit the share of " <span class="ss-mono">{title}</span></h2>
                <p class="ss-muted">
                    "On " {repo} ". Permission stays Pull (the only one SWR offers)."
                </p>
                <DeadlinePicker
                    id="ss-edit"
                    draft=until
                    error=day_error
                    on_change=move |_| day_error.set(None)
                />
                <div class="ss-field">
                    <label for="ss-edit-description">"Description"</label>
                    <textarea
                        id="ss-edit-description"
                        rows="2"
                        aria-invalid=move || desc_error.get().is_some().to_string()
                        aria-describedby="ss-edit-description-msg"
                        prop:value=move || description.get()
                        on:input:target=move |ev| description.set(ev.target().value())
                    ></textarea>
                    <p id="ss-edit-description-msg" class="ss-error">
                        {move || desc_error.get()}
                    </p>
                </div>
                <div aria-live="polite">{failure}</div>
                <div class="ss-actions">
                    <button type="submit" disabled=move || pending.get()>
                        {save_label}
                    </button>
                    <button type="button" class="ss-secondary" on:click=move |_| close()>
                        "Cancel"
                    </button>
                </div>
            </form>
        </Modal>
    }
}
