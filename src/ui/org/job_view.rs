use leptos::prelude::*;

use super::beat::beat;
use crate::state::jobs::{ItemState, Job};
use crate::state::session::Session;

/// A job's progress and results: counts (done, failed, changed elsewhere, not sent, left),
/// a bar, whether SWR throttles it, cancel while it runs, why each change did not go as
/// planned, which were confirmed by reading back, and "Retry failed" afterwards.
#[component]
pub fn JobView(job: Job) -> impl IntoView {
    let session = Session::expect();
    // While the job runs, the view follows its answers at the beat, not at every answer.
    // A start, a stop, a cancel or a refused token are shown at once.
    let beat = beat(move || job.running.get_untracked());
    let follow = move || {
        if job.running.get() {
            beat.track();
        } else {
            job.states.track();
        }
    };
    let total = move || {
        follow();
        job.states.with_untracked(Vec::len)
    };
    let counts = move || {
        follow();
        untrack(|| job.counts())
    };
    let status = move || {
        let c = counts();
        let phase = job.phase(session.asking.get());
        let elsewhere = match c.elsewhere {
            0 => String::new(),
            n => format!(", {n} changed elsewhere"),
        };
        format!(
            "{phase}{} done, {} failed{elsewhere}, {} not sent, {} left of {}.",
            c.done,
            c.failed,
            c.not_sent,
            c.left,
            total()
        )
    };
    // (what, why) of the changes that match `pick`.
    let listed = move |pick: fn(&ItemState) -> Option<String>| {
        follow();
        job.changes.with(|changes| {
            job.states.with_untracked(|states| {
                states
                    .iter()
                    .zip(changes)
                    .filter_map(|(s, c)| pick(s).map(|why| (c.label(), why)))
                    .collect::<Vec<_>>()
            })
        })
    };
    let problems = move || listed(ItemState::problem);
    let confirmed = move || listed(ItemState::note);
    let items = |list: Vec<(String, String)>| {
        list.into_iter()
            .map(|(what, why)| {
                view! {
                    <li>
                        <strong>{what}</strong>
                        ": "
                        {why}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="ss-job" data-testid="job">
            <progress
                max=move || total().max(1)
                value=move || {
                    let c = counts();
                    c.done + c.failed + c.elsewhere + c.not_sent
                }
                aria-label="Progress of the job"
            ></progress>
            <p role="status" aria-live="polite" data-testid="job-status">
                {status}
            </p>
            <div class="ss-actions">
                <Show when=move || job.running.get()>
                    <button
                        type="button"
                        class="ss-secondary"
                        disabled=move || job.cancelled.get()
                        on:click=move |_| job.cancel()
                    >
                        "Cancel"
                    </button>
                </Show>
                <Show when=move || {
                    !job.running.get()
                        && {
                            let c = counts();
                            c.failed + c.not_sent > 0
                        }
                }>
                    <button type="button" on:click=move |_| job.retry_failed(session)>
                        "Retry failed"
                    </button>
                </Show>
            </div>
            <Show when=move || !problems().is_empty()>
                <ul class="ss-job-problems" aria-label="What did not work">
                    {move || items(problems())}
                </ul>
            </Show>
            <Show when=move || !confirmed().is_empty()>
                <ul class="ss-job-notes" aria-label="Done, with a note">
                    {move || items(confirmed())}
                </ul>
            </Show>
        </div>
    }
}
