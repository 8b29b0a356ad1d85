//! What the shared-account API carried out, in order: one entry per create, update or
//! delete that changed the store, whatever was answered (an applied fault answers an
//! error after the change). Tests read it from `/_emulator/journal` to see that no change
//! was applied twice; a reset empties it.

use std::sync::Mutex;

use serde::Serialize;

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Applied {
    /// `create`, `update` or `delete`.
    pub op: &'static str,
    pub namespace: String,
    pub repository: String,
    /// As the request named it (lower-cased, as SWR stores account names).
    pub account: String,
}

#[derive(Default)]
pub struct Journal(Mutex<Vec<Applied>>);

impl Journal {
    pub fn record(&self, op: &'static str, namespace: &str, repository: &str, account: &str) {
        self.0.lock().unwrap().push(Applied {
            op,
            namespace: namespace.to_string(),
            repository: repository.to_string(),
            account: account.to_ascii_lowercase(),
        });
    }

    pub fn entries(&self) -> Vec<Applied> {
        self.0.lock().unwrap().clone()
    }

    pub fn clear(&self) {
        self.0.lock().unwrap().clear();
    }
}
