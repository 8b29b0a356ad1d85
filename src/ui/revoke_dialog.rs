use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::modal::Modal;
use super::outcome_note::OutcomeNote;
use crate::api::error::Operation;
use crate::state::changes::Changes;
use crate::state::changes::UNDO_SECONDS;
use crate::state::shares::SharesStore;

/// Confirmation that names the account and the repository; afterwards an Undo that
/// re-creates the share with the same deadline and description. An untouched Undo goes
/// after a few seconds; once tried, it stays (with the share's terms) until the share is
/// back or the user dismisses it.
#[component]
pub fn RevokeDialog() -> impl IntoView {
    let store = SharesStore::expect();
    let changes = Changes::expect();
    let pending = changes.revoke.pending();
    // The outcome shown belongs to this opening of the dialog only; the store closes the
    // dialog once the revoke is confirmed.
    let sent = RwSignal::new(false);

    let confirm = move |_| {
        if pending.get_untracked() {
            return;
        }
        let (Some(share), Some(repo)) =
            (store.revoking.get_untracked(), store.repo.get_untracked())
        else {
            return;
        };
        sent.set(true);
        changes.revoke.dispatch((repo, share));
    };
    let failure = move || {
        if !sent.get() || pending.get() {
            return None;
        }
        changes.revoke.value().get().map(|o| {
            view! { <OutcomeNote outcome=o op=Operation::Delete failed="Not revoked. " /> }
        })
    };
    let account = move || store.revoking.get().map(|s| s.account).unwrap_or_default();
    let repo = move || store.repo.get().map(|r| r.display()).unwrap_or_default();
    let close = move || {
        sent.set(false);
        store.revoking.set(None);
    };
    view! {
        <Modal
            open=Signal::derive(move || store.revoking.get().is_some())
            on_close=move |_| close()
            labelled_by="ss-revoke-h"
        >
            <h2 id="ss-revoke-h">"Revoke " <span class="ss-mono">{account}</span> "?"</h2>
            <p>
                "Account " <strong class="ss-mono">{account}</strong>
                " will no longer be able to pull " <strong class="ss-mono">{repo}</strong>
                ". You can undo this for " {UNDO_SECONDS} " seconds afterwards."
            </p>
            <div aria-live="polite">{failure}</div>
            <div class="ss-actions">
                <button
                    type="button"
                    class="ss-danger"
                    disabled=move || pending.get()
                    on:click=confirm
                >
                    {move || format!("Revoke {}", account())}
                </button>
                <button type="button" class="ss-secondary" autofocus on:click=move |_| close()>
                    "Cancel"
                </button>
            </div>
        </Modal>
        <UndoToast />
    }
}

/// "Revoked X on Y. Undo", and what became of the undo.
#[component]
fn UndoToast() -> impl IntoView {
    let store = SharesStore::expect();
    let changes = Changes::expect();
    let restoring = changes.restore.pending();
    let offer_view = move || {
        let offer = store.undo.get()?;
        let terms = format!(
            "valid until {}{}",
            offer.share.deadline.label(),
            if offer.share.description.is_empty() {
                String::new()
            } else {
                format!(", description {:?}", offer.share.description)
            }
        );
        let failed = (offer.attempted && !restoring.get())
            .then(|| changes.restore.value().get())
            .flatten();
        let retry = offer.clone();
        Some(view! {
            <div class="ss-toast" role="status">
                <span>
                    {format!("Revoked {} on {}.", offer.share.account, offer.repo.display())}
                    {offer.attempted.then(|| format!(" Its terms: {terms}."))}
                </span>
                {failed
                    .map(|o| {
                        view! {
                            <OutcomeNote outcome=o op=Operation::Create failed="Undo failed. " />
                        }
                    })}
                <button
                    type="button"
                    class="ss-link-button"
                    disabled=move || restoring.get()
                    on:click=move |_| {
                        changes.restore.dispatch(retry.clone());
                    }
                >
                    {move || match (restoring.get(), offer.attempted) {
                        (true, _) => "Restoring…",
                        (false, true) => "Try undo again",
                        _ => "Undo",
                    }}
                </button>
                {offer
                    .attempted
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="ss-link-button"
                                on:click=move |_| store.undo.set(None)
                            >
                                "Dismiss"
                            </button>
                        }
                    })}
            </div>
        })
    };
    // A notice only informs: it gives way to the user's next key or click (outside it), so
    // that it never covers what that action shows (an outcome line near the bottom). On the
    // finished click, not the press: the page's room for the notice goes with it, and a
    // button near the end of the page would move from under the pointer before the release.
    let give_way = move || {
        if store.notice.with_untracked(Option::is_some) {
            store.notice.set(None);
        }
    };
    let keys = window_event_listener(leptos::ev::keydown, move |_| give_way());
    let clicks = window_event_listener(leptos::ev::click, move |e| {
        let on_toast = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|t| t.closest(".ss-toast").ok().flatten().is_some());
        if !on_toast {
            give_way();
        }
    });
    on_cleanup(move || {
        keys.remove();
        clicks.remove();
    });
    view! {
        <div class="ss-toast-region" aria-live="polite">
            {offer_view}
            {move || {
                store
                    .notice
                    .get()
                    .map(|m| {
                        view! {
                            <div class="ss-toast" role="status">
                                {m}
                            </div>
                        }
                    })
            }}
        </div>
    }
}
