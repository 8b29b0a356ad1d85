//! Share in bulk: what the user chose (accounts on repositories, a repository to copy, or a
//! CSV file), the dry run planned against SWR's lists, and the job that sends it. Nothing
//! is sent until the plan is confirmed.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use leptos::prelude::*;

use super::jobs::Job;
use super::loader::Loader;
use super::org::private_repos;
use super::pace::Pace;
use super::pool::{run_bounded, IN_FLIGHT};
use super::session::Session;
use super::view::View;
use super::writes::{list_via, Via};
use crate::api::error::Operation;
use crate::model::bulk::accounts::{parse_accounts, Accounts};
use crate::model::bulk::change::from_plan;
use crate::model::bulk::plan::{copies, pairs, plan, PlanRow};
use crate::model::bulk::Wanted;
use crate::model::case::lower;
use crate::model::names::validate_namespace;
use crate::model::time::parse_ymd;
use crate::model::{Deadline, RepoRef, Share};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Accounts,
    Copy,
    File,
}

/// A CSV file read: the shares it asks for, and the lines that could not be used.
pub type Imported = Result<(Vec<Wanted>, Vec<String>), String>;

#[derive(Clone, Copy)]
pub struct Bulk {
    pub namespace: RwSignal<String>,
    /// The organization's private repositories, or why they could not be listed, for the
    /// organization last asked for.
    repos: Loader<String, Vec<RepoRef>, String>,
    repos_of: RwSignal<Option<String>>,
    pub source: RwSignal<Source>,
    pub accounts_text: RwSignal<String>,
    pub accounts: Memo<Accounts>,
    pub repo_filter: RwSignal<String>,
    /// The repositories chosen, by name.
    pub chosen: RwSignal<Vec<String>>,
    pub copy_from: RwSignal<String>,
    pub last_day: RwSignal<String>,
    pub forever: RwSignal<bool>,
    pub description: RwSignal<String>,
    pub imported: RwSignal<Option<Imported>>,
    /// The dry run (or why it could not be made), for the last Preview asked for.
    plan: Loader<u64, Vec<PlanRow>, String>,
    previews: RwSignal<u64>,
    pub job: Job,
    session: Session,
    view: View,
}

impl Bulk {
    pub fn new(session: Session, view: View) -> Bulk {
        let accounts_text = RwSignal::new(String::new());
        let bulk = Bulk {
            namespace: RwSignal::new(view.0.with_untracked(|v| v.namespace.clone())),
            repos: Loader::new(),
            repos_of: RwSignal::new(None),
            source: RwSignal::new(Source::Accounts),
            accounts_text,
            accounts: Memo::new(move |_| accounts_text.with(|t| parse_accounts(t))),
            repo_filter: RwSignal::new(String::new()),
            chosen: RwSignal::new(Vec::new()),
            copy_from: RwSignal::new(String::new()),
            last_day: RwSignal::new(String::new()),
            forever: RwSignal::new(false),
            description: RwSignal::new(String::new()),
            imported: RwSignal::new(None),
            plan: Loader::new(),
            previews: RwSignal::new(0),
            job: Job::new(),
            session,
            view,
        };
        if session.has_token() && !bulk.namespace.get_untracked().trim().is_empty() {
            bulk.load_repos();
        }
        bulk
    }

    /// Lists the organization's private repositories (all pages).
    pub fn load_repos(self) {
        let ns = self.namespace.get_untracked().trim().to_string();
        self.repos_of.set(Some(ns.clone()));
        let session = self.session;
        let view = self.view;
        self.repos.load(ns.clone(), move |_| async move {
            validate_namespace(&ns)?;
            view.update(|v| v.namespace = ns.clone());
            let mut api = session.api_untracked();
            private_repos(session, None, &mut api, &ns)
                .await
                .map_err(|e| e.describe(Operation::Repositories))
        });
    }

    /// Why the organization's repositories could not be listed.
    pub fn repos_error(&self) -> Option<String> {
        self.repos_of
            .with(|k| k.as_ref().and_then(|k| self.repos.error(k)))
    }

    pub fn all_repos(&self) -> Vec<RepoRef> {
        self.repos_of
            .with(|k| k.as_ref().and_then(|k| self.repos.value(k)))
            .unwrap_or_default()
    }

    /// The repositories the filter matches.
    pub fn matching(&self) -> Vec<RepoRef> {
        let f = lower(self.repo_filter.get().trim());
        self.all_repos()
            .into_iter()
            .filter(|r| f.is_empty() || lower(&r.repository).contains(&f))
            .collect()
    }

    fn targets(&self) -> Vec<RepoRef> {
        let names = self.chosen.get_untracked();
        self.all_repos()
            .into_iter()
            .filter(|r| names.contains(&r.repository))
            .collect()
    }

    fn deadline(&self) -> Result<Deadline, String> {
        if self.forever.get_untracked() {
            return Ok(Deadline::Forever);
        }
        parse_ymd(self.last_day.get_untracked().trim())
            .map(Deadline::LastDay)
            .ok_or_else(|| "Choose the last valid day, or Forever.".to_string())
    }

    /// The shares asked for, before they are planned (a copy's accounts come with its list).
    fn wanted(&self) -> Result<Vec<Wanted>, String> {
        match self.source.get_untracked() {
            Source::Accounts => {
                let (a, t) = (self.accounts.get_untracked(), self.targets());
                if a.valid.is_empty() {
                    return Err("Paste at least one valid account name.".into());
                }
                if t.is_empty() {
                    return Err("Choose at least one repository.".into());
                }
                let description = self.description.get_untracked();
                Ok(pairs(&a.valid, &t, &self.deadline()?, description.trim()))
            }
            Source::Copy => {
                let from = self.copy_from.get_untracked();
                let to: Vec<RepoRef> = self
                    .targets()
                    .into_iter()
                    .filter(|r| r.repository != from)
                    .collect();
                if from.is_empty() {
                    return Err("Choose the repository to copy from.".into());
                }
                if to.is_empty() {
                    return Err("Choose at least one other repository to copy to.".into());
                }
                // The accounts come with the source's list, when the dry run reads it.
                Ok(to
                    .into_iter()
                    .map(|repo| Wanted {
                        repo,
                        account: String::new(),
                        deadline: Deadline::Forever,
                        description: String::new(),
                    })
                    .collect())
            }
            Source::File => match self.imported.get_untracked() {
                Some(Ok((w, _))) if !w.is_empty() => Ok(w),
                _ => Err(
                    "Choose a CSV file with account, repository, deadline and description.".into(),
                ),
            },
        }
    }

    /// The dry run: every list involved read (at a pace), every pair planned against it.
    pub fn preview(self) {
        let wanted = self.wanted();
        let ns = self.namespace.get_untracked().trim().to_string();
        let source = (self.source.get_untracked() == Source::Copy)
            .then(|| RepoRef::new(&ns, &self.copy_from.get_untracked()).ok())
            .flatten();
        let n = self.previews.get_untracked() + 1;
        self.previews.set(n);
        let session = self.session;
        self.plan.load(n, move |_| async move {
            let wanted = wanted?;
            let mut needed: Vec<RepoRef> = Vec::new();
            for r in wanted.iter().map(|w| &w.repo).chain(source.as_ref()) {
                if !needed.contains(r) {
                    needed.push(r.clone());
                }
            }
            let lists = read_lists(session, needed).await;
            let wanted = match &source {
                Some(s) => match lists.get(&s.display()) {
                    Some(from) => copies(
                        from,
                        &wanted.iter().map(|w| w.repo.clone()).collect::<Vec<_>>(),
                    ),
                    None => {
                        return Err(format!("The shares of {} could not be read.", s.display()))
                    }
                },
                None => wanted,
            };
            let today = chrono::Utc::now().date_naive();
            Ok(plan(
                wanted,
                |r| lists.get(&r.display()).map(Vec::as_slice),
                today,
            ))
        });
    }

    /// The dry run of the last Preview, once its lists are read.
    pub fn planned(&self) -> Option<Vec<PlanRow>> {
        self.plan.value(&self.previews.get())
    }

    pub fn with_planned<R>(&self, f: impl FnOnce(Option<&Vec<PlanRow>>) -> R) -> R {
        self.plan
            .with(&self.previews.get(), |r| f(r.and_then(|r| r.as_ref().ok())))
    }

    /// Why the dry run could not be made.
    pub fn plan_error(&self) -> Option<String> {
        self.plan.error(&self.previews.get())
    }

    /// The lists of the last Preview are being read.
    pub fn planning(&self) -> bool {
        self.plan.loading(&self.previews.get())
    }

    /// Update or keep a share planned with other terms.
    pub fn choose_update(self, repo: &RepoRef, account: &str, update: bool) {
        self.plan.update(&self.previews.get_untracked(), |p| {
            if let Some(row) = p
                .iter_mut()
                .find(|r| r.wanted.repo == *repo && r.wanted.account == account)
            {
                row.update = update;
            }
        });
    }

    pub fn to_send(&self) -> usize {
        self.with_planned(|p| p.map_or(0, |p| p.iter().filter(|r| r.sends()).count()))
    }

    pub fn send(self) {
        if let Some(rows) = untrack(|| self.planned()) {
            self.job.start(self.session, from_plan(&rows));
        }
    }
}

/// The share lists of `repos`, six at a time and waiting out throttling; a list that could
/// not be read is missing (its pairs are planned as "could not be read").
async fn read_lists(session: Session, repos: Vec<RepoRef>) -> HashMap<String, Vec<Share>> {
    let lists: Rc<RefCell<HashMap<String, Vec<Share>>>> = Rc::default();
    let pace = Pace::new(|_| {});
    let send = pace.via();
    let via: Via = Some(&send);
    run_bounded(repos, IN_FLIGHT, |_, repo: RepoRef| {
        let lists = lists.clone();
        async move {
            let mut api = session.api_untracked();
            let list = list_via(session, via, &mut api, &repo).await;
            if let Ok(rows) = list {
                lists.borrow_mut().insert(repo.display(), rows);
            }
        }
    })
    .await;
    lists.take()
}
