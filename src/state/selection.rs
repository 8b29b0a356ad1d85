//! Rows chosen in the one-repository table for a bulk extend or revoke. The choice belongs
//! to the repository it was made in: another repository starts with nothing chosen.

use leptos::prelude::*;

use crate::model::RepoRef;

#[derive(Clone, Copy)]
pub struct Selection(RwSignal<(Option<RepoRef>, Vec<String>)>);

impl Selection {
    pub fn new() -> Selection {
        Selection(RwSignal::new((None, Vec::new())))
    }

    /// The accounts chosen in `repo` (as SWR spells them).
    pub fn accounts(&self, repo: &Option<RepoRef>) -> Vec<String> {
        self.0
            .with(|(r, a)| if r == repo { a.clone() } else { Vec::new() })
    }

    pub fn contains(&self, repo: &Option<RepoRef>, account: &str) -> bool {
        self.0
            .with(|(r, a)| r == repo && a.iter().any(|x| x == account))
    }

    pub fn set(&self, repo: &Option<RepoRef>, account: &str, on: bool) {
        self.0.update(|(r, a)| {
            if r != repo {
                *r = repo.clone();
                a.clear();
            }
            a.retain(|x| x != account);
            if on {
                a.push(account.to_string());
            }
        });
    }

    pub fn clear(&self) {
        self.0.update(|(_, a)| a.clear());
    }
}

impl Default for Selection {
    fn default() -> Self {
        Selection::new()
    }
}
