//! After every write the list is read back from SWR, and the change counts as done only
//! when the list shows it. A success answer alone is not trusted: a proxy or a gateway
//! can answer 2xx for a request SWR never carried out.

use super::{Deadline, Share};

/// What the list should show after a write.
#[derive(Clone, Debug, PartialEq)]
pub enum Expected {
    /// A share for this account with these terms (add, undo, edit, extend).
    Share {
        account: String,
        deadline: Deadline,
        description: String,
    },
    /// No share for this account (revoke).
    Gone { account: String },
}

impl Expected {
    pub fn account(&self) -> &str {
        match self {
            Expected::Share { account, .. } | Expected::Gone { account } => account,
        }
    }
}

/// What the list read back says about the change.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadBack {
    /// The list shows the change; for a share, as SWR stored it (its spelling of the
    /// account name, its deadline and description).
    Shows(Option<Share>),
    /// The list shows something else, in words.
    Differs(String),
    /// The account is not on a list cut at SWR's page size: the list cannot tell.
    NotListed,
}

/// Compares the list with what the write should have done. `truncated`: the list has
/// exactly SWR's default page of rows, so an absent account may still exist.
pub fn read_back(expected: &Expected, list: &[Share], truncated: bool) -> ReadBack {
    let found = list.iter().find(|s| s.is_account(expected.account()));
    match (expected, found) {
        (Expected::Gone { .. }, None) if truncated => ReadBack::NotListed,
        (Expected::Gone { .. }, None) => ReadBack::Shows(None),
        (Expected::Gone { account }, Some(s)) => ReadBack::Differs(format!(
            "{} still has a share (valid until {}).",
            if s.account.is_empty() {
                account
            } else {
                &s.account
            },
            s.deadline.label()
        )),
        (Expected::Share { .. }, None) if truncated => ReadBack::NotListed,
        (Expected::Share { account, .. }, None) => {
            ReadBack::Differs(format!("{account} has no share on this repository."))
        }
        (
            Expected::Share {
                deadline,
                description,
                ..
            },
            Some(s),
        ) => {
            let mut wrong = Vec::new();
            if &s.deadline != deadline {
                wrong.push(format!(
                    "valid until {} instead of {}",
                    s.deadline.label(),
                    deadline.label()
                ));
            }
            if &s.description != description {
                wrong.push(format!("the description is {:?}", s.description));
            }
            if wrong.is_empty() {
                ReadBack::Shows(Some(s.clone()))
            } else {
                ReadBack::Differs(format!(
                    "{}'s share is {}.",
                    s.account,
                    wrong.join(", and ")
                ))
            }
        }
    }
}

/// What SWR has for a change whose answer left it unknown (no answer, a gateway's 5xx, an
/// answer it does not document, a conflict right after such an answer), read back.
#[derive(Clone, Debug, PartialEq)]
pub enum Settled {
    /// SWR has the change as planned: the share as stored (None after a revoke).
    Applied(Option<Share>),
    /// SWR still has what it had before: the change was not made and may be sent again.
    NotApplied,
    /// SWR has something else: changed elsewhere meanwhile. What it has now.
    Elsewhere(Option<Share>),
}

/// Compares the share SWR has now (`now`) with the change (`expected`) and with what it
/// had before (`before`: None for a new share; for a revoke any share counts as before).
pub fn settle(expected: &Expected, before: Option<&Share>, now: Option<&Share>) -> Settled {
    let same = |a: &Share, b: &Share| a.deadline == b.deadline && a.description == b.description;
    match (expected, now) {
        (Expected::Gone { .. }, None) => Settled::Applied(None),
        (Expected::Gone { .. }, Some(_)) => Settled::NotApplied,
        (Expected::Share { .. }, now) => {
            match (read_back(expected, now.cloned().as_slice(), false), now) {
                (ReadBack::Shows(stored), _) => Settled::Applied(stored),
                (_, None) if before.is_none() => Settled::NotApplied,
                (_, Some(n)) if before.is_some_and(|b| same(b, n)) => Settled::NotApplied,
                (_, now) => Settled::Elsewhere(now.cloned()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::parse_ymd;

    fn share(account: &str, deadline: Deadline, description: &str) -> Share {
        Share::sample(account)
            .until(deadline)
            .described(description)
    }

    fn day(s: &str) -> Deadline {
        Deadline::LastDay(parse_ymd(s).unwrap())
    }

    #[test]
    fn a_share_is_confirmed_as_swr_stored_it() {
        let expected = Expected::Share {
            account: "Partner-Caps".into(),
            deadline: day("2030-01-31"),
            description: "why".into(),
        };
        let list = [share("partner-caps", day("2030-01-31"), "why")];
        match read_back(&expected, &list, false) {
            ReadBack::Shows(Some(s)) => assert_eq!(s.account, "partner-caps"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_missing_or_different_share_is_named() {
        let expected = Expected::Share {
            account: "p".into(),
            deadline: day("2030-01-31"),
            description: "why".into(),
        };
        assert_eq!(
            read_back(&expected, &[], false),
            ReadBack::Differs("p has no share on this repository.".into())
        );
        let other = [share("p", day("2029-12-31"), "other")];
        match read_back(&expected, &other, false) {
            ReadBack::Differs(m) => {
                assert!(
                    m.contains("valid until 2029-12-31 instead of 2030-01-31"),
                    "{m}"
                );
                assert!(m.contains("\"other\""), "{m}");
            }
            r => panic!("{r:?}"),
        }
        assert_eq!(read_back(&expected, &[], true), ReadBack::NotListed);
    }

    #[test]
    fn an_unknown_outcome_is_settled_against_the_plan_and_what_was_there_before() {
        let new = Expected::Share {
            account: "p".into(),
            deadline: Deadline::Forever,
            description: "d".into(),
        };
        let planned = share("P", Deadline::Forever, "d");
        let other = share("p", day("2030-01-31"), "someone else's");
        // A new share: absent means not made; as planned means made; else changed elsewhere.
        assert_eq!(settle(&new, None, None), Settled::NotApplied);
        assert_eq!(
            settle(&new, None, Some(&planned)),
            Settled::Applied(Some(planned.clone()))
        );
        assert_eq!(
            settle(&new, None, Some(&other)),
            Settled::Elsewhere(Some(other.clone()))
        );
        // An update: the old terms still there mean not made; gone means revoked elsewhere.
        let old = share("p", day("2029-12-31"), "old");
        assert_eq!(settle(&new, Some(&old), Some(&old)), Settled::NotApplied);
        assert_eq!(
            settle(&new, Some(&old), Some(&planned)),
            Settled::Applied(Some(planned.clone()))
        );
        assert_eq!(
            settle(&new, Some(&old), Some(&other)),
            Settled::Elsewhere(Some(other.clone()))
        );
        assert_eq!(settle(&new, Some(&old), None), Settled::Elsewhere(None));
        // A revoke: gone is done, whoever did it; any share still there is not done.
        let gone = Expected::Gone {
            account: "p".into(),
        };
        assert_eq!(settle(&gone, Some(&old), None), Settled::Applied(None));
        assert_eq!(settle(&gone, Some(&old), Some(&other)), Settled::NotApplied);
    }

    #[test]
    fn a_revoke_is_confirmed_by_absence() {
        let gone = Expected::Gone {
            account: "P".into(),
        };
        assert_eq!(read_back(&gone, &[], false), ReadBack::Shows(None));
        assert_eq!(read_back(&gone, &[], true), ReadBack::NotListed);
        match read_back(&gone, &[share("p", Deadline::Forever, "")], false) {
            ReadBack::Differs(m) => assert!(m.contains("p still has a share"), "{m}"),
            r => panic!("{r:?}"),
        }
    }
}
