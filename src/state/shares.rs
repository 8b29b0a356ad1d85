//! The share list of the open repository, and the changes to it: add (after checking that
//! the account has no share yet), update, extend, revoke and undo. Every change goes
//! through `writes::write`: retried after a new token, accepted only on SWR's documented
//! answer, and confirmed by reading the list back.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::session::Session;
use super::view::View;
use super::wanted::Fetch;
pub use super::writes::ListKey;
use super::writes::{self, current_share, ListTarget};
use crate::api::error::Operation;
use crate::api::outcome::WriteOutcome;
use crate::api::{responses, transport, SwrApi};
use crate::model::day_input::DayInput;
use crate::model::expiry::extend;
use crate::model::new_share::NewShare;
use crate::model::write_check::Expected;
use crate::model::{Deadline, RepoRef, Share};

/// A change to one share.
#[derive(Clone, Debug, PartialEq)]
pub struct ShareUpdate {
    pub repo: RepoRef,
    pub account: String,
    pub deadline: Deadline,
    pub description: String,
}

/// One-click extend of a row: `days` more (None: forever) from the share as SWR has it
/// now. `basis` is the share as the user saw it; if SWR's differs, nothing is sent and
/// both are shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Extension {
    pub repo: RepoRef,
    pub basis: Share,
    pub days: Option<i64>,
}

/// The "valid until" fields of a form, kept in state so that nothing typed is lost.
#[derive(Clone, Copy)]
pub struct DayDraft {
    pub forever: RwSignal<bool>,
    pub value: RwSignal<String>,
    pub unreadable: RwSignal<bool>,
}

impl DayDraft {
    pub fn new() -> DayDraft {
        DayDraft {
            forever: RwSignal::new(false),
            value: RwSignal::new(String::new()),
            unreadable: RwSignal::new(false),
        }
    }

    pub fn get_untracked(&self) -> DayInput {
        DayInput {
            forever: self.forever.get_untracked(),
            value: self.value.get_untracked(),
            unreadable: self.unreadable.get_untracked(),
        }
    }

    pub fn set(&self, d: &Deadline) {
        self.forever.set(*d == Deadline::Forever);
        self.value.set(match d {
            Deadline::LastDay(day) => crate::model::time::ymd(*day),
            _ => String::new(),
        });
        self.unreadable.set(false);
    }
}

impl Default for DayDraft {
    fn default() -> Self {
        DayDraft::new()
    }
}

/// What the add form holds. It lives here, not in the form, so that a form that goes away
/// (the token was cleared to paste a new one) comes back with everything typed.
#[derive(Clone, Copy)]
pub struct AddDraft {
    pub account: RwSignal<String>,
    pub until: DayDraft,
    pub description: RwSignal<String>,
}

/// What the edit dialog holds.
#[derive(Clone, Copy)]
pub struct EditDraft {
    pub until: DayDraft,
    pub description: RwSignal<String>,
}

/// A revoked share that can be re-created, offered until that succeeds or is dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct UndoOffer {
    pub repo: RepoRef,
    pub share: Share,
    /// Undo was tried: the offer no longer times out.
    pub attempted: bool,
}

/// How long an untouched Undo is offered.
pub const UNDO_SECONDS: u64 = 10;
/// How long a notice stays.
const NOTICE_SECONDS: u64 = 8;

#[derive(Clone, Copy)]
pub struct SharesStore {
    /// The repository whose shares are shown (None until both names are valid).
    pub repo: Memo<Option<RepoRef>>,
    /// What the list on screen must answer (None: nothing to load).
    pub key: Memo<Option<ListKey>>,
    list: Fetch<ListKey, Vec<Share>>,
    /// Adds a share, after asking whether the account already has one.
    pub add: Action<(RepoRef, NewShare), WriteOutcome>,
    /// Re-creates a revoked share (Undo); separate from `add` so the form's outcome stays its own.
    pub restore: Action<UndoOffer, WriteOutcome>,
    pub update: Action<ShareUpdate, WriteOutcome>,
    pub extend: Action<Extension, WriteOutcome>,
    /// The last extend asked for: its row shows the outcome and can repeat it.
    pub extended: RwSignal<Option<Extension>>,
    pub revoke: Action<(RepoRef, Share), WriteOutcome>,
    pub undo: RwSignal<Option<UndoOffer>>,
    /// A short-lived word about something that went well (the share is back).
    pub notice: RwSignal<Option<String>>,
    /// The share whose edit dialog is open; `edit` opens it with its fields filled.
    pub editing: RwSignal<Option<Share>>,
    pub edit_draft: EditDraft,
    /// The share whose revoke confirmation is open.
    pub revoking: RwSignal<Option<Share>>,
    pub draft: AddDraft,
    /// A list answer has been painted: what waits for the first screen (the add form's
    /// chunk, the suggestions) starts after the rows are on screen, not before them.
    painted: RwSignal<bool>,
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

impl SharesStore {
    pub fn new(session: Session, view: View) -> SharesStore {
        let repo = Memo::new(move |_| {
            view.0
                .with(|v| RepoRef::new(&v.namespace, &v.repository).ok())
        });
        let key = Memo::new(move |_| {
            let repo = repo.get()?;
            if !session.config_ready.get() || !session.has_token() {
                return None;
            }
            Some(ListKey::new(&session.api(), repo))
        });
        let list = Fetch::new();
        let target = ListTarget { list, wanted: key };
        let draft = AddDraft {
            account: RwSignal::new(String::new()),
            until: DayDraft::new(),
            description: RwSignal::new(String::new()),
        };
        let undo = RwSignal::new(None::<UndoOffer>);
        let notice = RwSignal::new(None::<String>);
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
                    notice.set(Some(said.clone()));
                    set_timeout(
                        move || {
                            if notice.with_untracked(|n| n.as_ref() == Some(&said)) {
                                notice.set(None);
                            }
                        },
                        std::time::Duration::from_secs(NOTICE_SECONDS),
                    );
                }
                outcome
            }
        });
        let editing = RwSignal::new(None::<Share>);
        let revoking = RwSignal::new(None::<Share>);
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
        let extended = RwSignal::new(None::<Extension>);
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
                    undo.set(Some(offer.clone()));
                    set_timeout(
                        move || {
                            if undo.with_untracked(|u| u.as_ref() == Some(&offer)) {
                                undo.set(None);
                            }
                        },
                        std::time::Duration::from_secs(UNDO_SECONDS),
                    );
                }
                outcome
            }
        });
        let store = SharesStore {
            repo,
            key,
            list,
            add,
            restore,
            update,
            extend,
            extended,
            revoke,
            undo,
            notice,
            editing,
            edit_draft: EditDraft {
                until: DayDraft::new(),
                description: RwSignal::new(String::new()),
            },
            revoking,
            draft,
            painted: RwSignal::new(false),
        };
        // Load whenever what the list answers changes: repository, token, region, or the
        // configuration arriving. With nothing to load, whatever is under way is dropped.
        Effect::new(move |_| match key.get() {
            Some(k) => store.load(session, k),
            None => list.cancel(),
        });
        store
    }

    pub fn expect() -> SharesStore {
        expect_context::<SharesStore>()
    }

    /// Opens the edit dialog for `share`, its fields filled from it.
    pub fn edit(&self, share: Share) {
        self.edit_draft.until.set(&share.deadline);
        self.edit_draft.description.set(share.description.clone());
        self.editing.set(Some(share));
    }

    /// Runs `f` on the list for the repository on screen, once loaded (never another
    /// one's), without copying it.
    pub fn with_shares<R>(&self, f: impl FnOnce(Option<&Vec<Share>>) -> R) -> R {
        self.key.with(|k| match k {
            Some(k) => self.list.with(k, |r| f(r.and_then(|r| r.as_ref().ok()))),
            None => f(None),
        })
    }

    pub fn shares(&self) -> Option<Vec<Share>> {
        self.with_shares(|l| l.cloned())
    }

    pub fn error(&self) -> Option<crate::api::ApiError> {
        self.key
            .with(|k| k.as_ref().and_then(|k| self.list.error(k)))
    }

    /// What the first screen needs is there: the list has its answer, or there is no list
    /// to wait for (no token, no repository). Parts fetched on demand wait for this.
    pub fn first_screen_done(&self, session: Session) -> bool {
        session.config_ready.get()
            && (!session.has_token()
                || self.key.with(Option::is_none)
                || (self.loading_done() && self.painted.get()))
    }

    /// The list on screen has its answer (rows or an error).
    pub fn loading_done(&self) -> bool {
        self.key
            .with(|k| k.as_ref().is_some_and(|k| self.list.has_answer(k)))
    }

    pub fn loading(&self) -> bool {
        self.key
            .with(|k| k.as_ref().is_some_and(|k| self.list.loading(k)))
    }

    pub fn reload(self, session: Session) {
        if let Some(k) = self.key.get_untracked() {
            self.load(session, k);
        }
    }

    fn load(self, session: Session, key: ListKey) {
        let ticket = self.list.start(key.clone());
        let req = SwrApi::new(&key.swr, "", &key.token).list_shares(&key.repo);
        let (list, painted) = (self.list, self.painted);
        spawn_local(async move {
            let result = match transport::send(&req).await {
                Ok(r) => responses::share_list(&r),
                Err(e) => Err(e),
            };
            match &result {
                Err(e) if e.is_unauthorized() => session.refuse(&key.token),
                Ok(_) => session.accepted(&key.token),
                Err(_) => {}
            }
            list.finish(ticket, result);
            if !painted.get_untracked() {
                // The frame that shows the answer first, then the next task.
                request_animation_frame(move || {
                    set_timeout(move || painted.set(true), std::time::Duration::ZERO)
                });
            }
        });
    }
}
