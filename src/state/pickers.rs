//! Choices for the organization and repository fields: organizations where the user may
//! share (Manage), and the private repositories of the chosen one, all pages of them.
//! When the lists cannot be loaded, free typing still works, the reason is shown and
//! "Retry" loads them again in place. Answers follow the one rule of `wanted`.

use leptos::prelude::*;

use super::loader::Loader;
use super::session::Session;
use crate::api::error::Operation;
use crate::api::{responses, transport, ApiError, SwrApi};
use crate::model::names::validate_namespace;

/// SWR's permission level "Manage", needed to share.
const MANAGE: i64 = 7;
const REPO_PAGE: usize = 100;

/// What a picker list answers: the API base and token, and for repositories the organization.
#[derive(Clone, Debug, PartialEq)]
pub struct PickerKey {
    pub swr: String,
    pub token: String,
    pub namespace: Option<String>,
}

impl PickerKey {
    fn api(&self) -> SwrApi {
        SwrApi::new(&self.swr, "", &self.token)
    }
}

#[derive(Clone, Copy)]
pub struct Pickers {
    ns_key: Memo<Option<PickerKey>>,
    repo_key: Memo<Option<PickerKey>>,
    namespace_names: Loader<PickerKey, Vec<String>>,
    repo_names: Loader<PickerKey, Vec<String>>,
}

async fn repositories_of(key: PickerKey) -> Result<Vec<String>, ApiError> {
    let (api, namespace) = (key.api(), key.namespace.clone().unwrap_or_default());
    let mut names = Vec::new();
    loop {
        let req = api.list_private_repos(&namespace, names.len(), REPO_PAGE);
        let (page, total) = responses::repos(&transport::send(&req).await?)?;
        let got = page.len();
        names.extend(page.into_iter().filter(|r| !r.is_public).map(|r| r.name));
        if got == 0 || names.len() >= total {
            return Ok(names);
        }
    }
}

async fn namespaces_of(key: PickerKey) -> Result<Vec<String>, ApiError> {
    let req = key.api().list_namespaces();
    let list = responses::namespaces(&transport::send(&req).await?)?;
    Ok(list
        .into_iter()
        .filter(|n| n.auth >= MANAGE)
        .map(|n| n.name)
        .collect())
}

impl Pickers {
    /// `namespace` is the organization as committed (Enter, leaving the field, a pause),
    /// not every keystroke. Created once the first screen has what it needs (the share
    /// list answered): suggestions come after it.
    pub fn new(session: Session, namespace: Signal<String>) -> Pickers {
        let ns_key = Memo::new(move |_| {
            (session.config_ready.get() && session.has_token()).then(|| PickerKey {
                swr: session.region().swr,
                token: session.token.get(),
                namespace: None,
            })
        });
        let repo_key = Memo::new(move |_| {
            let ns = namespace.get().trim().to_string();
            let base = ns_key.get()?;
            validate_namespace(&ns).is_ok().then_some(PickerKey {
                namespace: Some(ns),
                ..base
            })
        });
        let p = Pickers {
            ns_key,
            repo_key,
            namespace_names: Loader::new(),
            repo_names: Loader::new(),
        };
        // Each list is asked for when its own key changes: a new organization typed asks
        // for its repositories, not again for the organizations.
        p.namespace_names.follow(ns_key, namespaces_of);
        p.repo_names.follow(repo_key, repositories_of);
        p
    }

    pub fn namespaces(&self) -> Vec<String> {
        self.ns_key
            .with(|k| k.as_ref().and_then(|k| self.namespace_names.value(k)))
            .unwrap_or_default()
    }

    pub fn repositories(&self) -> Vec<String> {
        self.repo_key
            .with(|k| k.as_ref().and_then(|k| self.repo_names.value(k)))
            .unwrap_or_default()
    }

    /// Why a list is missing, in words; None once both loaded (or are not needed).
    pub fn note(&self) -> Option<String> {
        let ns = self
            .ns_key
            .with(|k| k.as_ref().and_then(|k| self.namespace_names.error(k)));
        let repos = self
            .repo_key
            .with(|k| k.as_ref().and_then(|k| self.repo_names.error(k)));
        match (ns, repos) {
            (Some(e), _) => Some(format!(
                "The organization list could not be loaded ({}); type the names instead, or retry.",
                e.describe(Operation::Namespaces)
            )),
            (None, Some(e)) => Some(format!(
                "The repository list could not be loaded ({}); type the name instead, or retry.",
                e.describe(Operation::Repositories)
            )),
            (None, None) => None,
        }
    }

    pub fn loading(&self) -> bool {
        let ns = self
            .ns_key
            .with(|k| k.as_ref().is_some_and(|k| self.namespace_names.loading(k)));
        ns || self
            .repo_key
            .with(|k| k.as_ref().is_some_and(|k| self.repo_names.loading(k)))
    }

    /// Loads both lists again, in place.
    pub fn retry(self) {
        let (ns, repo) = (self.ns_key.get_untracked(), self.repo_key.get_untracked());
        self.namespace_names.want(ns, true, namespaces_of);
        self.repo_names.want(repo, true, repositories_of);
    }
}
