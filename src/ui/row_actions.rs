use leptos::prelude::*;

use super::copy_button::CopyButton;
use super::time::today_utc;
use crate::model::expiry::extend;
use crate::model::Share;
use crate::state::session::Session;
use crate::state::shares::{ShareUpdate, SharesStore};

/// The actions on one share, in a disclosure menu that works with the keyboard.
#[component]
pub fn RowActions(share: Share) -> impl IntoView {
    let store = SharesStore::expect();
    let session = Session::expect();
    let busy = store.update.pending();
    let extend_by = {
        let share = share.clone();
        move |days: Option<i64>| {
            let Some(repo) = store.repo.get_untracked() else {
                return;
            };
            store.update.dispatch(ShareUpdate {
                repo,
                account: share.account.clone(),
                deadline: extend(&share.deadline, days, today_utc()),
                description: share.description.clone(),
            });
        }
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
    let account = share.account.clone();
    view! {
        <details class="ss-actions-menu">
            <summary aria-label=format!("Actions for {account}")>"Actions"</summary>
            <div class="ss-menu">
                <button type="button" disabled=move || busy.get() on:click=move |_| e30(Some(30))>"Extend +30 days"</button>
                <button type="button" disabled=move || busy.get() on:click=move |_| e90(Some(90))>"Extend +90 days"</button>
                <button type="button" disabled=move || busy.get() on:click=move |_| ef(None)>"Make forever"</button>
                <button type="button" on:click=move |_| store.editing.set(Some(to_edit.clone()))>"Edit…"</button>
                <button type="button" class="ss-danger-text" on:click=move |_| store.revoking.set(Some(to_revoke.clone()))>"Revoke…"</button>
                <CopyButton text=share.account.clone() label="Copy account name"/>
                {move || view! { <CopyButton text=pull() label="Copy pull command"/> }}
            </div>
        </details>
    }
}
