//! The share list of the open repository, and the mutations on it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::session::Session;
use crate::api::{responses, transport, ApiError};
use crate::model::new_share::NewShare;
use crate::model::{RepoRef, Share};

#[derive(Clone, Copy)]
pub struct SharesStore {
    /// The repository whose shares are shown (None until both names are valid).
    pub repo: RwSignal<Option<RepoRef>>,
    /// The last list loaded for `repo`; None before the first answer.
    pub shares: RwSignal<Option<Vec<Share>>>,
    pub loading: RwSignal<bool>,
    pub error: RwSignal<Option<ApiError>>,
    /// Bumped on every load so a late answer for an older request is ignored.
    generation: StoredValue<u64>,
    /// Adds a share; the list reloads after a success.
    pub add: Action<(RepoRef, NewShare), Result<(), ApiError>>,
}

impl SharesStore {
    pub fn new(session: Session) -> SharesStore {
        let add = Action::new_local(move |(repo, share): &(RepoRef, NewShare)| {
            let req = session.api_untracked().create_share(repo, share);
            async move { responses::no_content(&transport::send(&req).await?) }
        });
        let store = SharesStore {
            repo: RwSignal::new(None),
            shares: RwSignal::new(None),
            loading: RwSignal::new(false),
            error: RwSignal::new(None),
            generation: StoredValue::new(0),
            add,
        };
        // Load whenever the repository or the token changes.
        Effect::new(move |_| {
            let _ = (
                store.repo.get(),
                session.token.get(),
                session.region_id.get(),
            );
            store.shares.set(None);
            store.reload(session);
        });
        // After a successful add, the new row comes from SWR itself.
        Effect::new(move |_| {
            if let Some(Ok(())) = add.value().get() {
                store.reload(session);
            }
        });
        store
    }

    pub fn expect() -> SharesStore {
        expect_context::<SharesStore>()
    }

    pub fn reload(self, session: Session) {
        let (Some(repo), true) = (
            self.repo.get_untracked(),
            session.token.with_untracked(|t| !t.trim().is_empty()),
        ) else {
            self.loading.set(false);
            return;
        };
        let api = session.api_untracked();
        let req = api.list_shares(&repo);
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        self.loading.set(true);
        spawn_local(async move {
            let result = match transport::send(&req).await {
                Ok(r) => responses::share_list(&r),
                Err(e) => Err(e),
            };
            if self.generation.get_value() != generation {
                return; // a newer load is under way
            }
            self.loading.set(false);
            match result {
                Ok(list) => {
                    self.shares.set(Some(list));
                    self.error.set(None);
                }
                Err(e) => {
                    // An embedding host may have a fresh token; a reload follows from it.
                    if e.is_unauthorized() {
                        session.ask_host_for_token(&api.token);
                    }
                    self.error.set(Some(e));
                }
            }
        });
    }
}
