use leptos::prelude::*;

use crate::state::org::Found;
use crate::state::org_table::OrgTable;

/// One line on how the repositories were found, and the other way to find them: SWR's
/// overview of shared repositories (one request for most accounts), or every private
/// repository (one request each), which also finds a repository an SWR might leave out of
/// its overview because all its shares have expired.
#[component]
pub fn OrgFound(table: OrgTable) -> impl IntoView {
    let org = table.org;
    let found = move || {
        org.with(|d| match d {
            Some(Ok(d)) if !org.loading() => Some(d.found.clone()),
            _ => None,
        })
    };
    move || {
        found().map(|f| {
            let (said, other, every_repo) = match f {
                Found::Shared => (
                    "Found through SWR's list of shared repositories.".to_string(),
                    "Read every private repository instead",
                    true,
                ),
                Found::EveryRepo(Some(refused)) => (
                    format!(
                        "SWR refused its list of shared repositories ({}); every private repository was read instead.",
                        refused.headline()
                    ),
                    "Try SWR's list again",
                    false,
                ),
                Found::EveryRepo(None) => (
                    "Every private repository was read.".to_string(),
                    "Use SWR's list of shared repositories",
                    false,
                ),
            };
            view! {
                <p class="ss-muted" data-testid="org-found">
                    {said}
                    " "
                    <button
                        type="button"
                        class="ss-link-button"
                        on:click=move |_| table.load_with(every_repo)
                    >
                        {other}
                    </button>
                </p>
            }
        })
    }
}
