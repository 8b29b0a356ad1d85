//! The share list of the open repository, and what the page holds about changing it
//! (drafts, the open dialog, the undo offer); the changes themselves are in `changes`,
//! which builds on this module (not the other way round).

use leptos::prelude::*;

use super::loader::Loader;
use super::session::Session;
use super::view::View;
pub use super::writes::ListKey;
use crate::api::{responses, transport, SwrApi};
use crate::model::day_input::DayInput;
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

#[derive(Clone, Copy)]
pub struct SharesStore {
    /// The repository whose shares are shown (None until both names are valid).
    pub repo: Memo<Option<RepoRef>>,
    /// What the list on screen must answer (None: nothing to load).
    pub key: Memo<Option<ListKey>>,
    pub(super) session: Session,
    pub(super) list: Loader<ListKey, Vec<Share>>,
    /// The last extend asked for: its row shows the outcome and can repeat it.
    pub extended: RwSignal<Option<Extension>>,
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

impl SharesStore {
    pub fn new(session: Session, view: View) -> SharesStore {
        let repo = Memo::new(move |_| {
            view.0
                .with(|v| RepoRef::new(&v.namespace, &v.repository).ok())
        });
        // Only the one-repository view shows this list: on another tab nothing is loaded for
        // it (its organization field would otherwise ask for a repository of another one).
        let shown = Memo::new(move |_| view.0.with(|v| v.view.is_empty()));
        let key = Memo::new(move |_| {
            let repo = repo.get()?;
            if !shown.get() || !session.config_ready.get() || !session.has_token() {
                return None;
            }
            Some(ListKey::new(&session.api(), repo))
        });
        let list = Loader::new();
        let draft = AddDraft {
            account: RwSignal::new(String::new()),
            until: DayDraft::new(),
            description: RwSignal::new(String::new()),
        };
        let undo = RwSignal::new(None::<UndoOffer>);
        let notice = RwSignal::new(None::<String>);
        let editing = RwSignal::new(None::<Share>);
        let revoking = RwSignal::new(None::<Share>);
        let extended = RwSignal::new(None::<Extension>);
        let store = SharesStore {
            session,
            repo,
            key,
            list,
            extended,
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
        list.follow(key, move |k| store.request(session, k));
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
        self.list
            .want(self.key.get_untracked(), true, |k| self.request(session, k));
    }

    /// The list's request for `key`, read as the table needs it.
    fn request(
        self,
        session: Session,
        key: ListKey,
    ) -> impl std::future::Future<Output = Result<Vec<Share>, crate::api::ApiError>> {
        let req = SwrApi::new(&key.swr, "", &key.token).list_shares(&key.repo);
        let painted = self.painted;
        async move {
            let result = match transport::send(&req).await {
                Ok(r) => responses::share_list(&r),
                Err(e) => Err(e),
            };
            match &result {
                Err(e) if e.is_unauthorized() => session.refuse(&key.token),
                Ok(_) => session.accepted(&key.token),
                Err(_) => {}
            }
            if !painted.get_untracked() {
                // The frame that shows the answer (stored as this future ends), then the
                // next task.
                request_animation_frame(move || {
                    set_timeout(move || painted.set(true), std::time::Duration::ZERO)
                });
            }
            result
        }
    }
}
