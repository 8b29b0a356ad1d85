//! The share list of the open repository, and the changes to it: add (after checking that
//! the account has no share yet), update, extend, revoke and undo.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::session::Session;
use super::view::View;
use crate::api::{responses, transport, ApiError};
use crate::model::new_share::NewShare;
use crate::model::{Deadline, RepoRef, Share};

/// A change to one share.
#[derive(Clone, Debug, PartialEq)]
pub struct ShareUpdate {
    pub repo: RepoRef,
    pub account: String,
    pub deadline: Deadline,
    pub description: String,
}

#[derive(Clone, Copy)]
pub struct SharesStore {
    /// The repository whose shares are shown (None until both names are valid).
    pub repo: Memo<Option<RepoRef>>,
    /// The last list loaded for `repo`; None before the first answer.
    pub shares: RwSignal<Option<Vec<Share>>>,
    pub loading: RwSignal<bool>,
    pub error: RwSignal<Option<ApiError>>,
    /// Bumped on every load so a late answer for an older request is ignored.
    generation: StoredValue<u64>,
    /// Adds a share. `Ok(Some(existing))`: not sent, because the account already has one.
    pub add: Action<(RepoRef, NewShare), Result<Option<Share>, ApiError>>,
    /// Re-creates a revoked share (Undo); separate from `add` so the form's outcome stays its own.
    pub restore: Action<(RepoRef, NewShare), Result<Option<Share>, ApiError>>,
    pub update: Action<ShareUpdate, Result<(), ApiError>>,
    /// Revokes a share; answers the revoked share, for undo.
    pub revoke: Action<(RepoRef, Share), Result<(RepoRef, Share), ApiError>>,
    /// The share whose edit dialog is open.
    pub editing: RwSignal<Option<Share>>,
    /// The share whose revoke confirmation is open.
    pub revoking: RwSignal<Option<Share>>,
}

async fn send_ok(req: crate::api::ApiRequest) -> Result<(), ApiError> {
    responses::no_content(&transport::send(&req).await?)
}

/// Creates a share after asking whether the account already has one, so an existing share
/// is offered for editing instead of provoking a 409.
fn share_creation_action(
    session: Session,
) -> Action<(RepoRef, NewShare), Result<Option<Share>, ApiError>> {
    Action::new_local(move |(repo, share): &(RepoRef, NewShare)| {
        let api = session.api_untracked();
        let (check, create) = (
            api.get_share(repo, &share.account),
            api.create_share(repo, share),
        );
        async move {
            if let Some(existing) = responses::share_check(&transport::send(&check).await?)? {
                return Ok(Some(existing));
            }
            send_ok(create).await.map(|()| None)
        }
    })
}

impl SharesStore {
    pub fn new(session: Session, view: View) -> SharesStore {
        let repo = Memo::new(move |_| {
            view.0
                .with(|v| RepoRef::new(&v.namespace, &v.repository).ok())
        });
        let (add, restore) = (
            share_creation_action(session),
            share_creation_action(session),
        );
        let update = Action::new_local(move |u: &ShareUpdate| {
            send_ok(session.api_untracked().update_share(
                &u.repo,
                &u.account,
                &u.deadline,
                &u.description,
            ))
        });
        let revoke = Action::new_local(move |(repo, share): &(RepoRef, Share)| {
            let req = session.api_untracked().delete_share(repo, &share.account);
            let done = (repo.clone(), share.clone());
            async move { send_ok(req).await.map(|()| done) }
        });
        let store = SharesStore {
            repo,
            shares: RwSignal::new(None),
            loading: RwSignal::new(false),
            error: RwSignal::new(None),
            generation: StoredValue::new(0),
            add,
            restore,
            update,
            revoke,
            editing: RwSignal::new(None),
            revoking: RwSignal::new(None),
        };
        // Load whenever the repository, the token or the region changes, including when the
        // configuration that gives the region's bases arrives.
        Effect::new(move |_| {
            let _ = (store.repo.get(), session.token.get(), session.region());
            if !session.config_ready.get() {
                return;
            }
            store.shares.set(None);
            store.reload(session);
        });
        // After a successful change, the list comes from SWR itself.
        Effect::new(move |_| {
            let changed = matches!(add.value().get(), Some(Ok(None)))
                | matches!(restore.value().get(), Some(Ok(None)))
                | matches!(update.value().get(), Some(Ok(())))
                | matches!(revoke.value().get(), Some(Ok(_)));
            if changed {
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
