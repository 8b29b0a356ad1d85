use leptos::prelude::*;

use super::job_view::JobView;
use crate::model::bulk::change::{extensions, revocations};
use crate::model::{RepoRef, Share};
use crate::state::jobs::Job;
use crate::state::selection::Selection;
use crate::state::session::Session;
use crate::state::shares::SharesStore;
use crate::ui::time::today_utc;

/// Extend or revoke the shares chosen in the one-repository table, as one job (six at a
/// time, retried, read back); afterwards the list is loaded again from SWR.
#[component]
pub fn SelectionActions(selection: Selection) -> impl IntoView {
    let session = Session::expect();
    let store = SharesStore::expect();
    let job = Job::new();
    let confirm_revoke = RwSignal::new(false);
    let count = move || store.repo.with(|r| selection.accounts(r).len());
    let chosen = move || -> Vec<(RepoRef, Share)> {
        let Some(repo) = store.repo.get_untracked() else {
            return Vec::new();
        };
        let accounts = selection.accounts(&Some(repo.clone()));
        store
            .shares()
            .unwrap_or_default()
            .into_iter()
            .filter(|s| accounts.contains(&s.account))
            .map(|s| (repo.clone(), s))
            .collect()
    };
    let start = move |changes| {
        selection.clear();
        confirm_revoke.set(false);
        job.start(session, changes);
    };
    let extend = move |days: Option<i64>| start(extensions(&chosen(), days, today_utc()));
    let revoke = move || start(revocations(&chosen()));
    // When the job has finished, the table shows SWR's list as it is now.
    job.on_finish(move || store.reload(session));
    view! {
        <Show when=move || { count() > 0 }>
            <div class="ss-row ss-toolbar" role="group" aria-label="Chosen shares">
                <span>{move || format!("{} chosen:", count())}</span>
                <button type="button" disabled=move || job.running.get() on:click=move |_| extend(Some(30))>"Extend +30 days"</button>
                <button type="button" disabled=move || job.running.get() on:click=move |_| extend(Some(90))>"Extend +90 days"</button>
                <button type="button" class="ss-danger" disabled=move || job.running.get() on:click=move |_| confirm_revoke.set(true)>"Revoke…"</button>
                <button type="button" class="ss-secondary" on:click=move |_| selection.clear()>"Clear selection"</button>
            </div>
            <Show when=move || confirm_revoke.get()>
                <div class="ss-alert ss-confirm" role="alertdialog" aria-label="Confirm revoking">
                    {move || {
                        let repo = store.repo.get().map(|r| r.display()).unwrap_or_default();
                        let n = count();
                        let (shares, accounts) = if n == 1 { ("share", "This account") } else { ("shares", "These accounts") };
                        format!("Revoke {n} {shares} of {repo}? {accounts} can no longer pull it.")
                    }}
                    " "<button type="button" class="ss-danger" on:click=move |_| revoke()>{move || format!("Revoke {}", count())}</button>
                    " "<button type="button" class="ss-secondary" on:click=move |_| confirm_revoke.set(false)>"Cancel"</button>
                </div>
            </Show>
        </Show>
        <Show when=move || !job.states.with(Vec::is_empty)>
            <JobView job=job/>
        </Show>
    }
}
