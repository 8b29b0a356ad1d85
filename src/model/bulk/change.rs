//! One change of a bulk job: create, update or delete the share of one account on one
//! repository, and what the list should show afterwards.

use super::plan::{PlanRow, Step};
use super::Wanted;
use crate::model::expiry::extend;
use crate::model::write_check::Expected;
use crate::model::{Deadline, RepoRef, Share};
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq)]
pub enum ChangeKind {
    Create {
        deadline: Deadline,
        description: String,
    },
    Update {
        deadline: Deadline,
        description: String,
    },
    Delete,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub repo: RepoRef,
    pub account: String,
    pub kind: ChangeKind,
    /// The share as it was when the change was planned (None: the account had none). After
    /// an answer that leaves the change unknown, SWR still having it means "not made".
    pub before: Option<Share>,
}

impl Change {
    /// SWR already has the share as planned (extending a share that is valid forever):
    /// nothing to send.
    pub fn changes_nothing(&self) -> bool {
        match (&self.kind, &self.before) {
            (
                ChangeKind::Update {
                    deadline,
                    description,
                },
                Some(b),
            ) => b.deadline == *deadline && b.description == *description,
            _ => false,
        }
    }

    /// The deadline and description a create or an update asks for (None: a revoke).
    fn asked(&self) -> Option<(&Deadline, &String)> {
        match &self.kind {
            ChangeKind::Create {
                deadline,
                description,
            }
            | ChangeKind::Update {
                deadline,
                description,
            } => Some((deadline, description)),
            ChangeKind::Delete => None,
        }
    }

    /// "valid until 2027-03-31, \"why\"" for the share as planned (None: revoked).
    pub fn planned_terms(&self) -> Option<String> {
        self.asked()
            .map(|(deadline, description)| terms(deadline, description))
    }

    pub fn expected(&self) -> Expected {
        let account = self.account.clone();
        match self.asked() {
            Some((deadline, description)) => Expected::Share {
                account,
                deadline: deadline.clone(),
                description: description.clone(),
            },
            None => Expected::Gone { account },
        }
    }

    /// "Share with partner-a on acme-prod/api (until 2027-03-31)".
    pub fn label(&self) -> String {
        let (what, until) = match &self.kind {
            ChangeKind::Create { deadline, .. } => ("Share with", Some(deadline)),
            ChangeKind::Update { deadline, .. } => ("Update the share of", Some(deadline)),
            ChangeKind::Delete => ("Revoke the share of", None),
        };
        let until = until
            .map(|d| format!(" (until {})", d.label()))
            .unwrap_or_default();
        format!("{what} {} on {}{until}", self.account, self.repo.display())
    }
}

/// "valid until 2027-03-31, \"why\"" (or "valid until Forever" without a description).
pub fn terms(deadline: &Deadline, description: &str) -> String {
    if description.is_empty() {
        format!("valid until {}", deadline.label())
    } else {
        format!("valid until {}, \"{description}\"", deadline.label())
    }
}

/// The changes a confirmed plan sends: new shares, and changed ones the user chose to
/// update. Same and invalid rows send nothing.
pub fn from_plan(rows: &[PlanRow]) -> Vec<Change> {
    rows.iter()
        .filter(|r| r.sends())
        .map(|r| {
            let Wanted {
                repo,
                account,
                deadline,
                description,
            } = r.wanted.clone();
            let (kind, before) = match &r.step {
                Step::Differs { current } => (
                    ChangeKind::Update {
                        deadline,
                        description,
                    },
                    Some(current.clone()),
                ),
                _ => (
                    ChangeKind::Create {
                        deadline,
                        description,
                    },
                    None,
                ),
            };
            Change {
                repo,
                account,
                kind,
                before,
            }
        })
        .collect()
}

/// Extends each selected share by `days` (None: forever) from its current last day, or
/// from today when that is already past; forever stays forever.
pub fn extensions(
    selected: &[(RepoRef, Share)],
    days: Option<i64>,
    today: NaiveDate,
) -> Vec<Change> {
    selected
        .iter()
        .map(|(repo, s)| Change {
            repo: repo.clone(),
            account: s.account.clone(),
            kind: ChangeKind::Update {
                deadline: extend(&s.deadline, days, today),
                description: s.description.clone(),
            },
            before: Some(s.clone()),
        })
        .collect()
}

pub fn revocations(selected: &[(RepoRef, Share)]) -> Vec<Change> {
    selected
        .iter()
        .map(|(repo, s)| Change {
            repo: repo.clone(),
            account: s.account.clone(),
            kind: ChangeKind::Delete,
            before: Some(s.clone()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::bulk::plan::plan;

    #[test]
    fn a_confirmed_plan_sends_new_and_chosen_updates_only() {
        let repo = RepoRef::new("acme-prod", "api").unwrap();
        let until = Deadline::LastDay(NaiveDate::from_ymd_opt(2027, 3, 31).unwrap());
        let current = Share::sample("old");
        let list = vec![current.clone()];
        let wanted = super::super::plan::pairs(
            &["new".into(), "old".into()],
            std::slice::from_ref(&repo),
            &until,
            "d",
        );
        let mut rows = plan(
            wanted,
            |_| Some(list.as_slice()),
            NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        );
        assert_eq!(
            from_plan(&rows).len(),
            1,
            "kept unless the user chooses update"
        );
        rows[1].update = true;
        let changes = from_plan(&rows);
        assert_eq!(changes.len(), 2);
        assert!(matches!(changes[0].kind, ChangeKind::Create { .. }));
        assert!(
            matches!(&changes[1].kind, ChangeKind::Update { deadline, .. } if *deadline == until)
        );
        assert_eq!(
            changes[1].label(),
            "Update the share of old on acme-prod/api (until 2027-03-31)"
        );
        let revoke = revocations(&[(repo.clone(), current.clone())]);
        assert_eq!(
            revoke[0].expected(),
            Expected::Gone {
                account: "old".into()
            }
        );
        let ext = extensions(
            &[(repo, current)],
            Some(30),
            NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        );
        assert!(
            matches!(
                &ext[0].kind,
                ChangeKind::Update {
                    deadline: Deadline::Forever,
                    ..
                }
            ),
            "forever stays forever"
        );
        assert!(ext[0].changes_nothing(), "so there is nothing to send");
        assert!(!changes[1].changes_nothing() && !revoke[0].changes_nothing());
    }
}
