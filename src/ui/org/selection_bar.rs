use leptos::prelude::*;

use super::job_view::JobView;
use crate::state::jobs::Job;

/// What can be done with the rows ticked in a table: extend them by 30 or 90 days, or
/// revoke them after a confirmation; then the job's progress and results.
#[component]
pub fn SelectionBar(
    #[prop(into)] count: Signal<usize>,
    job: Job,
    /// The question asked before revoking: "Revoke 2 shares? …".
    #[prop(into)]
    question: Signal<String>,
    on_extend: Callback<Option<i64>>,
    on_revoke: Callback<()>,
    on_clear: Callback<()>,
) -> impl IntoView {
    let confirm = RwSignal::new(false);
    let busy = move || job.running.get();
    view! {
        <Show when=move || { count.get() > 0 }>
            <div class="ss-row ss-toolbar" role="group" aria-label="Selected shares">
                <span>{move || format!("{} selected:", count.get())}</span>
                <button type="button" disabled=busy on:click=move |_| on_extend.run(Some(30))>
                    "Extend +30 days"
                </button>
                <button type="button" disabled=busy on:click=move |_| on_extend.run(Some(90))>
                    "Extend +90 days"
                </button>
                <button
                    type="button"
                    class="ss-danger"
                    disabled=busy
                    on:click=move |_| confirm.set(true)
                >
                    "Revoke…"
                </button>
                <button
                    type="button"
                    class="ss-secondary"
                    on:click=move |_| {
                        confirm.set(false);
                        on_clear.run(())
                    }
                >
                    "Clear selection"
                </button>
            </div>
            <Show when=move || confirm.get()>
                <div class="ss-alert ss-confirm" role="alertdialog" aria-label="Confirm revoking">
                    {move || question.get()}
                    " "
                    <button
                        type="button"
                        class="ss-danger"
                        on:click=move |_| {
                            confirm.set(false);
                            on_revoke.run(())
                        }
                    >
                        {move || format!("Revoke {}", count.get())}
                    </button>
                    " "
                    <button type="button" class="ss-secondary" on:click=move |_| confirm.set(false)>
                        "Cancel"
                    </button>
                </div>
            </Show>
        </Show>
        <Show when=move || !job.states.with(Vec::is_empty)>
            <JobView job=job />
        </Show>
    }
}
