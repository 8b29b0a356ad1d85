use leptos::prelude::*;

use super::inbound_table::InboundTable;
use super::inbound_toolbar::InboundToolbar;
use crate::api::error::Operation;
use crate::model::inbound::{in_view, InboundSort, InboundStatus};
use crate::state::inbound::SharedWithMe;
use crate::state::session::Session;
use crate::state::view::View;
use crate::ui::alert::Alert;

/// The images other accounts share with this one: owner, organization, repository, whether
/// the share is still valid, and the command to pull it. Filter and status live in the URL.
#[component]
pub fn InboundView() -> impl IntoView {
    let (session, view) = (Session::expect(), View::expect());
    let shared = SharedWithMe::new(session);
    let sort = RwSignal::new(InboundSort::Owner);
    let rows = Memo::new(move |_| {
        let (q, status) = view
            .0
            .with(|v| (v.q.clone(), InboundStatus::parse(v.status.key())));
        shared.with(|d| match d {
            Some(Ok(all)) => in_view(all, &q, status, sort.get()),
            _ => Vec::new(),
        })
    });
    let total = move || shared.with(|d| d.and_then(|r| r.as_ref().ok()).map(Vec::len));
    let account = move || {
        session
            .token_info()
            .map(|i| i.account)
            .filter(|a| !a.is_empty())
            .unwrap_or_else(|| "this account".into())
    };
    let status_line = move || match (shared.loading(), total()) {
        (true, _) => "Reading what other accounts share with you…".to_string(),
        (false, Some(n)) => format!("{} of {n} shared images in view.", rows.with(Vec::len)),
        (false, None) if !session.has_token() => "Paste a token or sign in first.".into(),
        _ => String::new(),
    };
    view! {
        <section class="ss-card" aria-labelledby="ss-inbound-h">
            <h2 id="ss-inbound-h">"Shared with you"</h2>
            <p class="ss-muted">
                "Images other accounts share with "{account}
                ". You can pull them; their owners decide for how long."
            </p>
            <p class="ss-muted" role="status" data-testid="inbound-status">
                {status_line}
            </p>
            {move || {
                shared
                    .with(|d| match d {
                        Some(Err(e)) => Some(e.describe(Operation::Repositories)),
                        _ => None,
                    })
                    .map(|why| {
                        view! {
                            <Alert headline="Could not read what is shared with you. ">
                                {why}" "
                                <button
                                    type="button"
                                    class="ss-link-button"
                                    on:click=move |_| shared.retry()
                                >
                                    "Retry"
                                </button>
                            </Alert>
                        }
                    })
            }}
            <Show when=move || total() == Some(0)>
                <p class="ss-empty">
                    "No account shares an image with "{account}
                    " yet. When one does, it appears here with the command to pull it."
                </p>
            </Show>
            <Show when=move || total().is_some_and(|n| n > 0)>
                <InboundToolbar rows=rows sort=sort />
                <InboundTable rows=rows />
            </Show>
        </section>
    }
}
