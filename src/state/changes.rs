//! The changes to the share list: add (after checking that the account has no share yet),
//! update, extend, revoke and undo. Made by `SharesStore::changes` the first time a form,
//! dialog or menu asks, so that their code is in the `changes` chunk with those parts.
//! Every change goes through `writes::write`: retried after a new token, accepted only on
//! SWR's documented answer, and read back when the answer is lost or not the documented one.

use leptos::prelude::*;

use super::session::Session;
use super::shares::{Extension, ShareUpdate, SharesStore, UndoOffer};
use super::writes::{self, current_share, ListTarget};
use crate::api::error::Operation;
use crate::api::outcome::WriteOutcome;
use crate::api::SwrApi;
use crate::model::expiry::extend;
use crate::model::new_share::NewShare;
use crate::model::write_check::Expected;
use crate::model::{RepoRef, Share};

/// How long an untouched Undo is offered.
pub const UNDO_SECONDS: u64 = 10;
/// How long a notice stays.
const NOTICE_SECONDS: u64 = 8;

/// Where the changes are made when first wanted: under the store's owner, so that they
/// live as long as the store, whichever part asks first. `provide` puts it in context next
/// to the store; only code in the `changes` chunk calls `Changes::expect`.
#[derive(Clone, Copy)]
struct Maker {
    store: SharesStore,
    owner: StoredValue<Option<Owner>, LocalStorage>,
    made: StoredValue<Option<Changes>, LocalStorage>,
}

#[derive(Clone, Copy)]
pub struct Changes {
    /// Adds a share, after asking whether the account already has one.
    pub add: Action<(RepoRef, NewShare), WriteOutcome>,
    /// Re-creates a revoked share (Undo); separate from `add` so the form's outcome stays its own.
    pub restore: Action<UndoOffer, WriteOutcome>,
    pub update: Action<ShareUpdate, WriteOutcome>,
    pub extend: Action<Extension, WriteOutcome>,
    pub revoke: Action<(RepoRef, Share), WriteOutcome>,
}

/// Shows `value` in `slot` for `seconds`, unless something else has taken its place by then.
fn show_for<T: Clone + PartialEq + Send + Sync + 'static>(
    slot: RwSignal<Option<T>>,
    value: T,
    seconds: u64,
) {
    slot.set(Some(value.clone()));
    set_timeout(
        move || {
            if slot.with_untracked(|v| v.as_ref() == Some(&value)) {
                slot.set(None);
            }
        },
        std::time::Duration::from_secs(seconds),
    );
}

/// After a revoke, what the page still says about that share is out of date: the note under
/// its row about an extend, and the add form's "shared with" note. Both go.
fn forget_notes_about(
    repo: &RepoRef,
    account: &str,
    extended: RwSignal<Option<Extension>>,
    add: Action<(RepoRef, NewShare), WriteOutcome>,
) {
    if extended.with_untracked(|x| {
        x.as_ref()
            .is_some_and(|x| &x.repo == repo && x.basis.is_account(account))
    }) {
        extended.set(None);
    }
    let names_it = add.value().with_untracked(|v| match v {
        Some(WriteOutcome::Done(Some(s)) | WriteOutcome::Exists(s)) => s.is_account(account),
        _ => false,
    });
    if names_it {
        add.clear();
    }
}

/// Creates a share after asking whether the account already has one, so an existing share
/// is offered for editing instead of provoking a 409.
async fn create_checked(
    session: Session,
    target: ListTarget,
    repo: RepoRef,
    share: NewShare,
) -> WriteOutcome {
    let mut api = session.api_untracked();
    match current_share(session, &mut api, &repo, &share.account).await {
        Err(e) => return WriteOutcome::Failed(e),
        Ok(Some(existing)) => return WriteOutcome::Exists(existing),
        Ok(None) => {}
    }
    let expected = Expected::Share {
        account: share.account.clone(),
        deadline: share.deadline.clone(),
        description: share.description.clone(),
    };
    let r = repo.clone();
    writes::write(
        session,
        target,
        api,
        repo,
        Operation::Create,
        move |a| a.create_share(&r, &share),
        expected,
    )
    .await
}

async fn send_update(
    session: Session,
    target: ListTarget,
    api: SwrApi,
    u: ShareUpdate,
) -> WriteOutcome {
    let expected = Expected::Share {
        account: u.account.clone(),
        deadline: u.deadline.clone(),
        description: u.description.clone(),
    };
    let repo = u.repo.clone();
    writes::write(
        session,
        target,
        api,
        repo,
        Operation::Update,
        move |a| a.update_share(&u.repo, &u.account, &u.deadline, &u.description),
        expected,
    )
    .await
}

impl Changes {
    /// Makes the changes of `store` available to the parts below, without making them yet.
    pub fn provide(store: SharesStore) {
        provide_context(Maker {
            store,
            owner: StoredValue::new_local(Owner::current()),
            made: StoredValue::new_local(None),
        });
    }

    /// Add, update, extend, revoke and undo of the store in context; made the first time
    /// one is wanted.
    pub fn expect() -> Changes {
        let maker = expect_context::<Maker>();
        if let Some(c) = maker.made.get_value() {
            return c;
        }
        let make = move || Changes::new(maker.store);
        let c = match maker.owner.get_value() {
            Some(owner) => owner.with(make),
            None => make(),
        };
        maker.made.set_value(Some(c));
        c
    }

    fn new(store: SharesStore) -> Changes {
        let session = store.session;
        let target = ListTarget {
            list: store.list,
            wanted: store.key,
        };
        let (draft, undo, notice) = (store.draft, store.undo, store.notice);
        let (editing, revoking, extended) = (store.editing, store.revoking, store.extended);
        let add = Action::new_local(move |(repo, share): &(RepoRef, NewShare)| {
            let (repo, share) = (repo.clone(), share.clone());
            async move {
                let outcome = create_checked(session, target, repo, share).await;
                // On success the form empties; on any other outcome it keeps what was typed.
                if outcome.is_done() {
                    draft.account.set(String::new());
                    draft.description.set(String::new());
                }
                outcome
            }
        });
        // Undo: the offer stays until the share is back or the user dismisses it.
        let restore = Action::new_local(move |offer: &UndoOffer| {
            let offer = offer.clone();
            undo.set(Some(UndoOffer {
                attempted: true,
                ..offer.clone()
            }));
            let share = NewShare {
                account: offer.share.account.clone(),
                deadline: offer.share.deadline.clone(),
                description: offer.share.description.clone(),
            };
            async move {
                let outcome = create_checked(session, target, offer.repo.clone(), share).await;
                let said = match &outcome {
                    WriteOutcome::Done(Some(s)) => Some(format!(
                        "Share of {} restored with its deadline and description; the list read back from SWR shows it.",
                        s.account
                    )),
                    WriteOutcome::Exists(s) => Some(format!(
                        "{} already has a share again (valid until {}); nothing was sent.",
                        s.account,
                        s.deadline.label()
                    )),
                    _ => None,
                };
                if let Some(said) = said {
                    undo.set(None);
                    show_for(notice, said, NOTICE_SECONDS);
                }
                outcome
            }
        });
        // The dialog closes once the change is confirmed; otherwise it stays with the edits.
        let update = Action::new_local(move |u: &ShareUpdate| {
            let outcome = send_update(session, target, session.api_untracked(), u.clone());
            async move {
                let outcome = outcome.await;
                if outcome.is_done() {
                    editing.set(None);
                }
                outcome
            }
        });
        let extend = Action::new_local(move |x: &Extension| {
            let (mut api, x) = (session.api_untracked(), x.clone());
            async move {
                let account = x.basis.account.clone();
                let current = match current_share(session, &mut api, &x.repo, &account).await {
                    Err(e) => return WriteOutcome::Failed(e),
                    Ok(None) => {
                        return WriteOutcome::Unconfirmed(format!(
                            "Nothing was sent: {account} no longer has a share on {} (revoked meanwhile?). Reload the list to see the current shares.",
                            x.repo.display()
                        ))
                    }
                    Ok(Some(c)) => c,
                };
                if current.deadline != x.basis.deadline
                    || current.description != x.basis.description
                {
                    return WriteOutcome::Changed {
                        loaded: x.basis,
                        current,
                    };
                }
                let today = chrono::Utc::now().date_naive();
                let u = ShareUpdate {
                    repo: x.repo,
                    account: current.account.clone(),
                    deadline: extend(&current.deadline, x.days, today),
                    description: current.description,
                };
                send_update(session, target, api, u).await
            }
        });
        let revoke = Action::new_local(move |(repo, share): &(RepoRef, Share)| {
            let (api, repo, share) = (session.api_untracked(), repo.clone(), share.clone());
            async move {
                let (r, a) = (repo.clone(), share.account.clone());
                let outcome = writes::write(
                    session,
                    target,
                    api,
                    repo.clone(),
                    Operation::Delete,
                    move |api| api.delete_share(&r, &a),
                    Expected::Gone {
                        account: share.account.clone(),
                    },
                )
                .await;
                if outcome.is_done() {
                    revoking.set(None);
                    forget_notes_about(&repo, &share.account, extended, add);
                    let offer = UndoOffer {
                        repo,
                        share,
                        attempted: false,
                    };
                    show_for(undo, offer, UNDO_SECONDS);
                }
                outcome
            }
        });
        Changes {
            add,
            restore,
            update,
            extend,
            revoke,
        }
    }
}
