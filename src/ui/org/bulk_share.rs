use leptos::prelude::*;

use super::bulk_source::BulkSource;
use super::bulk_terms::BulkTerms;
use super::job_view::JobView;
use super::plan_table::PlanTable;
use super::repo_chooser::RepoChooser;
use crate::state::bulk::{Bulk, Source};
use crate::state::session::Session;
use crate::state::view::View;
use crate::ui::alert::Alert;
use crate::ui::text_field::TextField;

/// Share with many accounts on many repositories at once, copy one repository's shares to
/// others, or import a CSV; every pair is planned against SWR's lists first (new, same,
/// other terms with update-or-keep, invalid) and nothing is sent until the plan is confirmed.
#[component]
pub fn BulkShare() -> impl IntoView {
    let bulk = Bulk::new(Session::expect(), View::expect());
    let job = bulk.job;
    let repos_error = move || {
        let e = bulk.repos_error()?;
        Some(view! { <Alert headline="Could not list the repositories. ">{e}</Alert> })
    };
    let counts = move || {
        let c = bulk.with_planned(|p| {
            p.map(|p| crate::model::bulk::plan::counts(p))
                .unwrap_or_default()
        });
        format!(
            "{} new, {} already shared with the same terms (skipped), {} shared with other terms, {} not valid.",
            c.create, c.same, c.differs, c.invalid
        )
    };
    view! {
        <section class="ss-card" aria-labelledby="ss-bulk-h">
            <h2 id="ss-bulk-h">"Share in bulk"</h2>
            <form
                class="ss-row"
                on:submit=move |ev| {
                    ev.prevent_default();
                    bulk.load_repos();
                }
                novalidate
            >
                <TextField id="ss-bulk-org" label="Organization" value=bulk.namespace />
                <div class="ss-field ss-field-button">
                    <button type="submit" class="ss-secondary">
                        "List its repositories"
                    </button>
                </div>
            </form>
            {repos_error}
            <BulkSource bulk=bulk />
            <Show when=move || bulk.source.get() != Source::File>
                <RepoChooser bulk=bulk />
            </Show>
            <Show when=move || bulk.source.get() == Source::Accounts>
                <BulkTerms bulk=bulk />
            </Show>
            {move || {
                bulk.plan_error()
                    .map(|e| {
                        view! {
                            <p class="ss-error" role="alert">
                                {e}
                            </p>
                        }
                    })
            }}
            <div class="ss-actions">
                <button
                    type="button"
                    disabled=move || bulk.planning() || job.running.get()
                    on:click=move |_| bulk.preview()
                >
                    {move || {
                        if bulk.planning() { "Reading the lists…" } else { "Preview the changes" }
                    }}
                </button>
            </div>
            <Show when=move || bulk.with_planned(|p| p.is_some())>
                <h3>"Dry run: nothing has been sent"</h3>
                <p role="status" data-testid="plan-counts">
                    {counts}
                </p>
                <PlanTable bulk=bulk />
                <div class="ss-actions">
                    <button
                        type="button"
                        disabled=move || bulk.to_send() == 0 || job.running.get()
                        on:click=move |_| bulk.send()
                    >
                        {move || format!("Send {} changes", bulk.to_send())}
                    </button>
                </div>
            </Show>
            <Show when=move || !job.states.with(Vec::is_empty)>
                <JobView job=job />
            </Show>
        </section>
    }
}
