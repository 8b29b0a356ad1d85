//! The one rule for loading data: a `Loader` keeps every answer with the key of what it
//! answers (region, token, repository, organization, token, plan, …) and shows it only
//! while that key is still what the user wants. Sign out, open another repository, paste
//! another token: an older answer is never shown, even when it arrives afterwards. Of
//! several requests, only the last one started may store its answer. Every read of SWR's
//! or IAM's data goes through `load` (or `want`, which skips what was asked already, and
//! `follow`, which wants what a key says whenever it changes): share lists, organizations,
//! pickers, bulk repositories and dry runs, token info, what is shared with you. Not loads in
//! this sense: config.json (read once, before anything can be wanted), the code chunks
//! (`ui/on_demand.rs`), writes (`writes.rs`, `jobs.rs`) and a file the user picked.

use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;

/// A key or an answer of any loader. The loaders share one untyped core (one kind of signal
/// and one copy of the rule in the wasm module), and each is typed at its edges: typed all
/// through, the loaders cost 0.3 KB more of first load.
type Kept = Arc<dyn Any + Send + Sync>;

struct Answer {
    key: Kept,
    /// `Result<T, E>` of the loader that stored it.
    result: Kept,
}

/// Whether the request it was handed to is still the one wanted (to show its progress).
#[derive(Clone, Copy)]
pub struct StillWanted {
    seq: StoredValue<u64>,
    mine: u64,
}

impl StillWanted {
    pub fn get(&self) -> bool {
        self.seq.try_get_value() == Some(self.mine)
    }
}

#[derive(Clone, Copy)]
struct Core {
    answer: RwSignal<Option<Answer>>,
    /// The key of the request under way, if any.
    pending: RwSignal<Option<Kept>>,
    seq: StoredValue<u64>,
}

impl Core {
    fn start(&self, key: Kept) -> StillWanted {
        let seq = self.seq.get_value() + 1;
        self.seq.set_value(seq);
        self.pending.set(Some(key));
        StillWanted {
            seq: self.seq,
            mine: seq,
        }
    }

    fn cancel(&self) {
        self.seq.set_value(self.seq.get_value() + 1);
        if self.pending.with_untracked(Option::is_some) {
            self.pending.set(None);
        }
    }

    fn store(&self, key: Kept, result: Kept) {
        self.answer.set(Some(Answer { key, result }));
    }
}

/// The loader's types, without owning any (so a loader is `Copy`, `Send` and `Sync`).
type Types<K, T, E> = PhantomData<fn() -> (K, T, E)>;

pub struct Loader<K, T, E = ApiError> {
    core: Core,
    types: Types<K, T, E>,
}

impl<K, T, E> Clone for Loader<K, T, E> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<K, T, E> Copy for Loader<K, T, E> {}

impl<K, T, E> Default for Loader<K, T, E>
where
    K: Clone + PartialEq + Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
    E: Clone + Send + Sync + 'static,
{
    fn default() -> Self {
        Self::new()
    }
}

impl<K, T, E> Loader<K, T, E>
where
    K: Clone + PartialEq + Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
    E: Clone + Send + Sync + 'static,
{
    pub fn new() -> Self {
        Loader {
            core: Core {
                answer: RwSignal::new(None),
                pending: RwSignal::new(None),
                seq: StoredValue::new(0),
            },
            types: PhantomData,
        }
    }

    /// Loads `key`: any request started before this one can no longer store its answer.
    /// `request` is told how to know whether it is still wanted (for its progress).
    pub fn load<F>(&self, key: K, request: impl FnOnce(StillWanted) -> F)
    where
        F: Future<Output = Result<T, E>> + 'static,
    {
        let key: Kept = Arc::new(key);
        let still = self.core.start(key.clone());
        let future = request(still);
        let core = self.core;
        spawn_local(async move {
            let result = future.await;
            // Also when its owner is gone (the view closed): nobody wants the answer.
            if still.get() {
                core.pending.set(None);
                core.store(key, Arc::new(result));
            }
        });
    }

    /// Loads what is wanted now, unless it was asked for already (or `again`); with nothing
    /// wanted (`None`), what is under way is dropped.
    pub fn want<F>(&self, key: Option<K>, again: bool, request: impl FnOnce(K) -> F)
    where
        F: Future<Output = Result<T, E>> + 'static,
    {
        match key {
            None => self.cancel(),
            Some(key) if again || !self.asked(&key) => {
                let asked = key.clone();
                self.load(key, move |_| request(asked));
            }
            // Answered already: a request for another key, still under way, must not
            // replace that answer when it arrives.
            Some(key) if !self.pending_is(&key, false) => self.core.cancel(),
            Some(_) => {}
        }
    }

    /// Wants what `key` says now and whenever it changes (`want`, not asked again): the
    /// one way a view's data follows its repository, token, region or organization.
    pub fn follow<F>(&self, key: Memo<Option<K>>, request: impl Fn(K) -> F + 'static)
    where
        F: Future<Output = Result<T, E>> + 'static,
    {
        let loader = *self;
        Effect::new(move |_| loader.want(key.get(), false, &request));
    }

    /// Nothing is wanted any more (no token, no repository): what is under way is dropped.
    pub fn cancel(&self) {
        self.core.cancel();
    }

    /// Stores a value read by other means (the list read back after a write) for `key`;
    /// a request under way can no longer store its answer.
    pub fn put(&self, key: K, value: T) {
        self.core.cancel();
        self.core.store(Arc::new(key), Arc::new(Ok::<T, E>(value)));
    }

    /// Changes the stored value for `key` in place (a choice made on a loaded plan).
    pub fn update(&self, key: &K, f: impl FnOnce(&mut T)) {
        self.core.answer.update(|a| {
            let value = a
                .as_mut()
                .filter(|a| is(&a.key, key))
                .and_then(|a| Arc::get_mut(&mut a.result))
                .and_then(|r| r.downcast_mut::<Result<T, E>>())
                .and_then(|r| r.as_mut().ok());
            if let Some(v) = value {
                f(v);
            }
        });
    }

    /// Runs `f` on the answer for `key`, if the last one stored is for it (tracked), without
    /// copying it: a list of shares is read often and copied only where it is needed.
    pub fn with<R>(&self, key: &K, f: impl FnOnce(Option<&Result<T, E>>) -> R) -> R {
        self.core.answer.with(|a| {
            f(a.as_ref()
                .filter(|a| is(&a.key, key))
                .and_then(|a| a.result.downcast_ref()))
        })
    }

    pub fn has_answer(&self, key: &K) -> bool {
        self.with(key, |r| r.is_some())
    }

    pub fn value(&self, key: &K) -> Option<T> {
        self.with(key, |r| r.and_then(|r| r.as_ref().ok()).cloned())
    }

    pub fn error(&self, key: &K) -> Option<E> {
        self.with(key, |r| r.and_then(|r| r.as_ref().err()).cloned())
    }

    /// `key` has been asked for already: answered, or under way (untracked).
    pub fn asked(&self, key: &K) -> bool {
        self.core
            .answer
            .with_untracked(|a| a.as_ref().is_some_and(|a| is(&a.key, key)))
            || self.pending_is(key, false)
    }

    /// A request for `key` is under way (tracked).
    pub fn loading(&self, key: &K) -> bool {
        self.pending_is(key, true)
    }

    fn pending_is(&self, key: &K, tracked: bool) -> bool {
        let same = |p: &Option<Kept>| p.as_ref().is_some_and(|p| is(p, key));
        if tracked {
            self.core.pending.with(same)
        } else {
            self.core.pending.with_untracked(same)
        }
    }
}

fn is<K: PartialEq + 'static>(kept: &Kept, key: &K) -> bool {
    kept.downcast_ref::<K>() == Some(key)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use any_spawner::Executor;
    use futures_channel::oneshot;

    use super::*;

    /// A request whose answer the test gives when it likes.
    fn later() -> (
        oneshot::Sender<u32>,
        impl Future<Output = Result<u32, ApiError>>,
    ) {
        let (tx, rx) = oneshot::channel();
        (tx, async move { Ok(rx.await.unwrap_or_default()) })
    }

    fn run(test: impl FnOnce()) {
        let _ = Executor::init_futures_executor();
        Owner::new().with(test);
    }

    #[test]
    fn an_answer_for_what_is_no_longer_wanted_is_never_stored() {
        run(|| {
            let l = Loader::<&str, u32>::new();
            let ((tx_a, a), (tx_b, b)) = (later(), later());
            l.load("a", |_| a);
            l.load("b", |_| b);
            assert!(l.loading(&"b") && !l.loading(&"a"));
            // The later request answers first, the earlier one after it.
            tx_b.send(2).unwrap();
            Executor::poll_local();
            assert_eq!(l.value(&"b"), Some(2));
            tx_a.send(1).unwrap();
            Executor::poll_local();
            assert_eq!(l.value(&"a"), None);
            assert_eq!(l.value(&"b"), Some(2));
            assert!(!l.loading(&"b"));
        });
    }

    #[test]
    fn want_asks_once_and_nothing_wanted_drops_what_is_under_way() {
        run(|| {
            let l = Loader::<&str, u32>::new();
            let asked = StoredValue::new(0);
            let (tx, a) = later();
            l.want(Some("a"), false, |_| {
                asked.update_value(|n| *n += 1);
                a
            });
            l.want(Some("a"), false, |_| {
                asked.update_value(|n| *n += 1);
                async { Ok(9) }
            });
            assert_eq!(asked.get_value(), 1, "asked while under way: not again");
            l.want(None, false, |_| async { Ok(0) });
            tx.send(1).unwrap();
            Executor::poll_local();
            assert_eq!(l.value(&"a"), None, "signed out meanwhile: not shown");
        });
    }

    #[test]
    fn back_to_what_was_answered_a_request_for_another_key_no_longer_replaces_it() {
        run(|| {
            let l = Loader::<&str, u32>::new();
            l.want(Some("a"), false, |_| async { Ok(1) });
            Executor::poll_local();
            let (tx_b, b) = later();
            l.want(Some("b"), false, |_| b);
            // Back to "a" before "b" answers: "a" is answered, nothing is asked again …
            l.want(Some("a"), false, |_| async { Ok(99) });
            assert!(!l.loading(&"b"));
            // … and "b"'s late answer does not take the place of "a"'s.
            tx_b.send(2).unwrap();
            Executor::poll_local();
            assert_eq!(l.value(&"a"), Some(1));
        });
    }

    #[test]
    fn follow_asks_when_the_key_changes_and_drops_what_is_under_way_when_nothing_is_wanted() {
        run(|| {
            let l = Loader::<&str, u32>::new();
            let key = RwSignal::new(Some("a"));
            let asked = StoredValue::new(Vec::new());
            let (tx, pending) = later();
            let pending = StoredValue::new_local(Some(pending));
            l.follow(Memo::new(move |_| key.get()), move |k| {
                asked.update_value(|a| a.push(k));
                let p = pending.try_update_value(Option::take).flatten();
                async move {
                    match p {
                        Some(p) => p.await,
                        None => Ok(k.len() as u32),
                    }
                }
            });
            Executor::poll_local();
            key.set(Some("bb"));
            Executor::poll_local();
            assert_eq!(l.value(&"bb"), Some(2));
            key.set(None);
            Executor::poll_local();
            tx.send(1).unwrap();
            Executor::poll_local();
            assert_eq!(asked.get_value(), vec!["a", "bb"]);
            assert_eq!(
                l.value(&"a"),
                None,
                "its answer came after another was wanted"
            );
        });
    }

    #[test]
    fn a_value_read_by_other_means_wins_over_a_request_under_way_and_progress_knows() {
        run(|| {
            let l = Loader::<&str, u32>::new();
            let (tx, a) = later();
            let still = StoredValue::new(None);
            l.load("a", |s| {
                still.set_value(Some(s));
                a
            });
            let still = still.get_value().unwrap();
            assert!(still.get());
            l.put("a", 7);
            assert!(!still.get(), "its progress is no longer shown");
            tx.send(1).unwrap();
            Executor::poll_local();
            assert_eq!(l.value(&"a"), Some(7));
            l.update(&"a", |v| *v += 1);
            l.update(&"b", |v| *v = 0);
            assert_eq!(l.value(&"a"), Some(8));
        });
    }
}
