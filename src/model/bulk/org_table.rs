//! The organization-wide table: filter by text, by account (what one account can pull) and
//! by status; sort by repository, account or end of access, expiring soonest first unless
//! the user sorts otherwise.

use super::export::Located;
use crate::model::case::lower;
use crate::model::expiry::{Expiry, Status};
use crate::model::table_view::StatusFilter;
use crate::model::Deadline;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrgSort {
    /// Access ending soonest first, the expired ones last.
    EndsSoonest,
    Repository,
    Account,
}

impl OrgSort {
    pub fn key(self) -> &'static str {
        match self {
            OrgSort::EndsSoonest => "",
            OrgSort::Repository => "repository",
            OrgSort::Account => "account",
        }
    }

    pub fn parse(s: &str) -> OrgSort {
        match s {
            "repository" => OrgSort::Repository,
            "account" => OrgSort::Account,
            _ => OrgSort::EndsSoonest,
        }
    }
}

/// What identifies a row across loads: its repository and account.
pub fn key_of(l: &Located) -> (String, String) {
    (l.repo.display(), lower(&l.share.account))
}

/// Every row's index in `sort` order. Computed once per list and order, not per keystroke:
/// filtering keeps this order (`org_filter`).
pub fn org_order(rows: &[Located], expiries: &[Expiry], sort: OrgSort) -> Vec<usize> {
    // The keys once per row, not once per comparison (a sort compares n log n times).
    let keys: Vec<(String, String)> = rows
        .iter()
        .map(|r| (r.repo.display(), lower(&r.share.account)))
        .collect();
    let mut idx: Vec<usize> = (0..rows.len()).collect();
    let by_repo = |a: &usize, b: &usize| keys[*a].cmp(&keys[*b]);
    let by_account = |a: &usize, b: &usize| {
        keys[*a]
            .1
            .cmp(&keys[*b].1)
            .then_with(|| keys[*a].0.cmp(&keys[*b].0))
    };
    match sort {
        OrgSort::Repository => idx.sort_by(by_repo),
        OrgSort::Account => idx.sort_by(by_account),
        // Still valid, ending soonest first; then forever; the expired last, most recent
        // first: what needs attention next comes first.
        OrgSort::EndsSoonest => idx.sort_by(|a, b| {
            let (ea, eb) = (
                expiries[*a].status() == Status::Expired,
                expiries[*b].status() == Status::Expired,
            );
            let (da, db) = (
                ends(&rows[*a].share.deadline),
                ends(&rows[*b].share.deadline),
            );
            ea.cmp(&eb)
                .then_with(|| if ea { db.cmp(&da) } else { da.cmp(&db) })
                .then_with(|| by_repo(a, b))
        }),
    }
    idx
}

/// What the overview's filters ask for: text, one account, one organization, a status.
#[derive(Clone, Copy)]
pub struct OrgFilter<'a> {
    pub q: &'a str,
    pub account: &'a str,
    pub organization: &'a str,
    pub status: StatusFilter,
}

/// The rows of `order` that match the filters, in that order.
pub fn org_filter(
    order: &[usize],
    rows: &[Located],
    expiries: &[Expiry],
    f: OrgFilter,
) -> Vec<usize> {
    let (q, status) = (lower(f.q.trim()), f.status);
    let (account, organization) = (f.account.trim(), f.organization.trim());
    order
        .iter()
        .copied()
        .filter(|&i| account.is_empty() || rows[i].share.is_account(account))
        .filter(|&i| organization.is_empty() || rows[i].repo.namespace == organization)
        .filter(|&i| status.matches(&expiries[i]))
        .filter(|&i| {
            q.is_empty() || {
                let r = &rows[i];
                lower(&r.share.account).contains(&q)
                    || lower(&r.repo.display()).contains(&q)
                    || lower(&r.share.description).contains(&q)
            }
        })
        .collect()
}

/// Sort key for the end of access: dated ones by date, then forever, then unreadable.
fn ends(d: &Deadline) -> (u8, Option<chrono::NaiveDate>) {
    match d {
        Deadline::LastDay(day) => (0, Some(*day)),
        Deadline::Forever => (1, None),
        Deadline::Unrecognised(_) => (2, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Indices of the rows shown, in order: the view's sort, then its filter.
    fn org_visible(
        rows: &[Located],
        expiries: &[Expiry],
        q: &str,
        account: &str,
        status: StatusFilter,
        sort: OrgSort,
    ) -> Vec<usize> {
        let f = OrgFilter {
            q,
            account,
            organization: "",
            status,
        };
        org_filter(&org_order(rows, expiries, sort), rows, expiries, f)
    }
    use crate::model::{RepoRef, Share};
    use chrono::{NaiveDate, TimeZone, Utc};

    fn row(repo: &str, account: &str, deadline: Deadline) -> Located {
        Located {
            repo: RepoRef::new("acme-fleet", repo).unwrap(),
            share: Share::sample(account)
                .until(deadline)
                .described(&format!("{account} on {repo}")),
        }
    }

    #[test]
    fn expiring_soonest_first_then_filters() {
        let d = |m, day| Deadline::LastDay(NaiveDate::from_ymd_opt(2026, m, day).unwrap());
        let rows = vec![
            row("svc-002", "partner-b", Deadline::Forever),
            row("svc-001", "partner-a", d(12, 20)),
            row("svc-003", "Partner-A", d(11, 30)),
            row("svc-001", "partner-c", d(11, 20)),
        ];
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 0, 0, 0).unwrap();
        let ex: Vec<_> = rows.iter().map(|r| Expiry::of(&r.share, now, 14)).collect();
        let visible =
            |text, account, status, sort| org_visible(&rows, &ex, text, account, status, sort);
        // Still valid, soonest first; forever; the expired last.
        assert_eq!(
            visible("", "", StatusFilter::All, OrgSort::EndsSoonest),
            [2, 1, 0, 3]
        );
        assert_eq!(
            visible("", "partner-a", StatusFilter::All, OrgSort::Repository),
            [1, 2],
            "one account, any case"
        );
        assert_eq!(
            visible("SVC-001", "", StatusFilter::All, OrgSort::Account),
            [1, 3]
        );
        assert_eq!(
            visible("", "", StatusFilter::Expiring, OrgSort::EndsSoonest),
            [2]
        );
        assert_eq!(
            visible("", "", StatusFilter::Expired, OrgSort::EndsSoonest),
            [3]
        );
        assert_eq!(OrgSort::parse(OrgSort::Account.key()), OrgSort::Account);
    }
}
