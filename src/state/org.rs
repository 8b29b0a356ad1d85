//! Every share of one organization or of all of them: first which repositories have shares
//! (SWR's shared-repositories overview, all pages), then each one's list, six at a time,
//! with progress. Where SWR refuses the overview (400, 403, 404), or the user asks for it,
//! every private repository is read instead, as before the overview existed: it also finds
//! repositories an SWR might leave out of the overview (only expired shares). A repository
//! whose list cannot be read is named with the reason, never silently left out. Answers
//! follow the one loading rule (`loader`): only the latest load may store.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use super::loader::Loader;
use super::pace::Pace;
use super::pool::{run_bounded, IN_FLIGHT};
use super::session::Session;
use super::shared::shared_repos;
use super::writes::{list_via, send_via, Via};
use crate::api::requests::Center;
use crate::api::{responses, ApiError, SwrApi};
use crate::model::bulk::export::Located;
use crate::model::RepoRef;

const REPO_PAGE: usize = 100;

type ListAnswer = Result<Vec<crate::model::Share>, ApiError>;

#[derive(Clone, Debug, PartialEq)]
pub struct OrgKey {
    pub swr: String,
    pub token: String,
    /// None: every organization.
    pub namespace: Option<String>,
    /// Read every private repository instead of asking which ones are shared.
    pub every_repo: bool,
}

/// How the repositories to read were found.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Found {
    /// SWR's list of shared repositories (`center=self`).
    #[default]
    Shared,
    /// Every private repository; with SWR's refusal of the overview when that was the reason.
    EveryRepo(Option<ApiError>),
}

#[derive(Clone, Debug, Default)]
pub struct OrgData {
    pub repos: Vec<RepoRef>,
    pub rows: Vec<Located>,
    pub failed: Vec<(RepoRef, ApiError)>,
    pub found: Found,
}

#[derive(Clone, Copy)]
pub struct OrgShares {
    pub key: RwSignal<Option<OrgKey>>,
    loader: Loader<OrgKey, OrgData>,
    /// Repositories read so far, and how many there are (0 until they are listed).
    pub progress: RwSignal<(usize, usize)>,
}

impl OrgShares {
    pub fn new() -> OrgShares {
        OrgShares {
            key: RwSignal::new(None),
            loader: Loader::new(),
            progress: RwSignal::new((0, 0)),
        }
    }

    /// Loads (or reloads) every share of `namespace` (None: of every organization).
    pub fn load(self, session: Session, namespace: Option<String>, every_repo: bool) {
        let mut api = session.api_untracked();
        let key = OrgKey {
            swr: api.swr_base.clone(),
            token: api.token.clone(),
            namespace: namespace.clone(),
            every_repo,
        };
        self.key.set(Some(key.clone()));
        self.progress.set((0, 0));
        let progress = self.progress;
        self.loader.load(key, move |still| async move {
            let ns = namespace.as_deref();
            load_org(session, &mut api, ns, every_repo, move |done, total| {
                // Progress of a load that is no longer wanted is not shown.
                if still.get() {
                    progress.set((done, total));
                }
            })
            .await
        });
    }

    pub fn with<R>(&self, f: impl FnOnce(Option<&Result<OrgData, ApiError>>) -> R) -> R {
        match self.key.get() {
            Some(k) => self.loader.with(&k, f),
            None => f(None),
        }
    }

    /// What the current load asked for: every repository rather than the overview.
    pub fn every_repo(&self) -> bool {
        self.key.with(|k| k.as_ref().is_some_and(|k| k.every_repo))
    }

    pub fn loading(&self) -> bool {
        self.key
            .with(|k| k.as_ref().is_some_and(|k| self.loader.loading(k)))
    }
}

impl Default for OrgShares {
    fn default() -> Self {
        OrgShares::new()
    }
}

/// Every private repository of `namespace`, all pages.
pub async fn private_repos(
    session: Session,
    via: Via<'_>,
    api: &mut SwrApi,
    namespace: &str,
) -> Result<Vec<RepoRef>, ApiError> {
    let mut names = Vec::new();
    let mut seen = 0;
    loop {
        let (page, total) = send_via(
            session,
            via,
            api,
            |a| a.list_private_repos(namespace, seen, REPO_PAGE),
            responses::repos,
        )
        .await?;
        let got = page.len();
        seen += got;
        names.extend(
            page.into_iter()
                .filter(|r| !r.is_public)
                .filter_map(|r| RepoRef::new(namespace, &r.name).ok()),
        );
        if got == 0 || seen >= total {
            return Ok(names);
        }
    }
}

/// Every private repository of `namespace`, or of every organization the user may see.
async fn every_private_repo(
    session: Session,
    via: Via<'_>,
    api: &mut SwrApi,
    namespace: Option<&str>,
) -> Result<Vec<RepoRef>, ApiError> {
    let names = match namespace {
        Some(ns) => vec![ns.to_string()],
        None => send_via(
            session,
            via,
            api,
            |a| a.list_namespaces(),
            responses::namespaces,
        )
        .await?
        .into_iter()
        .map(|n| n.name)
        .collect(),
    };
    let mut repos = Vec::new();
    for ns in names {
        repos.extend(private_repos(session, via, api, &ns).await?);
    }
    Ok(repos)
}

/// Which repositories to read, and how they were found.
async fn repos_to_read(
    session: Session,
    via: Via<'_>,
    api: &mut SwrApi,
    namespace: Option<&str>,
    every_repo: bool,
) -> Result<(Vec<RepoRef>, Found), ApiError> {
    if every_repo {
        let repos = every_private_repo(session, via, api, namespace).await?;
        return Ok((repos, Found::EveryRepo(None)));
    }
    match shared_repos(session, via, api, Center::Mine, namespace).await {
        Ok(repos) => {
            // Only the organization asked for: SWR's filters may match a part of a name.
            let repos = repos
                .into_iter()
                .filter(|r| namespace.is_none_or(|ns| r.namespace == ns))
                .filter_map(|r| RepoRef::new(&r.namespace, &r.name).ok())
                .collect();
            Ok((repos, Found::Shared))
        }
        // An SWR without the overview, or one that refuses it to this user.
        Err(e) if matches!(e.status, 400 | 403 | 404) => {
            let repos = every_private_repo(session, via, api, namespace).await?;
            Ok((repos, Found::EveryRepo(Some(e))))
        }
        Err(e) => Err(e),
    }
}

async fn load_org(
    session: Session,
    api: &mut SwrApi,
    namespace: Option<&str>,
    every_repo: bool,
    progress: impl Fn(usize, usize) + Clone + 'static,
) -> Result<OrgData, ApiError> {
    // At a pace: when SWR throttles, the lists wait instead of failing.
    let pace = Pace::new(|_| {});
    let send = pace.via();
    let via: Via = Some(&send);
    let (repos, found) = repos_to_read(session, via, api, namespace, every_repo).await?;
    let total = repos.len();
    progress(0, total);
    let lists: Rc<RefCell<Vec<Option<ListAnswer>>>> = Rc::new(RefCell::new(vec![None; total]));
    let done = Rc::new(RefCell::new(0usize));
    let base = api.clone();
    run_bounded(repos.clone(), IN_FLIGHT, {
        let (lists, done) = (lists.clone(), done.clone());
        move |i, repo: RepoRef| {
            let (lists, done, progress) = (lists.clone(), done.clone(), progress.clone());
            let mut api = base.clone();
            async move {
                let r = list_via(session, via, &mut api, &repo).await;
                lists.borrow_mut()[i] = Some(r);
                *done.borrow_mut() += 1;
                progress(*done.borrow(), total);
            }
        }
    })
    .await;
    let mut data = OrgData {
        repos: repos.clone(),
        found,
        ..OrgData::default()
    };
    for (repo, list) in repos.into_iter().zip(lists.take()) {
        match list {
            Some(Ok(shares)) => data.rows.extend(shares.into_iter().map(|share| Located {
                repo: repo.clone(),
                share,
            })),
            Some(Err(e)) => data.failed.push((repo, e)),
            None => {}
        }
    }
    Ok(data)
}
