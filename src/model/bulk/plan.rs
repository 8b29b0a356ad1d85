//! The dry run: for every wanted pair, what SWR would have to do, before anything is sent.

use chrono::NaiveDate;

use super::Wanted;
use crate::model::names::{validate_account, validate_description};
use crate::model::{Deadline, RepoRef, Share};

#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Not shared yet: create it.
    Create,
    /// Already shared with the same terms: nothing to send.
    Same,
    /// Already shared with other terms (shown): the user chooses update or keep.
    Differs { current: Share },
    /// Cannot be sent as it is, and why.
    Invalid(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlanRow {
    pub wanted: Wanted,
    pub step: Step,
    /// For `Differs`: send the new terms (true) or keep SWR's (false, the default).
    pub update: bool,
}

impl PlanRow {
    /// Whether the confirmed plan sends a request for this row.
    pub fn sends(&self) -> bool {
        match self.step {
            Step::Create => true,
            Step::Differs { .. } => self.update,
            Step::Same | Step::Invalid(_) => false,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub create: usize,
    pub same: usize,
    pub differs: usize,
    pub invalid: usize,
}

/// Plans every wanted share against the lists as SWR has them. `existing` gives a
/// repository's current shares, or `None` when its list could not be read (such pairs are
/// invalid: planning blind could overwrite a share). `today` is the UTC date.
pub fn plan<'a>(
    wanted: Vec<Wanted>,
    existing: impl Fn(&RepoRef) -> Option<&'a [Share]>,
    today: NaiveDate,
) -> Vec<PlanRow> {
    let mut rows: Vec<PlanRow> = Vec::with_capacity(wanted.len());
    for w in wanted {
        let repeated = rows
            .iter()
            .any(|r| r.wanted.repo == w.repo && r.wanted.account.eq_ignore_ascii_case(&w.account));
        let step = if repeated {
            Step::Invalid("Given twice for this repository: the first one counts.".into())
        } else if let Some(why) = check(&w, today) {
            Step::Invalid(why)
        } else {
            match existing(&w.repo) {
                None => Step::Invalid(format!(
                    "The shares of {} could not be read, so this cannot be planned.",
                    w.repo.display()
                )),
                Some(list) => match list.iter().find(|s| s.is_account(&w.account)) {
                    None => Step::Create,
                    Some(s) if same_terms(s, &w) => Step::Same,
                    Some(s) => Step::Differs { current: s.clone() },
                },
            }
        };
        rows.push(PlanRow {
            wanted: w,
            step,
            update: false,
        });
    }
    rows
}

fn check(w: &Wanted, today: NaiveDate) -> Option<String> {
    validate_account(&w.account)
        .err()
        .or_else(|| validate_description(&w.description).err())
        .or_else(|| match &w.deadline {
            Deadline::LastDay(d) if *d < today => Some(format!(
                "The last valid day {d} is already over (today is {today}, UTC)."
            )),
            Deadline::Unrecognised(s) => Some(format!(
                "\"{s}\" is not a deadline: use forever or a date such as 2027-03-31."
            )),
            _ => None,
        })
}

/// The same deadline (by day, as SWR keys it) and the same description.
pub fn same_terms(s: &Share, w: &Wanted) -> bool {
    s.deadline == w.deadline && s.description == w.description
}

pub fn counts(rows: &[PlanRow]) -> Counts {
    rows.iter().fold(Counts::default(), |mut c, r| {
        match r.step {
            Step::Create => c.create += 1,
            Step::Same => c.same += 1,
            Step::Differs { .. } => c.differs += 1,
            Step::Invalid(_) => c.invalid += 1,
        }
        c
    })
}

/// Every pair of accounts × repositories with the same terms.
pub fn pairs(
    accounts: &[String],
    repos: &[RepoRef],
    deadline: &Deadline,
    description: &str,
) -> Vec<Wanted> {
    repos
        .iter()
        .flat_map(|r| {
            accounts.iter().map(move |a| Wanted {
                repo: r.clone(),
                account: a.clone(),
                deadline: deadline.clone(),
                description: description.to_string(),
            })
        })
        .collect()
}

/// The shares of one repository, wanted again on others (same accounts, deadlines and
/// descriptions): "copy the shares of A to B and C".
pub fn copies(from: &[Share], to: &[RepoRef]) -> Vec<Wanted> {
    to.iter()
        .flat_map(|r| {
            from.iter().map(move |s| Wanted {
                repo: r.clone(),
                account: s.account.clone(),
                deadline: s.deadline.clone(),
                description: s.description.clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo(name: &str) -> RepoRef {
        RepoRef::new("acme-prod", name).unwrap()
    }
    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    fn share(account: &str, deadline: Deadline, description: &str) -> Share {
        Share::sample(account)
            .until(deadline)
            .described(description)
    }

    #[test]
    fn every_kind_of_step() {
        let today = day("2026-11-25");
        let until = Deadline::LastDay(day("2027-03-31"));
        let api = vec![
            share("Same-Terms", until.clone(), "q1"),
            share("other-terms", Deadline::Forever, "q1"),
        ];
        let mut wanted = pairs(
            &["new-one".into(), "same-terms".into(), "other-terms".into()],
            &[repo("api"), repo("unreadable")],
            &until,
            "q1",
        );
        wanted.push(Wanted {
            repo: repo("api"),
            account: "late".into(),
            deadline: Deadline::LastDay(day("2026-11-24")),
            description: String::new(),
        });
        wanted.push(wanted[0].clone());
        let rows = plan(
            wanted,
            |r| (r.repository == "api").then_some(api.as_slice()),
            today,
        );
        let steps: Vec<_> = rows.iter().map(|r| &r.step).collect();
        assert_eq!(steps[0], &Step::Create);
        assert_eq!(steps[1], &Step::Same, "account names compare without case");
        assert!(
            matches!(steps[2], Step::Differs { current } if current.deadline == Deadline::Forever)
        );
        for s in &steps[3..6] {
            assert!(matches!(s, Step::Invalid(why) if why.contains("acme-prod/unreadable")));
        }
        assert!(matches!(steps[6], Step::Invalid(why) if why.contains("already over")));
        assert!(matches!(steps[7], Step::Invalid(why) if why.contains("twice")));
        assert_eq!(
            counts(&rows),
            Counts {
                create: 1,
                same: 1,
                differs: 1,
                invalid: 5
            }
        );
        // Only new shares, and changed ones the user chose to update, are sent.
        let mut rows = rows;
        assert_eq!(rows.iter().filter(|r| r.sends()).count(), 1);
        rows[2].update = true;
        assert_eq!(rows.iter().filter(|r| r.sends()).count(), 2);
    }

    #[test]
    fn invalid_input_is_caught_before_sending() {
        let rows = plan(
            pairs(
                &["bad/name".into()],
                &[repo("api")],
                &Deadline::Unrecognised("soon".into()),
                "",
            ),
            |_| Some(&[][..]),
            day("2026-11-25"),
        );
        assert!(matches!(&rows[0].step, Step::Invalid(_)));
        let rows = plan(
            pairs(
                &["ok".into()],
                &[repo("api")],
                &Deadline::Unrecognised("soon".into()),
                "",
            ),
            |_| Some(&[][..]),
            day("2026-11-25"),
        );
        assert!(
            matches!(&rows[0].step, Step::Invalid(why) if why.contains("\"soon\" is not a deadline"))
        );
    }

    #[test]
    fn copies_keep_accounts_deadlines_and_descriptions() {
        let from = [
            share("a", Deadline::Forever, "x"),
            share("b", Deadline::LastDay(day("2027-01-01")), ""),
        ];
        let w = copies(&from, &[repo("one"), repo("two")]);
        assert_eq!(w.len(), 4);
        assert_eq!(w[3].repo, repo("two"));
        assert_eq!(w[3].account, "b");
        assert_eq!(w[3].deadline, Deadline::LastDay(day("2027-01-01")));
    }
}
