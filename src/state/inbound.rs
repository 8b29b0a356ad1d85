//! "Shared with you": the images other accounts share with the signed-in account, read
//! once the view is open and the session has a token; again on request. One loading rule
//! (`loader`): an answer for another token or region is never shown.

use leptos::prelude::*;

use super::loader::Loader;
use super::session::Session;
use super::shared::shared_repos;
use crate::api::requests::Center;
use crate::api::{ApiError, SwrApi};
use crate::model::inbound::Inbound;

#[derive(Clone, Debug, PartialEq)]
pub struct InboundKey {
    pub swr: String,
    pub token: String,
}

#[derive(Clone, Copy)]
pub struct SharedWithMe {
    key: Memo<Option<InboundKey>>,
    loader: Loader<InboundKey, Vec<Inbound>>,
    session: Session,
}

async fn read(session: Session, key: InboundKey) -> Result<Vec<Inbound>, ApiError> {
    let mut api = SwrApi::new(&key.swr, "", &key.token);
    let repos = shared_repos(session, None, &mut api, Center::WithMe, None).await?;
    Ok(repos
        .into_iter()
        .map(|r| Inbound {
            owner: r.domain_name,
            namespace: r.namespace,
            repository: r.name,
            valid: r.status,
            path: r.path,
        })
        .collect())
}

impl SharedWithMe {
    pub fn new(session: Session) -> SharedWithMe {
        let key = Memo::new(move |_| {
            (session.config_ready.get() && session.has_token()).then(|| InboundKey {
                swr: session.region().swr,
                token: session.token.get(),
            })
        });
        let loader = Loader::new();
        loader.follow(key, move |k| read(session, k));
        SharedWithMe {
            key,
            loader,
            session,
        }
    }

    /// Reads the list again, in place.
    pub fn retry(self) {
        let session = self.session;
        self.loader
            .want(self.key.get_untracked(), true, move |k| read(session, k));
    }

    pub fn with<R>(&self, f: impl FnOnce(Option<&Result<Vec<Inbound>, ApiError>>) -> R) -> R {
        match self.key.get() {
            Some(k) => self.loader.with(&k, f),
            None => f(None),
        }
    }

    pub fn loading(&self) -> bool {
        self.key
            .with(|k| k.as_ref().is_some_and(|k| self.loader.loading(k)))
    }
}
