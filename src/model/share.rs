//! A share as the app shows it: who may pull, until when, and whether it is still valid.

use chrono::{DateTime, Utc};

use super::Deadline;

#[derive(Clone, Debug, PartialEq)]
pub struct Share {
    pub account: String,
    /// Always `read` (pull) today; shown as SWR sent it.
    pub permit: String,
    pub deadline: Deadline,
    pub description: String,
    pub creator_name: String,
    pub creator_id: String,
    pub created: Timestamp,
    pub updated: Timestamp,
    /// SWR's `status`: the service's own verdict on validity, taken as the truth.
    pub valid: bool,
}

/// A time SWR sent; kept raw when it does not parse so nothing is hidden.
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum Timestamp {
    At(DateTime<Utc>),
    Raw(String),
}

impl Timestamp {
    pub fn parse(s: &str) -> Timestamp {
        match super::time::parse_rfc3339(s) {
            Some(t) => Timestamp::At(t),
            None => Timestamp::Raw(s.to_string()),
        }
    }

    pub fn label(&self) -> String {
        match self {
            Timestamp::At(t) => super::deadline::format_utc(*t),
            Timestamp::Raw(s) => s.clone(),
        }
    }

    pub fn instant(&self) -> Option<DateTime<Utc>> {
        match self {
            Timestamp::At(t) => Some(*t),
            Timestamp::Raw(_) => None,
        }
    }
}

impl Share {
    pub fn permission_label(&self) -> &str {
        if self.permit == "read" {
            "Pull"
        } else {
            &self.permit
        }
    }

    /// Account names compare without regard to case, as the service treats them.
    pub fn is_account(&self, account: &str) -> bool {
        self.account.eq_ignore_ascii_case(account.trim())
    }
}

/// A plain share to build on, for tests and examples: pull, valid forever, made by alice
/// (id 1), no description, times unknown. The one fixture of the project's tests.
impl Share {
    pub fn sample(account: &str) -> Share {
        Share {
            account: account.into(),
            permit: "read".into(),
            deadline: Deadline::Forever,
            description: String::new(),
            creator_name: "alice".into(),
            creator_id: "1".into(),
            created: Timestamp::Raw(String::new()),
            updated: Timestamp::Raw(String::new()),
            valid: true,
        }
    }

    pub fn until(self, deadline: Deadline) -> Share {
        Share { deadline, ..self }
    }

    pub fn described(self, description: &str) -> Share {
        Share {
            description: description.into(),
            ..self
        }
    }
}
