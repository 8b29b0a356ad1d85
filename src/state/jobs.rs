//! A bulk job: its changes sent at most six at a time. SWR's "system busy" and 5xx answers
//! are retried with backoff and jitter, input errors never; a refused token pauses the
//! requests until a new one is given (nothing that succeeded is sent again); cancel stops
//! sending new requests. Afterwards the lists of the repositories touched are read back
//! and any change they do not show is flagged. Closing the page while it runs asks first.

use std::collections::BTreeSet;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::pool::{run_bounded, sleep, IN_FLIGHT};
use super::session::Session;
use super::writes::send_retrying;
use crate::api::error::Operation;
use crate::api::responses::{self, LIST_PAGE_SIZE};
use crate::api::retry::retry_delay_ms;
use crate::api::{ApiError, SwrApi};
use crate::model::bulk::change::{Change, ChangeKind};
use crate::model::new_share::NewShare;
use crate::model::write_check::{read_back, ReadBack};
use crate::model::RepoRef;

#[derive(Clone, Debug, PartialEq)]
pub enum ItemState {
    Waiting,
    Sending,
    /// SWR's documented answer, and the list read back shows it.
    Done,
    /// Sent and answered, but the list read back shows something else.
    Mismatch(String),
    Failed(String),
    /// Cancelled before it was sent.
    NotSent,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct JobCounts {
    pub done: usize,
    pub failed: usize,
    pub not_sent: usize,
    pub left: usize,
}

#[derive(Clone, Copy)]
pub struct Job {
    pub changes: RwSignal<Vec<Change>>,
    pub states: RwSignal<Vec<ItemState>>,
    pub running: RwSignal<bool>,
    /// Reading the lists back after the requests.
    pub checking: RwSignal<bool>,
    pub cancelled: RwSignal<bool>,
    finished: StoredValue<Option<Callback<()>>>,
}

impl Default for Job {
    fn default() -> Self {
        Job::new()
    }
}

impl Job {
    pub fn new() -> Job {
        Job {
            changes: RwSignal::new(Vec::new()),
            states: RwSignal::new(Vec::new()),
            running: RwSignal::new(false),
            checking: RwSignal::new(false),
            cancelled: RwSignal::new(false),
            finished: StoredValue::new(None),
        }
    }

    /// Called each time the job has finished (after the read-back).
    pub fn on_finish(self, f: impl Fn() + Send + Sync + 'static) {
        self.finished.set_value(Some(Callback::new(move |_| f())));
    }

    pub fn start(self, session: Session, changes: Vec<Change>) {
        if self.running.get_untracked() {
            return;
        }
        let all = (0..changes.len()).collect();
        self.states.set(vec![ItemState::Waiting; changes.len()]);
        self.changes.set(changes);
        self.run(session, all);
    }

    /// Sends again what failed or was not sent; what succeeded is left alone.
    pub fn retry_failed(self, session: Session) {
        if self.running.get_untracked() {
            return;
        }
        let again: Vec<usize> = self.states.with_untracked(|s| {
            s.iter()
                .enumerate()
                .filter(|(_, st)| {
                    matches!(
                        st,
                        ItemState::Failed(_) | ItemState::Mismatch(_) | ItemState::NotSent
                    )
                })
                .map(|(i, _)| i)
                .collect()
        });
        self.states
            .update(|s| again.iter().for_each(|&i| s[i] = ItemState::Waiting));
        self.run(session, again);
    }

    pub fn cancel(self) {
        self.cancelled.set(true);
    }

    pub fn counts(&self) -> JobCounts {
        self.states.with(|s| {
            s.iter().fold(JobCounts::default(), |mut c, st| {
                match st {
                    ItemState::Done => c.done += 1,
                    ItemState::Failed(_) | ItemState::Mismatch(_) => c.failed += 1,
                    ItemState::NotSent => c.not_sent += 1,
                    ItemState::Waiting | ItemState::Sending => c.left += 1,
                }
                c
            })
        })
    }

    fn set(self, i: usize, state: ItemState) {
        self.states.update(|s| {
            if let Some(slot) = s.get_mut(i) {
                *slot = state;
            }
        });
    }

    fn run(self, session: Session, indices: Vec<usize>) {
        self.cancelled.set(false);
        self.running.set(true);
        let guard = LeaveGuard::new();
        spawn_local(async move {
            let changes = self.changes.try_get_untracked().unwrap_or_default();
            let items: Vec<(usize, Change)> =
                indices.iter().map(|&i| (i, changes[i].clone())).collect();
            run_bounded(
                items,
                IN_FLIGHT,
                move |_, (i, change): (usize, Change)| async move {
                    // Cancelled, or the view that ran the job is gone: send nothing new.
                    if self.cancelled.try_get_untracked().unwrap_or(true) {
                        self.set(i, ItemState::NotSent);
                        return;
                    }
                    self.set(i, ItemState::Sending);
                    let mut api = session.api_untracked();
                    let state = match send_change(session, &mut api, &change).await {
                        Ok(()) => ItemState::Done,
                        Err((e, op)) => {
                            ItemState::Failed(format!("{}: {}", e.headline(), e.describe(op)))
                        }
                    };
                    self.set(i, state);
                },
            )
            .await;
            if !self.states.is_disposed() {
                self.checking.set(true);
                self.verify(session, &indices).await;
                self.checking.set(false);
                self.running.set(false);
            }
            drop(guard);
            if let Some(f) = self.finished.try_get_value().flatten() {
                f.run(());
            }
        });
    }

    /// Reads back every repository touched and flags a change its list does not show.
    async fn verify(self, session: Session, indices: &[usize]) {
        let Some(changes) = self.changes.try_get_untracked() else {
            return;
        };
        let Some(done) = self.states.try_with_untracked(|s| {
            indices
                .iter()
                .copied()
                .filter(|&i| s[i] == ItemState::Done)
                .collect::<Vec<usize>>()
        }) else {
            return;
        };
        // Each repository touched once, six read at a time like the changes themselves.
        let names: BTreeSet<String> = done.iter().map(|&i| changes[i].repo.display()).collect();
        let repos: Vec<RepoRef> = names
            .iter()
            .filter_map(|name| {
                done.iter()
                    .map(|&i| &changes[i].repo)
                    .find(|r| r.display() == *name)
                    .cloned()
            })
            .collect();
        let (changes, done) = (Rc::new(changes), Rc::new(done));
        run_bounded(repos, IN_FLIGHT, move |_, repo: RepoRef| {
            let (changes, done) = (changes.clone(), done.clone());
            async move {
                let mut api = session.api_untracked();
                let list = send_retrying(
                    session,
                    &mut api,
                    |a| a.list_shares(&repo),
                    responses::share_list,
                )
                .await;
                for &i in done.iter().filter(|&&i| changes[i].repo == repo) {
                    let verdict = match &list {
                        Ok(rows) => {
                            read_back(&changes[i].expected(), rows, rows.len() == LIST_PAGE_SIZE)
                        }
                        Err(e) => ReadBack::Differs(format!(
                            "The list could not be read back ({}).",
                            e.headline()
                        )),
                    };
                    match verdict {
                        ReadBack::Shows(_) => {}
                        ReadBack::NotListed => self.set(
                            i,
                            ItemState::Mismatch("Not confirmed: the list read back is cut at SWR's page size and does not show it.".into()),
                        ),
                        ReadBack::Differs(why) => self.set(i, ItemState::Mismatch(format!("Not confirmed: {why}"))),
                    }
                }
            }
        })
        .await;
    }
}

/// Sends one change: SWR's documented answer, or the error after the retries it deserves.
async fn send_change(
    session: Session,
    api: &mut SwrApi,
    change: &Change,
) -> Result<(), (ApiError, Operation)> {
    let (repo, account): (&RepoRef, &str) = (&change.repo, &change.account);
    let op = match change.kind {
        ChangeKind::Create { .. } => Operation::Create,
        ChangeKind::Update { .. } => Operation::Update,
        ChangeKind::Delete => Operation::Delete,
    };
    let mut attempt = 1;
    loop {
        let answer = send_retrying(
            session,
            api,
            |a| match &change.kind {
                ChangeKind::Create {
                    deadline,
                    description,
                } => a.create_share(
                    repo,
                    &NewShare {
                        account: account.to_string(),
                        deadline: deadline.clone(),
                        description: description.clone(),
                    },
                ),
                ChangeKind::Update {
                    deadline,
                    description,
                } => a.update_share(repo, account, deadline, description),
                ChangeKind::Delete => a.delete_share(repo, account),
            },
            |r| responses::write_answer(r, op),
        )
        .await;
        match answer {
            Ok(_) => return Ok(()),
            Err(e) => match retry_delay_ms(&e, attempt, js_sys::Math::random()) {
                Some(ms) => {
                    sleep(ms).await;
                    attempt += 1;
                }
                None => return Err((e, op)),
            },
        }
    }
}

/// While a job runs, closing or reloading the page asks for confirmation first.
struct LeaveGuard(Option<Closure<dyn Fn(web_sys::BeforeUnloadEvent)>>);

impl LeaveGuard {
    fn new() -> LeaveGuard {
        let handler =
            Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(|e: web_sys::BeforeUnloadEvent| {
                e.prevent_default();
                e.set_return_value("A job is still sending changes to SWR.");
            });
        if let Some(w) = web_sys::window() {
            let _ = w
                .add_event_listener_with_callback("beforeunload", handler.as_ref().unchecked_ref());
        }
        LeaveGuard(Some(handler))
    }
}

impl Drop for LeaveGuard {
    fn drop(&mut self) {
        if let (Some(w), Some(h)) = (web_sys::window(), self.0.take()) {
            let _ =
                w.remove_event_listener_with_callback("beforeunload", h.as_ref().unchecked_ref());
        }
    }
}
