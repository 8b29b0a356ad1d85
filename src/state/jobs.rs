//! A bulk job: its changes carried out at a pace (`pace`: six requests in flight at most,
//! fewer while SWR throttles), each by the rule of a single write (`job_change`): an answer
//! that leaves a change unknown is read back before anything is said or sent again. A
//! refused token pauses the requests until a new one is given (nothing that succeeded is
//! sent again); cancel stops sending new requests. Afterwards the lists of the repositories
//! touched are read back and any documented answer they do not show is flagged. Closing
//! the page while it runs asks first.

use std::collections::BTreeMap;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::job_change::carry_out;
pub use super::job_change::ItemState;
use super::leave_guard::LeaveGuard;
use super::pace::Pace;
use super::pool::{run_bounded, IN_FLIGHT};
use super::session::Session;
use super::writes::{list_via, share_now, Via};
use crate::model::bulk::change::Change;
use crate::model::write_check::{read_back, ReadBack};
use crate::model::RepoRef;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct JobCounts {
    pub done: usize,
    pub failed: usize,
    pub elsewhere: usize,
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
    /// While SWR throttles: how many requests the job keeps in flight.
    pub slowed: RwSignal<Option<usize>>,
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
            slowed: RwSignal::new(None),
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
        let all = (0..changes.len()).map(|i| (i, false)).collect();
        self.states.set(vec![ItemState::Waiting; changes.len()]);
        self.changes.set(changes);
        self.run(session, all);
    }

    /// Sends again what failed or was not sent (reading back first what may have reached
    /// SWR unseen); what succeeded is left alone.
    pub fn retry_failed(self, session: Session) {
        if self.running.get_untracked() {
            return;
        }
        let again: Vec<(usize, bool)> = self.states.with_untracked(|s| {
            s.iter()
                .enumerate()
                .filter(|(_, st)| st.retried())
                .map(|(i, st)| (i, st.read_first()))
                .collect()
        });
        self.states
            .update(|s| again.iter().for_each(|&(i, _)| s[i] = ItemState::Waiting));
        self.run(session, again);
    }

    pub fn cancel(self) {
        self.cancelled.set(true);
    }

    /// What the job is doing, as the first words of its status line.
    pub fn phase(&self, asking: bool) -> String {
        let running = self.running.get();
        if asking && running {
            "Paused: SWR refused the token; give a new one to go on. ".to_string()
        } else if self.checking.get() {
            "Reading the lists back from SWR… ".into()
        } else if running && self.cancelled.get() {
            "Cancelling: no new requests; waiting for those under way… ".into()
        } else if let (true, Some(n)) = (running, self.slowed.get()) {
            format!("SWR is throttling: slowed to {n} at a time. ")
        } else if running {
            "Sending… ".into()
        } else {
            "Finished. ".into()
        }
    }

    pub fn counts(&self) -> JobCounts {
        self.states.with(|s| {
            s.iter().fold(JobCounts::default(), |mut c, st| {
                match st {
                    ItemState::Done(_) => c.done += 1,
                    ItemState::Failed(_) | ItemState::Mismatch(_) | ItemState::Unknown(_) => {
                        c.failed += 1
                    }
                    ItemState::Elsewhere(_) => c.elsewhere += 1,
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

    /// Runs the changes at `items` (index, read back first).
    fn run(self, session: Session, items: Vec<(usize, bool)>) {
        self.cancelled.set(false);
        self.running.set(true);
        let guard = LeaveGuard::arm();
        let slowed = self.slowed;
        let pace = Pace::new(move |n| {
            let _ = slowed.try_set(n);
        });
        spawn_local(async move {
            let send = pace.via();
            let via: Via = Some(&send);
            let changes = Rc::new(self.changes.try_get_untracked().unwrap_or_default());
            let indices: Vec<usize> = items.iter().map(|&(i, _)| i).collect();
            run_bounded(items, IN_FLIGHT, |_, (i, read_first): (usize, bool)| {
                let changes = changes.clone();
                async move {
                    // Cancelled, or the view that ran the job is gone: send nothing new.
                    if self.cancelled.try_get_untracked().unwrap_or(true) {
                        self.set(i, ItemState::NotSent);
                        return;
                    }
                    self.set(i, ItemState::Sending);
                    let mut api = session.api_untracked();
                    let state = carry_out(session, via, &mut api, &changes[i], read_first).await;
                    self.set(i, state);
                }
            })
            .await;
            if !self.states.is_disposed() {
                self.checking.set(true);
                self.verify(session, via, &changes, &indices).await;
                self.checking.set(false);
                self.running.set(false);
                let _ = self.slowed.try_set(None);
            }
            drop(guard);
            if let Some(f) = self.finished.try_get_value().flatten() {
                f.run(());
            }
        });
    }

    /// Reads back every repository with a change SWR answered as documented, and flags the
    /// change if SWR does not show it (the list, or the one share where the list is cut).
    async fn verify(self, session: Session, via: Via<'_>, changes: &[Change], indices: &[usize]) {
        let Some(answered) = self.states.try_with_untracked(|s| {
            indices
                .iter()
                .copied()
                .filter(|&i| s[i] == ItemState::Done(None))
                .collect::<Vec<usize>>()
        }) else {
            return;
        };
        // Each repository once, its changes with it.
        let mut by_repo: BTreeMap<String, (RepoRef, Vec<usize>)> = BTreeMap::new();
        for i in answered {
            let repo = &changes[i].repo;
            by_repo
                .entry(repo.display())
                .or_insert_with(|| (repo.clone(), Vec::new()))
                .1
                .push(i);
        }
        let groups: Vec<(RepoRef, Vec<usize>)> = by_repo.into_values().collect();
        run_bounded(groups, IN_FLIGHT, |_, (repo, items): (RepoRef, Vec<usize>)| async move {
            let mut api = session.api_untracked();
            let list = list_via(session, via, &mut api, &repo).await;
            for i in items {
                let change = &changes[i];
                let found = match &list {
                    Ok(rows) => {
                        share_now(session, via, &mut api, &repo, &change.account, rows).await
                    }
                    Err(e) => Err(e.clone()),
                };
                let state = match found {
                    Ok(now) => match read_back(&change.expected(), now.as_slice(), false) {
                        ReadBack::Shows(_) => continue,
                        ReadBack::Differs(why) => ItemState::Mismatch(format!(
                            "Not confirmed: SWR answered as documented, but the list read back says: {why}"
                        )),
                        ReadBack::NotListed => ItemState::Mismatch(
                            "Not confirmed: SWR answered as documented, but the change could not be found.".into(),
                        ),
                    },
                    Err(e) => ItemState::Mismatch(format!(
                        "Not confirmed: SWR answered as documented, but the list could not be read back ({}).",
                        e.headline()
                    )),
                };
                self.set(i, state);
            }
        })
        .await;
    }
}
