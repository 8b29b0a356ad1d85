use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::job_view::JobView;
use crate::api::responses;
use crate::model::bulk::accounts::parse_accounts;
use crate::model::bulk::change::from_plan;
use crate::model::bulk::import::import_csv;
use crate::model::bulk::plan::{copies, counts, pairs, plan, PlanRow, Step};
use crate::model::bulk::Wanted;
use crate::model::case::lower;
use crate::model::names::validate_namespace;
use crate::model::time::parse_ymd;
use crate::model::{Deadline, RepoRef, Share};
use crate::state::jobs::Job;
use crate::state::org::private_repos;
use crate::state::pool::{run_bounded, IN_FLIGHT};
use crate::state::session::Session;
use crate::state::view::View;
use crate::state::writes::send_retrying;
use crate::ui::alert::Alert;
use crate::ui::text_field::TextField;
use crate::ui::time::today_utc;

#[derive(Clone, Copy, PartialEq)]
enum Source {
    Accounts,
    Copy,
    File,
}

/// Share with many accounts on many repositories at once, copy one repository's shares to
/// others, or import a CSV; every pair is planned against SWR's lists first (new, same,
/// other terms with update-or-keep, invalid) and nothing is sent until the plan is confirmed.
#[component]
pub fn BulkShare() -> impl IntoView {
    let session = Session::expect();
    let view = View::expect();
    let job = Job::new();
    let namespace = RwSignal::new(view.0.with_untracked(|v| v.namespace.clone()));
    let repos = RwSignal::new(None::<Result<Vec<RepoRef>, String>>);
    let load_repos = move || {
        let ns = namespace.get_untracked().trim().to_string();
        if let Err(e) = validate_namespace(&ns) {
            repos.set(Some(Err(e)));
            return;
        }
        view.update(|v| v.namespace = ns.clone());
        repos.set(None);
        spawn_local(async move {
            let mut api = session.api_untracked();
            let r = private_repos(session, None, &mut api, &ns)
                .await
                .map_err(|e| e.describe(crate::api::error::Operation::Repositories));
            // Only for the organization still asked for.
            if namespace.get_untracked().trim() == ns {
                repos.set(Some(r));
            }
        });
    };
    if session.has_token() && !namespace.get_untracked().trim().is_empty() {
        load_repos();
    }
    let source = RwSignal::new(Source::Accounts);
    let accounts_text = RwSignal::new(String::new());
    let parsed = Memo::new(move |_| accounts_text.with(|t| parse_accounts(t)));
    let repo_filter = RwSignal::new(String::new());
    let chosen = RwSignal::new(Vec::<String>::new());
    let copy_from = RwSignal::new(String::new());
    let last_day = RwSignal::new(String::new());
    let forever = RwSignal::new(false);
    let description = RwSignal::new(String::new());
    let imported = RwSignal::new(None::<Result<(Vec<Wanted>, Vec<String>), String>>);
    let error = RwSignal::new(None::<String>);
    let planned = RwSignal::new(None::<Vec<PlanRow>>);
    let planning = RwSignal::new(false);

    let all_repos = move || {
        repos.with(|r| {
            r.as_ref()
                .and_then(|r| r.as_ref().ok())
                .cloned()
                .unwrap_or_default()
        })
    };
    let matching = move || {
        let f = lower(repo_filter.get().trim());
        all_repos()
            .into_iter()
            .filter(|r| f.is_empty() || lower(&r.repository).contains(&f))
            .collect::<Vec<_>>()
    };
    let targets = move || {
        let names = chosen.get_untracked();
        all_repos()
            .into_iter()
            .filter(|r| names.contains(&r.repository))
            .collect::<Vec<_>>()
    };
    let deadline = move || -> Result<Deadline, String> {
        if forever.get_untracked() {
            return Ok(Deadline::Forever);
        }
        parse_ymd(last_day.get_untracked().trim())
            .map(Deadline::LastDay)
            .ok_or_else(|| "Choose the last valid day, or Forever.".to_string())
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            imported.set(Some(import_csv(&text).map(|i| (i.wanted, i.problems))));
        });
    };

    let preview = move |_| {
        error.set(None);
        planned.set(None);
        let wanted: Result<Vec<Wanted>, String> = match source.get_untracked() {
            Source::Accounts => {
                let a = parsed.get_untracked();
                let t = targets();
                if a.valid.is_empty() {
                    Err("Paste at least one valid account name.".into())
                } else if t.is_empty() {
                    Err("Choose at least one repository.".into())
                } else {
                    deadline().map(|d| pairs(&a.valid, &t, &d, description.get_untracked().trim()))
                }
            }
            Source::Copy => {
                let t: Vec<RepoRef> = targets()
                    .into_iter()
                    .filter(|r| r.repository != copy_from.get_untracked())
                    .collect();
                if copy_from.get_untracked().is_empty() {
                    Err("Choose the repository to copy from.".into())
                } else if t.is_empty() {
                    Err("Choose at least one other repository to copy to.".into())
                } else {
                    Ok(t.into_iter()
                        .map(|r| Wanted {
                            repo: r,
                            account: String::new(),
                            deadline: Deadline::Forever,
                            description: String::new(),
                        })
                        .collect())
                }
            }
            Source::File => match imported.get_untracked() {
                Some(Ok((w, _))) if !w.is_empty() => Ok(w),
                _ => Err(
                    "Choose a CSV file with account, repository, deadline and description.".into(),
                ),
            },
        };
        let wanted = match wanted {
            Ok(w) => w,
            Err(e) => {
                error.set(Some(e));
                return;
            }
        };
        let copy_source =
            (source.get_untracked() == Source::Copy).then(|| copy_from.get_untracked());
        let ns = namespace.get_untracked().trim().to_string();
        planning.set(true);
        spawn_local(async move {
            // The lists of every repository involved (and of the source of a copy).
            let mut needed: Vec<RepoRef> = Vec::new();
            for w in &wanted {
                if !needed.contains(&w.repo) {
                    needed.push(w.repo.clone());
                }
            }
            let source_repo = copy_source
                .as_ref()
                .and_then(|name| RepoRef::new(&ns, name).ok());
            if let Some(s) = &source_repo {
                if !needed.contains(s) {
                    needed.push(s.clone());
                }
            }
            let lists: Rc<RefCell<HashMap<String, Vec<Share>>>> = Rc::default();
            run_bounded(needed, IN_FLIGHT, {
                let lists = lists.clone();
                move |_, repo: RepoRef| {
                    let lists = lists.clone();
                    async move {
                        let mut api = session.api_untracked();
                        if let Ok(rows) = send_retrying(
                            session,
                            &mut api,
                            |a| a.list_shares(&repo),
                            responses::share_list,
                        )
                        .await
                        {
                            lists.borrow_mut().insert(repo.display(), rows);
                        }
                    }
                }
            })
            .await;
            let lists = lists.take();
            let wanted = match &source_repo {
                Some(s) => match lists.get(&s.display()) {
                    Some(from) => copies(
                        from,
                        &wanted.iter().map(|w| w.repo.clone()).collect::<Vec<_>>(),
                    ),
                    None => {
                        error.set(Some(format!(
                            "The shares of {} could not be read.",
                            s.display()
                        )));
                        planning.set(false);
                        return;
                    }
                },
                None => wanted,
            };
            planned.set(Some(plan(
                wanted,
                |r| lists.get(&r.display()).map(Vec::as_slice),
                today_utc(),
            )));
            planning.set(false);
        });
    };
    let plan_counts = move || planned.with(|p| p.as_deref().map(counts).unwrap_or_default());
    let to_send = move || {
        planned.with(|p| {
            p.as_ref()
                .map(|p| p.iter().filter(|r| r.sends()).count())
                .unwrap_or(0)
        })
    };
    let send = move |_| {
        let Some(rows) = planned.get_untracked() else {
            return;
        };
        job.start(session, from_plan(&rows));
    };

    view! {
        <section class="ss-card" aria-labelledby="ss-bulk-h">
            <h2 id="ss-bulk-h">"Share in bulk"</h2>
            <form class="ss-row" on:submit=move |ev| { ev.prevent_default(); load_repos(); } novalidate>
                <TextField id="ss-bulk-org" label="Organization" value=namespace/>
                <div class="ss-field ss-field-button"><button type="submit" class="ss-secondary">"List its repositories"</button></div>
            </form>
            {move || repos.with(|r| match r { Some(Err(e)) => { let e = e.clone(); Some(view! { <Alert headline="Could not list the repositories. ">{e}</Alert> }) }, _ => None })}
            <fieldset class="ss-fieldset">
                <legend>"What to share"</legend>
                <label class="ss-inline"><input type="radio" name="ss-bulk-source" prop:checked=move || source.get() == Source::Accounts on:change=move |_| source.set(Source::Accounts)/>" Accounts on repositories"</label>
                <label class="ss-inline"><input type="radio" name="ss-bulk-source" prop:checked=move || source.get() == Source::Copy on:change=move |_| source.set(Source::Copy)/>" Copy the shares of one repository"</label>
                <label class="ss-inline"><input type="radio" name="ss-bulk-source" prop:checked=move || source.get() == Source::File on:change=move |_| source.set(Source::File)/>" A CSV file"</label>
            </fieldset>
            <Show when=move || source.get() == Source::Accounts>
                <div class="ss-field">
                    <label for="ss-bulk-accounts">"Accounts (commas, spaces or one per line)"</label>
                    <textarea id="ss-bulk-accounts" rows="3" spellcheck="false" prop:value=move || accounts_text.get() on:input:target=move |ev| accounts_text.set(ev.target().value())></textarea>
                    <p class="ss-help" role="status">{move || { let a = parsed.get(); format!("{} accounts{}{}", a.valid.len(), if a.repeated > 0 { format!(", {} given twice (once is enough)", a.repeated) } else { String::new() }, if a.invalid.is_empty() { String::new() } else { format!(", {} not valid", a.invalid.len()) }) }}</p>
                    <ul class="ss-error">{move || parsed.get().invalid.into_iter().map(|(a, why)| view! { <li><span class="ss-mono">{a}</span>": "{why}</li> }).collect_view()}</ul>
                </div>
            </Show>
            <Show when=move || source.get() == Source::Copy>
                <div class="ss-field">
                    <label for="ss-bulk-from">"Copy the shares of"</label>
                    <select id="ss-bulk-from" on:change:target=move |ev| copy_from.set(ev.target().value())>
                        <option value="">"Choose a repository"</option>
                        {move || all_repos().into_iter().map(|r| view! { <option value=r.repository.clone()>{r.repository.clone()}</option> }).collect_view()}
                    </select>
                </div>
            </Show>
            <Show when=move || source.get() == Source::File>
                <div class="ss-field">
                    <label for="ss-bulk-file">"CSV file (account, repository, deadline, description)"</label>
                    <input id="ss-bulk-file" type="file" accept=".csv,text/csv" on:change=on_file/>
                    {move || imported.get().map(|r| match r {
                        Ok((w, problems)) => view! { <p class="ss-help" role="status">{format!("{} shares read; {} lines could not be used.", w.len(), problems.len())}</p><ul class="ss-error">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul> }.into_any(),
                        Err(e) => view! { <p class="ss-error" role="alert">{e}</p> }.into_any(),
                    })}
                </div>
            </Show>
            <Show when=move || source.get() != Source::File>
                <fieldset class="ss-fieldset">
                    <legend>{move || if source.get() == Source::Copy { "Copy to these repositories" } else { "On these repositories" }}</legend>
                    <div class="ss-row ss-toolbar">
                        <input type="search" aria-label="Filter repositories" placeholder="filter" prop:value=move || repo_filter.get() on:input:target=move |ev| repo_filter.set(ev.target().value())/>
                        <button type="button" class="ss-secondary" on:click=move |_| { let m: Vec<String> = matching().into_iter().map(|r| r.repository).collect(); chosen.update(|c| for n in m { if !c.contains(&n) { c.push(n) } }) }>{move || format!("Select the {} matching", matching().len())}</button>
                        <button type="button" class="ss-secondary" on:click=move |_| chosen.set(Vec::new())>"Clear"</button>
                        <span class="ss-muted">{move || format!("{} chosen", chosen.with(Vec::len))}</span>
                    </div>
                    <div class="ss-repo-choices">
                        {move || matching().into_iter().map(|r| { let (n1, n2) = (r.repository.clone(), r.repository.clone()); view! {
                            <label class="ss-inline ss-mono"><input type="checkbox" prop:checked=move || chosen.with(|c| c.contains(&n1)) on:change:target=move |ev| { let on = ev.target().checked(); let n = n2.clone(); chosen.update(|c| { c.retain(|x| *x != n); if on { c.push(n) } }) }/>" "{r.repository.clone()}</label>
                        }}).collect_view()}
                    </div>
                </fieldset>
            </Show>
            <Show when=move || source.get() == Source::Accounts>
                <div class="ss-row">
                    <div class="ss-field">
                        <label for="ss-bulk-day">"Last valid day (UTC)"</label>
                        <input id="ss-bulk-day" type="date" disabled=move || forever.get() prop:value=move || last_day.get() on:input:target=move |ev| last_day.set(ev.target().value())/>
                    </div>
                    <label class="ss-inline"><input type="checkbox" prop:checked=move || forever.get() on:change:target=move |ev| forever.set(ev.target().checked())/>" Forever"</label>
                    <div class="ss-field">
                        <label for="ss-bulk-description">"Description (optional)"</label>
                        <input id="ss-bulk-description" prop:value=move || description.get() on:input:target=move |ev| description.set(ev.target().value())/>
                    </div>
                </div>
            </Show>
            {move || error.get().map(|e| view! { <p class="ss-error" role="alert">{e}</p> })}
            <div class="ss-actions">
                <button type="button" disabled=move || planning.get() || job.running.get() on:click=preview>{move || if planning.get() { "Reading the lists…" } else { "Preview the changes" }}</button>
            </div>
            <Show when=move || planned.with(Option::is_some)>
                <h3>"Dry run: nothing has been sent"</h3>
                <p role="status" data-testid="plan-counts">{move || { let c = plan_counts(); format!("{} new, {} already shared with the same terms (skipped), {} shared with other terms, {} not valid.", c.create, c.same, c.differs, c.invalid) }}</p>
                <div class="ss-table-wrap">
                    <table class="ss-table" aria-label="Planned changes">
                        <thead><tr><th scope="col">"Repository"</th><th scope="col">"Account"</th><th scope="col">"Plan"</th><th scope="col">"Now on SWR"</th></tr></thead>
                        <tbody>
                            {move || planned.get().unwrap_or_default().into_iter().enumerate().map(|(i, r)| {
                                let (plan_cell, now_cell) = match &r.step {
                                    Step::Create => (view! { <span>{format!("New: until {}", r.wanted.deadline.label())}</span> }.into_any(), "—".to_string()),
                                    Step::Same => (view! { <span>"Same terms: skipped"</span> }.into_any(), format!("until {}", r.wanted.deadline.label())),
                                    Step::Differs { current } => (view! {
                                        <label class="ss-inline"><input type="checkbox" prop:checked=r.update on:change:target=move |ev| { let on = ev.target().checked(); planned.update(|p| if let Some(p) = p { p[i].update = on }) }/>
                                        {format!(" Update to until {}{}", r.wanted.deadline.label(), if r.wanted.description.is_empty() { String::new() } else { format!(", \"{}\"", r.wanted.description) })}</label>
                                    }.into_any(), format!("until {}{}", current.deadline.label(), if current.description.is_empty() { String::new() } else { format!(", \"{}\"", current.description) })),
                                    Step::Invalid(why) => (view! { <span class="ss-error">{format!("Not valid: {why}")}</span> }.into_any(), String::new()),
                                };
                                view! { <tr><td class="ss-mono">{r.wanted.repo.display()}</td><th scope="row" class="ss-mono">{r.wanted.account.clone()}</th><td>{plan_cell}</td><td>{now_cell}</td></tr> }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <div class="ss-actions">
                    <button type="button" disabled=move || to_send() == 0 || job.running.get() on:click=send>{move || format!("Send {} changes", to_send())}</button>
                </div>
            </Show>
            <Show when=move || !job.states.with(Vec::is_empty)>
                <JobView job=job/>
            </Show>
        </section>
    }
}
