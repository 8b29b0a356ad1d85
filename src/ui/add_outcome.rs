use leptos::prelude::*;

use super::outcome_note::OutcomeNote;
use crate::api::error::Operation;
use crate::api::outcome::WriteOutcome;
use crate::model::deadline::format_utc;
use crate::model::new_share::NewShare;
use crate::model::RepoRef;
use crate::state::shares::SharesStore;

/// What became of the last share sent from the add form: what SWR stored, an existing
/// share to edit instead, or the failure. While a request runs, the previous outcome is
/// hidden: it no longer describes the form.
#[component]
pub fn AddOutcome(
    repo: Signal<Option<RepoRef>>,
    action: Action<(RepoRef, NewShare), WriteOutcome>,
) -> impl IntoView {
    let pending = action.pending();
    let store = SharesStore::expect();
    move || {
        if pending.get() {
            return None;
        }
        let repo = repo.get()?;
        Some(match action.value().get()? {
            WriteOutcome::Done(stored) => {
                // What SWR stored (its spelling of the name), not what was typed.
                let stored = stored?;
                view! {
                    <p class="ss-success" role="status">
                        {format!(
                            "Shared {} with {} ({}); the list read back from SWR shows it.",
                            repo.display(),
                            stored.account,
                            match stored.deadline.cutoff() {
                                Some(c) => format!("access ends {}", format_utc(c)),
                                None => "forever".to_string(),
                            },
                        )}
                    </p>
                }
                .into_any()
            }
            WriteOutcome::Exists(found) => {
                let label = found.deadline.label();
                let who = found.account.clone();
                view! {
                    <div class="ss-warn" role="alert">
                        {format!(
                            "{who} already has a share on this repository (valid until {label}); nothing was sent. ",
                        )}
                        <button
                            type="button"
                            class="ss-link-button"
                            on:click=move |_| store.edit(found.clone())
                        >
                            "Edit the existing share"
                        </button>
                    </div>
                }
                .into_any()
            }
            other => {
                view! { <OutcomeNote outcome=other op=Operation::Create failed="Not shared. " /> }
                    .into_any()
            }
        })
    }
}
