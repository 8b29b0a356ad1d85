use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::deadline_picker::DeadlinePicker;
use super::modal::Modal;
use super::time::today_utc;
use crate::api::error::Operation;
use crate::model::names::validate_description;
use crate::model::time::{parse_ymd, ymd};
use crate::model::Deadline;
use crate::state::shares::{ShareUpdate, SharesStore};

/// Change a share's last valid day (or make it forever) and its description.
#[component]
pub fn EditDialog() -> impl IntoView {
    let store = SharesStore::expect();
    let forever = RwSignal::new(false);
    let last_day = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let day_error = RwSignal::new(None::<String>);
    let desc_error = RwSignal::new(None::<String>);
    let failed = RwSignal::new(None::<String>);
    let pending = store.update.pending();

    // Fill the fields from the share being edited.
    Effect::new(move |_| {
        if let Some(s) = store.editing.get() {
            forever.set(s.deadline == Deadline::Forever);
            last_day.set(match s.deadline {
                Deadline::LastDay(d) => ymd(d),
                _ => String::new(),
            });
            description.set(s.description.clone());
            day_error.set(None);
            desc_error.set(None);
            failed.set(None);
        }
    });
    // Close on success; stay open with the reason on failure.
    Effect::new(move |_| match store.update.value().get() {
        Some(Ok(())) => store.editing.set(None),
        Some(Err(e)) => failed.set(Some(e.describe(Operation::Update))),
        None => {}
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (Some(share), Some(repo)) = (store.editing.get_untracked(), store.repo.get_untracked())
        else {
            return;
        };
        let deadline = if forever.get_untracked() {
            Some(Deadline::Forever)
        } else {
            parse_ymd(last_day.get_untracked().trim()).map(Deadline::LastDay)
        };
        let deadline = match deadline {
            Some(Deadline::LastDay(d)) if d < today_utc() => {
                day_error.set(Some(format!(
                    "{} is in the past: access would already have ended.",
                    ymd(d)
                )));
                None
            }
            None => {
                day_error.set(Some("Choose the last valid day, or choose Forever.".into()));
                None
            }
            d => d,
        };
        desc_error.set(validate_description(&description.get_untracked()).err());
        if let (Some(deadline), None) = (deadline, desc_error.get_untracked()) {
            failed.set(None);
            store.update.dispatch(ShareUpdate {
                repo,
                account: share.account,
                deadline,
                description: description.get_untracked(),
            });
        }
    };
    let title = move || store.editing.get().map(|s| s.account).unwrap_or_default();
    let repo = move || store.repo.get().map(|r| r.display()).unwrap_or_default();
    view! {
        <Modal open=Signal::derive(move || store.editing.get().is_some()) on_close=move |_| store.editing.set(None) labelled_by="ss-edit-h">
            <form on:submit=on_submit novalidate>
                <h2 id="ss-edit-h">"Edit the share of " <span class="ss-mono">{title}</span></h2>
                <p class="ss-muted">"On " {repo} ". Permission stays Pull (the only one SWR offers)."</p>
                <DeadlinePicker id="ss-edit" forever=forever last_day=last_day error=day_error on_change=move |_| day_error.set(None)/>
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
                    <p id="ss-edit-description-msg" class="ss-error">{move || desc_error.get()}</p>
                </div>
                {move || failed.get().map(|m| view! { <div class="ss-alert" role="alert"><strong>"Not saved. "</strong>{m}</div> })}
                <div class="ss-actions">
                    <button type="submit" disabled=move || pending.get()>
                        {move || if pending.get() { "Saving…" } else { "Save changes" }}
                    </button>
                    <button type="button" class="ss-secondary" on:click=move |_| store.editing.set(None)>"Cancel"</button>
                </div>
            </form>
        </Modal>
    }
}
