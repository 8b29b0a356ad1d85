use leptos::prelude::*;

use super::add_share_form::AddShareForm;
use super::share_table::ShareTable;
use crate::api::error::Operation;
use crate::api::responses::{LIST_PAGE_SIZE, MAX_SHARES};
use crate::state::session::Session;
use crate::state::shares::SharesStore;

/// The share list of the open repository with its loading, empty and error states, and
/// the form to add a share.
#[component]
pub fn SharesSection() -> impl IntoView {
    let session = Session::expect();
    let store = SharesStore::expect();
    let rows = Signal::derive(move || store.shares.get().unwrap_or_default());
    let repo_name = move || store.repo.get().map(|r| r.display()).unwrap_or_default();

    let status_line = move || {
        if !session.has_token() {
            return "Paste a token above to see who this repository is shared with.".to_string();
        }
        let Some(repo) = store.repo.get() else {
            return "Enter an organization and a repository to see its shares.".to_string();
        };
        if store.loading.get() {
            return format!("Loading the shares of {}…", repo.display());
        }
        match store.shares.get() {
            None => String::new(),
            Some(list) => {
                let expired = list.iter().filter(|s| !s.valid).count();
                let n = list.len();
                let accounts = if n == 1 { "account" } else { "accounts" };
                let mut line = format!(
                    "{} is shared with {n} {accounts} ({n} of at most {MAX_SHARES})",
                    repo.display()
                );
                if expired > 0 {
                    line.push_str(&format!("; {expired} expired"));
                }
                line.push('.');
                line
            }
        }
    };
    let truncated = move || {
        store
            .shares
            .get()
            .is_some_and(|l| l.len() == LIST_PAGE_SIZE)
    };
    let empty = move || store.shares.get().is_some_and(|l| l.is_empty());

    view! {
        <section class="ss-card" aria-labelledby="ss-shares-h">
            <div class="ss-section-head">
                <h2 id="ss-shares-h">"Shared with"</h2>
                <button
                    type="button"
                    class="ss-secondary"
                    disabled=move || store.loading.get() || store.repo.get().is_none() || !session.has_token()
                    on:click=move |_| store.reload(session)
                >
                    "Reload"
                </button>
            </div>
            <p class="ss-muted" role="status" aria-live="polite" data-testid="list-status">{status_line}</p>
            {move || store.error.get().map(|e| view! {
                <div class="ss-alert" role="alert">
                    <strong>"Could not load the shares. "</strong>
                    {e.describe(Operation::List)}
                </div>
            })}
            <Show when=truncated>
                <p class="ss-warn" role="note">
                    "SWR returned exactly " {LIST_PAGE_SIZE} " rows, its default page size: this repository may be shared with more accounts than are listed here."
                </p>
            </Show>
            <Show when=empty>
                <p class="ss-empty">
                    {repo_name} " is not shared with any account yet. Only private images can be shared, within one region, and recipients may only pull."
                </p>
            </Show>
            <Show when=move || rows.with(|r| !r.is_empty())>
                <ShareTable shares=rows/>
            </Show>
            <Show when=move || store.repo.get().is_some() && session.has_token()>
                <AddShareForm repo=store.repo existing=rows action=store.add/>
            </Show>
        </section>
    }
}
