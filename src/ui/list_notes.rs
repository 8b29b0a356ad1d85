//! What the share list says about itself above the table: how many accounts (or why there
//! is no list yet), a failure with what to do, a list cut at SWR's page size, an empty list.

use leptos::prelude::*;

use super::alert::Alert;
use crate::api::error::Operation;
use crate::model::limits::{LIST_PAGE_SIZE, MAX_SHARES};
use crate::model::Share;
use crate::state::session::Session;
use crate::state::shares::SharesStore;

/// A function rather than a component: as a component of its own it cost 0.5 KB of first
/// load (its props and erased view type), over the guard.
pub fn list_notes(all: Memo<Vec<Share>>) -> impl IntoView {
    let session = Session::expect();
    let store = SharesStore::expect();
    let status_line = move || {
        if !session.has_token() {
            return "Paste a token above (or sign in) to see who this repository is shared with."
                .to_string();
        }
        let Some(repo) = store.repo.get() else {
            return "Enter an organization and a repository to see its shares.".to_string();
        };
        if store.loading() {
            return format!("Loading the shares of {}…", repo.display());
        }
        match store.with_shares(|l| l.map(Vec::len)) {
            None => String::new(),
            // SWR lists at most one page: a full page means "this many or more".
            Some(LIST_PAGE_SIZE) => format!(
                "{} is shared with at least {LIST_PAGE_SIZE} accounts (of at most {MAX_SHARES}); SWR lists {LIST_PAGE_SIZE}.",
                repo.display()
            ),
            Some(n) => {
                let accounts = if n == 1 { "account" } else { "accounts" };
                format!(
                    "{} is shared with {n} {accounts} ({n} of at most {MAX_SHARES}).",
                    repo.display()
                )
            }
        }
    };
    let truncated = move || all.with(|l| l.len() == LIST_PAGE_SIZE);
    let empty = move || store.with_shares(|l| l.is_some_and(|l| l.is_empty()));
    let repo_name = move || store.repo.get().map(|r| r.display()).unwrap_or_default();
    let focus_token = move |_| {
        if let Some(el) = document().get_element_by_id("ss-token") {
            use wasm_bindgen::JsCast;
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };
    view! {
        <p class="ss-muted" role="status" aria-live="polite" data-testid="list-status">
            {status_line}
        </p>
        {move || {
            store
                .error()
                .map(|e| {
                    let unauthorized = e.is_unauthorized();
                    view! {
                        <Alert headline="Could not load the shares. ">
                            {e.describe(Operation::List)}
                            {unauthorized
                                .then(|| {
                                    view! {
                                        " "
                                        <button
                                            type="button"
                                            class="ss-link-button"
                                            on:click=focus_token
                                        >
                                            "Enter a new token"
                                        </button>
                                    }
                                })}
                        </Alert>
                    }
                })
        }}
        <Show when=truncated>
            <p class="ss-warn" role="note">
                "SWR returned exactly "
                {LIST_PAGE_SIZE}
                " rows, its default page size: this repository may be shared with more accounts than are listed here."
            </p>
        </Show>
        <Show when=empty>
            <p class="ss-empty">
                {repo_name}
                " is not shared with any account yet. Only private images can be shared, within one region, and recipients may only pull."
            </p>
        </Show>
    }
}

/// Previous and next page of the share table, with where the user is.
pub fn pager(
    matching: impl Fn() -> usize + Copy + Send + Sync + 'static,
    pages: impl Fn() -> usize + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let view = crate::state::view::View::expect();
    let current = move || view.0.with(|v| v.page).clamp(1, pages());
    // The page is read before the update: reading the view inside its own update would
    // re-enter the signal.
    let go_to = move |page: usize| view.0.update(|v| v.page = page);
    view! {
        <nav class="ss-pager" aria-label="Pages">
            <button
                type="button"
                class="ss-secondary"
                disabled=move || { current() <= 1 }
                on:click=move |_| go_to(current() - 1)
            >
                "Previous"
            </button>
            <span>
                {move || format!("Page {} of {} ({} shares)", current(), pages(), matching())}
            </span>
            <button
                type="button"
                class="ss-secondary"
                disabled=move || { current() >= pages() }
                on:click=move |_| go_to(current() + 1)
            >
                "Next"
            </button>
        </nav>
    }
}
