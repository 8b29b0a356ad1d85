use leptos::prelude::*;

use super::selection_bar::SelectionBar;
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
        job.start(session, changes);
    };
    let extend = move |days: Option<i64>| start(extensions(&chosen(), days, today_utc()));
    let revoke = move || start(revocations(&chosen()));
    // When the job has finished, the table shows SWR's list as it is now.
    job.on_finish(move || store.reload(session));
    let question = move || {
        let n = count();
        let repo = store.repo.get().map(|r| r.display()).unwrap_or_default();
        let (shares, accounts) = if n == 1 {
            ("share", "This account")
        } else {
            ("shares", "These accounts")
        };
        format!("Revoke {n} {shares} of {repo}? {accounts} can no longer pull it.")
    };
    view! {
        <SelectionBar
            count=Signal::derive(count)
            job=job
            question=Signal::derive(question)
            on_extend=Callback::new(extend)
            on_revoke=Callback::new(move |_| revoke())
            on_clear=Callback::new(move |_| selection.clear())
        />
    }
}
