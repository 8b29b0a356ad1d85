use leptos::prelude::*;

use super::modal::Modal;
use crate::api::error::Operation;
use crate::model::new_share::NewShare;
use crate::state::shares::SharesStore;

const UNDO_SECONDS: u64 = 10;

/// Confirmation that names the account and the repository; afterwards a short-lived Undo
/// that re-creates the share with the same deadline and description.
#[component]
pub fn RevokeDialog() -> impl IntoView {
    let store = SharesStore::expect();
    let pending = store.revoke.pending();
    let failed = RwSignal::new(None::<String>);
    let undo_visible = RwSignal::new(false);
    let undo_generation = StoredValue::new(0u32);

    Effect::new(move |_| match store.revoke.value().get() {
        Some(Ok(_)) => {
            store.revoking.set(None);
            undo_visible.set(true);
            let generation = undo_generation.get_value() + 1;
            undo_generation.set_value(generation);
            set_timeout(
                move || {
                    if undo_generation.get_value() == generation {
                        undo_visible.set(false);
                    }
                },
                std::time::Duration::from_secs(UNDO_SECONDS),
            );
        }
        Some(Err(e)) => failed.set(Some(e.describe(Operation::Delete))),
        None => {}
    });
    Effect::new(move |_| {
        if store.revoking.get().is_some() {
            failed.set(None);
        }
    });

    let confirm = move |_| {
        let (Some(share), Some(repo)) =
            (store.revoking.get_untracked(), store.repo.get_untracked())
        else {
            return;
        };
        store.revoke.dispatch((repo, share));
    };
    let undo = move |_| {
        let Some(Ok((repo, share))) = store.revoke.value().get_untracked() else {
            return;
        };
        undo_visible.set(false);
        store.restore.dispatch((
            repo,
            NewShare {
                account: share.account.clone(),
                deadline: share.deadline.clone(),
                description: share.description.clone(),
            },
        ));
    };
    let account = move || store.revoking.get().map(|s| s.account).unwrap_or_default();
    let repo = move || store.repo.get().map(|r| r.display()).unwrap_or_default();
    let revoked = move || match store.revoke.value().get() {
        Some(Ok((repo, share))) => format!("Revoked {} on {}.", share.account, repo.display()),
        _ => String::new(),
    };
    let restored = move || match store.restore.value().get() {
        Some(Ok(_)) => Some("Share restored with its deadline and description.".to_string()),
        Some(Err(e)) => Some(format!("Undo failed: {}", e.describe(Operation::Create))),
        None => None,
    };
    view! {
        <Modal open=Signal::derive(move || store.revoking.get().is_some()) on_close=move |_| store.revoking.set(None) labelled_by="ss-revoke-h">
            <h2 id="ss-revoke-h">"Revoke " <span class="ss-mono">{account}</span> "?"</h2>
            <p>
                "Account " <strong class="ss-mono">{account}</strong> " will no longer be able to pull "
                <strong class="ss-mono">{repo}</strong> ". You can undo this for " {UNDO_SECONDS} " seconds afterwards."
            </p>
            {move || failed.get().map(|m| view! { <div class="ss-alert" role="alert"><strong>"Not revoked. "</strong>{m}</div> })}
            <div class="ss-actions">
                <button type="button" class="ss-danger" disabled=move || pending.get() on:click=confirm>
                    {move || format!("Revoke {}", account())}
                </button>
                <button type="button" class="ss-secondary" autofocus on:click=move |_| store.revoking.set(None)>"Cancel"</button>
            </div>
        </Modal>
        <div class="ss-toast-region" aria-live="polite">
            <Show when=move || undo_visible.get()>
                <div class="ss-toast" role="status">
                    <span>{revoked}</span>
                    <button type="button" class="ss-link-button" on:click=undo>"Undo"</button>
                </div>
            </Show>
            <Show when=move || !undo_visible.get() && !store.restore.pending().get()>
                {move || restored().map(|m| view! { <div class="ss-toast" role="status">{m}</div> })}
            </Show>
        </div>
    }
}
