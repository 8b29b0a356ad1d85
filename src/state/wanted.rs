//! The one rule for answers that arrive later: every answer is kept with the key of what
//! it answers (region, token, repository, organization, …) and is shown only while that
//! key is still what the user wants. Sign out, open another repository, paste another
//! token: an older answer is never shown, even when it arrives afterwards. Of several
//! requests, only the last one started may store its answer.

use leptos::prelude::*;

use crate::api::ApiError;

#[derive(Clone, Debug, PartialEq)]
struct Answer<K, T> {
    key: K,
    result: Result<T, ApiError>,
}

/// Hand it back with the answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Ticket<K> {
    pub key: K,
    seq: u64,
}

pub struct Fetch<K: Send + Sync + 'static, T: Send + Sync + 'static> {
    answer: RwSignal<Option<Answer<K, T>>>,
    /// The key of the request under way, if any.
    pending: RwSignal<Option<K>>,
    seq: StoredValue<u64>,
}

impl<K: Send + Sync + 'static, T: Send + Sync + 'static> Clone for Fetch<K, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<K: Send + Sync + 'static, T: Send + Sync + 'static> Copy for Fetch<K, T> {}

impl<K, T> Default for Fetch<K, T>
where
    K: Clone + PartialEq + Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
{
    fn default() -> Self {
        Self::new()
    }
}

impl<K, T> Fetch<K, T>
where
    K: Clone + PartialEq + Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
{
    pub fn new() -> Self {
        Fetch {
            answer: RwSignal::new(None),
            pending: RwSignal::new(None),
            seq: StoredValue::new(0),
        }
    }

    /// A request for `key` starts; any request started before it can no longer store.
    pub fn start(&self, key: K) -> Ticket<K> {
        let seq = self.seq.get_value() + 1;
        self.seq.set_value(seq);
        self.pending.set(Some(key.clone()));
        Ticket { key, seq }
    }

    /// No request started since this one: its progress may be shown.
    pub fn is_latest(&self, ticket: &Ticket<K>) -> bool {
        self.seq.try_get_value() == Some(ticket.seq)
    }

    /// Nothing is wanted any more (no token, no repository): what is under way is dropped.
    pub fn cancel(&self) {
        self.seq.set_value(self.seq.get_value() + 1);
        if self.pending.with_untracked(Option::is_some) {
            self.pending.set(None);
        }
    }

    /// Stores the answer, unless another request started since.
    pub fn finish(&self, ticket: Ticket<K>, result: Result<T, ApiError>) {
        // Also when its owner is gone (the view closed): nobody wants the answer.
        if self.seq.try_get_value() != Some(ticket.seq) {
            return;
        }
        self.pending.set(None);
        self.answer.set(Some(Answer {
            key: ticket.key,
            result,
        }));
    }

    /// Stores a value read by other means (the list read back after a write) for `key`.
    pub fn put(&self, key: K, value: T) {
        let ticket = self.start(key);
        self.finish(ticket, Ok(value));
    }

    /// Runs `f` on the answer for `key`, if the last one stored is for it (tracked), without
    /// copying it: a list of shares is read often and copied only where it is needed.
    pub fn with<R>(&self, key: &K, f: impl FnOnce(Option<&Result<T, ApiError>>) -> R) -> R {
        self.answer
            .with(|a| f(a.as_ref().filter(|a| &a.key == key).map(|a| &a.result)))
    }

    pub fn has_answer(&self, key: &K) -> bool {
        self.with(key, |r| r.is_some())
    }

    pub fn value(&self, key: &K) -> Option<T> {
        self.with(key, |r| r.and_then(|r| r.as_ref().ok()).cloned())
    }

    pub fn error(&self, key: &K) -> Option<ApiError> {
        self.with(key, |r| r.and_then(|r| r.as_ref().err()).cloned())
    }

    /// `key` has been asked for already: answered, or under way (untracked).
    pub fn asked(&self, key: &K) -> bool {
        self.answer
            .with_untracked(|a| a.as_ref().is_some_and(|a| &a.key == key))
            || self.pending.with_untracked(|p| p.as_ref() == Some(key))
    }

    /// A request for `key` is under way (tracked).
    pub fn loading(&self, key: &K) -> bool {
        self.pending.with(|p| p.as_ref() == Some(key))
    }
}
