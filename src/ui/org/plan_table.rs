use std::hash::{DefaultHasher, Hash, Hasher};

use leptos::prelude::*;

use crate::model::bulk::change::terms;
use crate::model::bulk::plan::{PlanRow, Step};
use crate::model::case::lower;
use crate::state::bulk::Bulk;
use crate::ui::checkbox::Checkbox;

/// The dry run: every pair and what would be done with it. Rows are keyed by repository and
/// account, so ticking "update" on one keeps focus there and leaves the other rows alone.
#[component]
pub fn PlanTable(bulk: Bulk) -> impl IntoView {
    let rows = move || bulk.planned().unwrap_or_default();
    // A u64, as the share table's rows: one instance of the keyed list's code for both.
    let key = |r: &PlanRow| {
        let mut h = DefaultHasher::new();
        (r.wanted.repo.display(), lower(&r.wanted.account)).hash(&mut h);
        h.finish()
    };
    view! {
        <div class="ss-table-wrap">
            <table class="ss-table" aria-label="Planned changes">
                <thead>
                    <tr>
                        <th scope="col">"Repository"</th>
                        <th scope="col">"Account"</th>
                        <th scope="col">"Plan"</th>
                        <th scope="col">"Now on SWR"</th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=rows
                        key=key
                        children=move |r| view! { <PlanRowView bulk=bulk row=r /> }
                    />
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn PlanRowView(bulk: Bulk, row: PlanRow) -> impl IntoView {
    let w = row.wanted;
    let planned = terms(&w.deadline, &w.description);
    let (plan, now) = match row.step {
        Step::Create => (
            view! { <span>{format!("New: until {}", w.deadline.label())}</span> }.into_any(),
            "—".to_string(),
        ),
        Step::Same => (
            view! { <span>"Same terms: skipped"</span> }.into_any(),
            planned,
        ),
        Step::Differs { current } => {
            let (repo, account) = (w.repo.clone(), w.account.clone());
            let choose = move |on: bool| bulk.choose_update(&repo, &account, on);
            (
                view! { <Checkbox checked=row.update on_change=choose label=format!(" Update to {planned}") /> }
                .into_any(),
                terms(&current.deadline, &current.description),
            )
        }
        Step::Invalid(why) => (
            view! { <span class="ss-error">{format!("Not valid: {why}")}</span> }.into_any(),
            String::new(),
        ),
    };
    view! {
        <tr>
            <td class="ss-mono" data-label="Repository">
                {w.repo.display()}
            </td>
            <th scope="row" class="ss-mono" data-label="Account">
                {w.account}
            </th>
            <td data-label="Plan">{plan}</td>
            <td data-label="Now on SWR">{now}</td>
        </tr>
    }
}
