//! Choices for the organization and repository fields: organizations where the user may
//! share (Manage), and the private repositories of the chosen one, all pages of them.
//! When the lists cannot be loaded, free typing still works.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::session::Session;
use crate::api::error::Operation;
use crate::api::{responses, transport, ApiError};
use crate::model::names::validate_namespace;

/// SWR's permission level "Manage", needed to share.
const MANAGE: i64 = 7;
const REPO_PAGE: usize = 100;

#[derive(Clone, Copy)]
pub struct Pickers {
    pub namespaces: RwSignal<Vec<String>>,
    pub repositories: RwSignal<Vec<String>>,
    /// Why a list is missing, in words.
    pub note: RwSignal<Option<String>>,
}

async fn all_private_repos(session: Session, namespace: String) -> Result<Vec<String>, ApiError> {
    let mut names = Vec::new();
    loop {
        let req = session
            .api_untracked()
            .list_private_repos(&namespace, names.len(), REPO_PAGE);
        let (page, total) = responses::repos(&transport::send(&req).await?)?;
        let got = page.len();
        names.extend(page.into_iter().filter(|r| !r.is_public).map(|r| r.name));
        if got == 0 || names.len() >= total {
            return Ok(names);
        }
    }
}

impl Pickers {
    pub fn new(session: Session, namespace: Signal<String>) -> Pickers {
        let p = Pickers {
            namespaces: RwSignal::new(Vec::new()),
            repositories: RwSignal::new(Vec::new()),
            note: RwSignal::new(None),
        };
        Effect::new(move |_| {
            let _ = (session.token.get(), session.region());
            if !session.has_token() || !session.config_ready.get() {
                return;
            }
            let req = session.api_untracked().list_namespaces();
            spawn_local(async move {
                match transport::send(&req)
                    .await
                    .and_then(|r| responses::namespaces(&r))
                {
                    Ok(list) => {
                        p.namespaces.set(
                            list.into_iter()
                                .filter(|n| n.auth >= MANAGE)
                                .map(|n| n.name)
                                .collect(),
                        );
                        p.note.set(None);
                    }
                    Err(e) => p.note.set(Some(format!(
                        "The organization list could not be loaded ({}); type the names instead.",
                        e.describe(Operation::Namespaces)
                    ))),
                }
            });
        });
        Effect::new(move |_| {
            let ns = namespace.get();
            let _ = (session.token.get(), session.region());
            p.repositories.set(Vec::new());
            if !session.has_token()
                || !session.config_ready.get()
                || validate_namespace(ns.trim()).is_err()
            {
                return;
            }
            spawn_local(async move {
                match all_private_repos(session, ns.trim().to_string()).await {
                    Ok(names) => p.repositories.set(names),
                    Err(e) if e.status == 404 || e.status == 403 => {}
                    Err(e) => p.note.set(Some(format!(
                        "The repository list could not be loaded ({}); type the name instead.",
                        e.describe(Operation::Repositories)
                    ))),
                }
            });
        });
        p
    }
}
