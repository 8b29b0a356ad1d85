//! Many accounts × many repositories: the pasted account list, the dry-run plan (what each
//! pair would need), and the files that carry shares out (CSV, JSON, Terraform, iCalendar)
//! and in (CSV). Plain Rust, tested on the host; the importers never panic on any input (a
//! panic in the browser ends the whole app).

pub mod accounts;
pub mod change;
pub mod csv;
pub mod export;
pub mod import;
pub mod org_table;
pub mod plan;

use super::{Deadline, RepoRef};

/// One share as wanted: the unit of a plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Wanted {
    pub repo: RepoRef,
    pub account: String,
    pub deadline: Deadline,
    pub description: String,
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod never_panics;
