use leptos::prelude::*;

use super::alert::Alert;
use crate::api::error::Operation;
use crate::api::outcome::WriteOutcome;
use crate::state::session::Session;
use crate::state::shares::SharesStore;

/// A write that did not succeed, where the user acted: a refusal (status, SWR's code, what
/// to do) or an unconfirmed change (what is known), with a way to reload the list when the
/// list is what to look at next. Successes and other outcomes render nothing here.
#[component]
pub fn OutcomeNote(
    outcome: WriteOutcome,
    op: Operation,
    /// The first words of a refusal: "Not shared. ", "Not saved. ", …
    failed: &'static str,
) -> impl IntoView {
    let reload = move || {
        let (store, session) = (SharesStore::expect(), Session::expect());
        view! {
            " "
            <button type="button" class="ss-link-button" on:click=move |_| store.reload(session)>
                "Reload the list"
            </button>
        }
    };
    match outcome {
        WriteOutcome::Failed(e) => {
            let gone = e.is_share_gone();
            view! { <Alert headline=failed>{e.describe(op)} {gone.then(reload)}</Alert> }.into_any()
        }
        WriteOutcome::Unconfirmed(m) => view! {
            <div class="ss-warn" role="alert">
                {m}
                {reload()}
            </div>
        }
        .into_any(),
        _ => ().into_any(),
    }
}
