//! What a row offers in the `changes` chunk: its menu's items, and the note under it of
//! what became of a one-click extend (`share_row.rs` places both).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::copy_button::CopyButton;
use super::outcome_note::OutcomeNote;
use super::time::today_utc;
use crate::api::error::Operation;
use crate::api::outcome::WriteOutcome;
use crate::model::expiry::extend;
use crate::model::Share;
use crate::state::changes::Changes;
use crate::state::session::Session;
use crate::state::shares::{Extension, SharesStore};

/// The items of a row's menu: extend, edit, revoke, copy (in the `changes` chunk).
#[component]
pub fn RowMenu(share: Share, menu: NodeRef<leptos::html::Details>) -> impl IntoView {
    let store = SharesStore::expect();
    let changes = Changes::expect();
    let session = Session::expect();
    let busy = changes.extend.pending();
    let basis = share.clone();
    // One request at a time: a second click while one runs is ignored.
    let extend_by = move |days: Option<i64>| {
        if busy.get_untracked() {
            return;
        }
        // The menu closes, so that what happens shows in the row beneath it.
        if let Some(m) = menu.get_untracked() {
            m.set_open(false);
        }
        let Some(repo) = store.repo.get_untracked() else {
            return;
        };
        let x = Extension {
            repo,
            basis: basis.clone(),
            days,
        };
        store.extended.set(Some(x.clone()));
        changes.extend.dispatch(x);
    };
    let (e30, e90, ef) = (extend_by.clone(), extend_by.clone(), extend_by);
    let (to_edit, to_revoke) = (share.clone(), share.clone());
    let pull = move || {
        let registry = session.region().registry;
        let registry = if registry.is_empty() {
            "<registry>".to_string()
        } else {
            registry
        };
        let repo = store.repo.get().map(|r| r.display()).unwrap_or_default();
        format!("docker pull {registry}/{repo}:<tag>")
    };
    // Closing the menu moves focus to its "Actions" button, so a dialog opened from it
    // gives focus back there (the item itself is hidden once the menu is closed).
    let close_menu = move || {
        if let Some(m) = menu.get_untracked() {
            m.set_open(false);
            if let Ok(Some(summary)) = m.query_selector("summary") {
                let _ = summary.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
    };
    view! {
        <div class="ss-menu">
            <button type="button" disabled=move || busy.get() on:click=move |_| e30(Some(30))>
                "Extend +30 days"
            </button>
            <button type="button" disabled=move || busy.get() on:click=move |_| e90(Some(90))>
                "Extend +90 days"
            </button>
            <button type="button" disabled=move || busy.get() on:click=move |_| ef(None)>
                "Make forever"
            </button>
            <button
                type="button"
                on:click=move |_| {
                    close_menu();
                    store.edit(to_edit.clone())
                }
            >
                "Edit…"
            </button>
            <button
                type="button"
                class="ss-danger-text"
                on:click=move |_| {
                    close_menu();
                    store.revoking.set(Some(to_revoke.clone()))
                }
            >
                "Revoke…"
            </button>
            <CopyButton text=share.account.clone() label="Copy account name" />
            {move || view! { <CopyButton text=pull() label="Copy pull command" /> }}
        </div>
    }
}

/// What became of a one-click extend, beneath its row: under way, done (as SWR stored it),
/// refused (with the reason and "Try again"), or the share changed elsewhere since the
/// list was loaded (both versions, and the choice). In the `changes` chunk: an extend is
/// asked for from the row menu, which is there too.
#[component]
pub fn ExtendNote(asked: Extension) -> impl IntoView {
    let store = SharesStore::expect();
    let changes = Changes::expect();
    let session = Session::expect();
    let pending = changes.extend.pending();
    let what = match asked.days {
        Some(n) => format!("+{n} days"),
        None => "forever".to_string(),
    };
    move || {
        if pending.get() {
            let words = if session.asking.get() {
                "Waiting for a new token…".to_string()
            } else {
                format!("Extending {what}…")
            };
            return view! {
                <p class="ss-help" role="status">
                    {words}
                </p>
            }
            .into_any();
        }
        let again = asked.clone();
        let retry = move |_| {
            store.extended.set(Some(again.clone()));
            changes.extend.dispatch(again.clone());
        };
        match changes.extend.value().get() {
            None => ().into_any(),
            Some(WriteOutcome::Done(Some(s))) => view! {
                <p class="ss-success" role="status">
                    {format!(
                        "Extended {}: valid until {}; the list read back from SWR shows it.",
                        s.account,
                        s.deadline.label(),
                    )}
                </p>
            }
            .into_any(),
            Some(WriteOutcome::Changed { loaded, current }) => {
                let days = asked.days;
                let proposed = extend(&current.deadline, days, today_utc());
                let on_current = Extension {
                    repo: asked.repo.clone(),
                    basis: current.clone(),
                    days,
                };
                let describe = |s: &Share| {
                    if s.description.is_empty() {
                        format!("valid until {}", s.deadline.label())
                    } else {
                        format!(
                            "valid until {}, description {:?}",
                            s.deadline.label(),
                            s.description
                        )
                    }
                };
                view! {
                    <div class="ss-warn" role="alert">
                        {format!(
                            "Changed elsewhere since the list was loaded; nothing was sent. The list showed: {}. SWR has now: {}. ",
                            describe(&loaded),
                            describe(&current),
                        )}
                        <button
                            type="button"
                            class="ss-link-button"
                            on:click=move |_| {
                                store.extended.set(Some(on_current.clone()));
                                changes.extend.dispatch(on_current.clone());
                            }
                        >
                            {format!("Extend what SWR has now ({what} → {})", proposed.label())}
                        </button>
                        " "
                        <button
                            type="button"
                            class="ss-link-button"
                            on:click=move |_| {
                                store.extended.set(None);
                                store.reload(session);
                            }
                        >
                            "Keep SWR's version"
                        </button>
                    </div>
                }
                .into_any()
            }
            Some(other) => view! {
                <div class="ss-note-line">
                    <OutcomeNote outcome=other op=Operation::Update failed="Not extended. " />
                    <button type="button" class="ss-secondary" on:click=retry>
                        "Try again"
                    </button>
                </div>
            }
            .into_any(),
        }
    }
}
